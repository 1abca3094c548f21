/// A unit of extracted text: a heading (which starts a section) or a paragraph.
public enum TextBlock: Sendable, Equatable {
    /// A section title (Markdown `#`, HTML `<h1>`–`<h6>`, a DOCX `Heading*` paragraph).
    case heading(String)
    /// A run of text that belongs together; lines inside it were joined with spaces.
    case paragraph(String)

    /// The block's text.
    public var text: String {
        switch self {
        case .heading(let text), .paragraph(let text): return text
        }
    }
}

/// Paragraphs from plain text: blank lines separate paragraphs, lines inside one are joined (a word hyphenated across
/// a line break is rejoined).
enum PlainParagraphs {
    static func blocks(_ text: String) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var lines: [String] = []
        func flush() {
            let joined = join(lines)
            if !joined.isEmpty { blocks.append(.paragraph(joined)) }
            lines.removeAll()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = TextNormalizer.collapse(String(line))
            if trimmed.isEmpty { flush() } else { lines.append(trimmed) }
        }
        flush()
        return blocks
    }

    static func join(_ lines: [String]) -> String {
        var result = ""
        for line in lines {
            if result.hasSuffix("-"), let first = line.first, first.isLowercase,
               let before = result.dropLast().last, before.isLetter {
                result.removeLast()
                result += line
            } else {
                result += result.isEmpty ? line : " " + line
            }
        }
        return result
    }
}
