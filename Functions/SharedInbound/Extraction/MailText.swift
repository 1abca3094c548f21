/// A mail split into the part its sender wrote and the part it quotes, so rules prefer the sender's own words.
///
/// Rules:
/// - The body is cut to 100 KB (UTF-8) and the subject to 1 KB before anything else.
/// - A reply's quote starts at "On … wrote:", "-----Original Message-----", or the first `>`-prefixed line;
///   `>` markers are removed from quoted lines.
/// - A forwarded mail ("---------- Forwarded message", "Begin forwarded message:") is read the other way round:
///   the forwarded message is the primary part (its `From: Name <address>` header names the customer), and the
///   forwarder's note is secondary.
/// - Header-like lines inside quotes (From:, Sent:, Date:, To:, Cc:, Subject:) are dropped from the text rules
///   scan, so the date a reply was sent is never read as a travel date.
struct MailText: Sendable {
    static let maxBodyBytes = 100_000
    static let maxSubjectBytes = 1_000

    /// Subject line plus the sender's own text.
    var primary: String
    /// Quoted or forwarding text.
    var secondary: String
    /// The sender's own text without the subject (for names and sign-offs).
    var ownBody: String
    /// `From:` display name and address of a forwarded message, if any.
    var forwardedFromName: String?
    var forwardedFromEmail: String?

    init(subject: String, body: String) {
        let subject = Self.truncate(subject, to: Self.maxSubjectBytes)
        let lines = Self.truncate(body, to: Self.maxBodyBytes).split(separator: "\n", omittingEmptySubsequences: false)
        var own: [Substring] = [], quoted: [Substring] = []
        var mode = 0  // 0 own text, 1 quoted reply, 2 forwarded message (primary)
        var forwardedNote: [Substring] = []
        for line in lines {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            let lower = trimmed.lowercased()
            if Self.isForwardMarker(lower) {
                forwardedNote.append(contentsOf: own)
                own = []
                mode = 2
                continue
            }
            if mode == 0 && (Self.isReplyMarker(lower) || trimmed.hasPrefix(">")) { mode = 1 }
            if mode == 1 {
                if Self.isReplyMarker(lower) { continue }
                let unquoted = trimmed.drop(while: { $0 == ">" || $0 == " " })
                if !Self.isHeaderLine(unquoted.lowercased()) { quoted.append(unquoted) }
                continue
            }
            if mode == 2, Self.isHeaderLine(lower) {
                if lower.hasPrefix("from:") {
                    (forwardedFromName, forwardedFromEmail) = Self.address(trimmed.dropFirst(5))
                }
                continue
            }
            own.append(line)
        }
        ownBody = own.joined(separator: "\n")
        primary = subject + "\n" + ownBody
        secondary = (forwardedNote + quoted).joined(separator: "\n")
    }

    static func truncate(_ text: String, to bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        return String(decoding: text.utf8.prefix(bytes), as: UTF8.self)
    }

    static func isForwardMarker(_ lower: String) -> Bool {
        lower.hasPrefix("---------- forwarded message") || lower.hasPrefix("begin forwarded message")
            || lower.hasPrefix("-------- forwarded message") || lower.hasPrefix("-----forwarded message")
    }

    static func isReplyMarker(_ lower: String) -> Bool {
        (lower.hasPrefix("on ") && lower.hasSuffix("wrote:")) || lower.hasPrefix("-----original message")
            || (lower.hasPrefix("am ") && lower.hasSuffix("schrieb:"))
            || (lower.hasPrefix("le ") && lower.hasSuffix("a écrit :"))
    }

    static func isHeaderLine(_ lower: String) -> Bool {
        for prefix in ["from:", "sent:", "date:", "to:", "cc:", "subject:", "von:", "gesendet:", "an:", "betreff:"]
        where lower.hasPrefix(prefix) { return true }
        return false
    }

    /// `Name <address>` or a bare address → (name, address); quotes around the name are removed.
    static func address(_ text: Substring) -> (String?, String?) {
        let text = text.trimmingWhitespace()
        guard let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") else {
            return (nil, text.contains("@") ? String(text) : nil)
        }
        let name = text[..<open].trimmingWhitespace().filter { $0 != "\"" }
        let email = String(text[text.index(after: open)..<close])
        return (name.isEmpty ? nil : String(name), email.contains("@") ? email : nil)
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace.
    func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
            let end = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return text[start...end]
    }
}
