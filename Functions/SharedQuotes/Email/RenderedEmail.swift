/// A rendered email, ready for a `MailMessage`: subject, text/plain body and text/html body.
///
/// Invariant: `subject` is one line (control characters and line breaks, CR/LF included, become spaces; runs of
/// whitespace collapse) of at most ``maxSubjectLength`` characters, trimmed — so no value can inject a header.
public struct RenderedEmail: Sendable, Equatable {
    /// The longest subject, in characters.
    public static let maxSubjectLength = 300

    public let subject: String
    public let text: String
    public let html: String

    /// Builds an email, making `subject` one trimmed line of at most ``maxSubjectLength`` characters.
    public init(subject: String, text: String, html: String) {
        self.subject = Self.subjectLine(subject)
        self.text = text
        self.html = html
    }

    /// `text` as a subject: one line, whitespace collapsed, trimmed, cut to ``maxSubjectLength`` characters.
    public static func subjectLine(_ text: String) -> String {
        var line = ""
        var pendingSpace = false
        for character in text {
            let isBreak = character.unicodeScalars.contains { scalar in
                scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            }
            if isBreak {
                pendingSpace = !line.isEmpty
                continue
            }
            if pendingSpace {
                line.append(" ")
                pendingSpace = false
            }
            line.append(character)
        }
        guard line.count > maxSubjectLength else { return line }
        let cut = line.prefix(maxSubjectLength)
        return String(cut.reversed().drop(while: { $0 == " " }).reversed())
    }
}
