internal import FoundationEssentials
public import SharedPlatform

/// Renders a ``MailMessage`` as RFC 5322 / MIME bytes for SMTP submission (CRLF line ends).
///
/// Layout: a single `text/plain` (or `text/html`) part; `multipart/alternative` (text before HTML) when both exist;
/// inside `multipart/mixed` with the attachments when there are any. Every body part is UTF-8 in base64 with
/// 76-character lines, so no line limit or 8-bit issue can arise. Non-ASCII header text becomes RFC 2047 encoded
/// words, non-ASCII file names RFC 2231 parameters. Pure: the same inputs give the same bytes.
public struct MIMEMessage: Sendable {
    public let messageID: String
    public let bytes: [UInt8]

    /// - Parameters:
    ///   - messageID: the `Message-ID` value including angle brackets; stable per idempotency key, so a
    ///     redelivered mail is recognisably the same message.
    ///   - date: an RFC 5322 date (``date(epochSeconds:)``).
    public init(_ message: MailMessage, messageID: String, date: String) {
        self.messageID = messageID
        let boundary = "=_mix_" + Self.token(for: message.idempotencyKey)
        var head: [String] = [
            "From: " + MIMEHeader.address(message.from),
            "To: " + message.to.map(MIMEHeader.address).joined(separator: ",\r\n "),
        ]
        if !message.cc.isEmpty { head.append("Cc: " + message.cc.map(MIMEHeader.address).joined(separator: ",\r\n ")) }
        if let replyTo = message.replyTo { head.append("Reply-To: " + MIMEHeader.address(replyTo)) }
        head += ["Subject: " + MIMEHeader.text(message.subject), "Date: " + date, "Message-ID: " + messageID,
                 "MIME-Version: 1.0"]
        for name in message.headers.keys.sorted() {
            head.append(name + ": " + MIMEHeader.text(message.headers[name] ?? ""))
        }
        var lines = head
        let body = Self.bodyPart(message, boundary: "=_alt_" + Self.token(for: message.idempotencyKey))
        if message.attachments.isEmpty {
            lines += body
        } else {
            lines += ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "--" + boundary] + body
            for attachment in message.attachments {
                lines += ["--" + boundary] + Self.attachmentPart(attachment)
            }
            lines += ["--" + boundary + "--"]
        }
        bytes = Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// An RFC 5322 date in UTC, e.g. `Tue, 01 Jul 2025 10:00:00 +0000`.
    public static func date(epochSeconds: Int) -> String { MIMEHeader.rfc5322Date(epochSeconds: epochSeconds) }

    /// The text/HTML part(s): header lines, a blank line, content.
    private static func bodyPart(_ message: MailMessage, boundary: String) -> [String] {
        let html = message.html.flatMap { $0.isEmpty ? nil : $0 }
        switch (message.text.isEmpty, html) {
        case (false, let html?):
            return ["Content-Type: multipart/alternative; boundary=\"\(boundary)\"", "", "--" + boundary]
                + leaf("text/plain; charset=utf-8", Array(message.text.utf8)) + ["--" + boundary]
                + leaf("text/html; charset=utf-8", Array(html.utf8)) + ["--" + boundary + "--"]
        case (true, let html?):
            return leaf("text/html; charset=utf-8", Array(html.utf8))
        default:
            return leaf("text/plain; charset=utf-8", Array(message.text.utf8))
        }
    }

    private static func attachmentPart(_ attachment: MailAttachment) -> [String] {
        var lines = ["Content-Type: \(attachment.contentType); " + MIMEHeader.parameter("name", attachment.filename),
                     "Content-Disposition: \(attachment.disposition.rawValue); " + MIMEHeader.parameter("filename", attachment.filename)]
        if let contentID = attachment.contentID { lines.append("Content-ID: <\(contentID)>") }
        return lines + ["Content-Transfer-Encoding: base64", ""] + base64Lines(attachment.content)
    }

    private static func leaf(_ contentType: String, _ content: [UInt8]) -> [String] {
        ["Content-Type: " + contentType, "Content-Transfer-Encoding: base64", ""] + base64Lines(content)
    }

    /// Base64 in lines of 76 characters (RFC 2045 §6.8).
    static func base64Lines(_ bytes: [UInt8]) -> [String] {
        let text = Array(Data(bytes).base64EncodedString().utf8)
        return stride(from: 0, to: text.count, by: 76).map { String(decoding: text[$0..<min($0 + 76, text.count)], as: UTF8.self) }
    }

    /// A short hex token derived from `key`, for boundaries (never occurs in base64 content, which has no `_`).
    static func token(for key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
