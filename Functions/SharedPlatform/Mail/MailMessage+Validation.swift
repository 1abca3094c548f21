public import Runtime

extension MailMessage {
    /// The message with addresses trimmed, or a 422 naming the first field that no transport could carry.
    ///
    /// Checks: a key of 1–200 printable ASCII characters; plausible addresses (`Validate.email`) with names free of
    /// CR, LF, `;` and `,`; 1–``maxRecipients`` recipients; a subject of 1–998 characters on one line; a non-empty
    /// body; header names that are RFC 5322 field names and not ``reservedHeaders``, values on one line; attachment
    /// names on one line without `/` or `"`, MIME types of the form `type/subtype`, at most ``maxAttachmentBytes``.
    /// No text may hold NUL (PostgreSQL text cannot).
    /// - Throws: ``HTTPError`` 422 `invalid_field`.
    public func validated() throws(HTTPError) -> MailMessage {
        var message = self
        guard (1...200).contains(idempotencyKey.utf8.count), idempotencyKey.utf8.allSatisfy({ (33...126).contains($0) })
        else { throw .invalid("idempotency_key", "idempotency_key must be 1 to 200 printable ASCII characters.") }
        message.from = try Self.address(from, field: "from")
        message.to = try to.enumerated().map { index, address throws(HTTPError) in try Self.address(address, field: "to[\(index)]") }
        message.cc = try cc.enumerated().map { index, address throws(HTTPError) in try Self.address(address, field: "cc[\(index)]") }
        message.replyTo = try replyTo.map { address throws(HTTPError) in try Self.address(address, field: "reply_to") }
        guard !to.isEmpty, to.count + cc.count <= Self.maxRecipients else {
            throw .invalid("to", "A mail needs 1 to \(Self.maxRecipients) recipients.")
        }
        guard (1...998).contains(subject.count), Self.isOneLine(subject) else {
            throw .invalid("subject", "subject must be 1 to 998 characters on one line.")
        }
        guard !text.isEmpty || !(html ?? "").isEmpty else { throw .invalid("text", "A mail needs a text or HTML body.") }
        guard !text.utf8.contains(0), !(html ?? "").utf8.contains(0) else { throw .invalid("text", "The body holds a NUL byte.") }
        for (name, value) in headers {
            guard Self.isFieldName(name), !Self.reservedHeaders.contains(name.lowercased()) else {
                throw .invalid("headers", "The header \(name) cannot be set.")
            }
            guard value.utf8.count <= 998, Self.isOneLine(value) else { throw .invalid("headers", "The \(name) header must be one line.") }
        }
        var total = 0
        for (index, attachment) in attachments.enumerated() {
            let field = "attachments[\(index)]"
            guard (1...255).contains(attachment.filename.count), Self.isOneLine(attachment.filename),
                !attachment.filename.contains(where: { $0 == "/" || $0 == "\"" || $0 == "\\" })
            else { throw .invalid(field + ".filename", "An attachment needs a file name of 1 to 255 characters.") }
            guard Self.isMediaType(attachment.contentType) else {
                throw .invalid(field + ".content_type", "content_type must look like type/subtype.")
            }
            if let contentID = attachment.contentID, !(1...200).contains(contentID.utf8.count) || !Self.isOneLine(contentID) {
                throw .invalid(field + ".content_id", "content_id must be 1 to 200 characters on one line.")
            }
            total += attachment.content.count
        }
        guard total <= Self.maxAttachmentBytes else {
            throw .invalid("attachments", "Attachments may total at most \(Self.maxAttachmentBytes >> 20) MiB.")
        }
        return message
    }

    /// Every recipient address, `to` then `cc` (the SMTP envelope).
    public var recipients: [String] { (to + cc).map(\.email) }

    private static func address(_ address: MailAddress, field: String) throws(HTTPError) -> MailAddress {
        let email = address.email.trimmingASCIIWhitespace()
        guard email.utf8.count <= 254, isOneLine(email), !email.contains(where: { $0 == " " || $0 == "\"" }) else {
            throw .invalid(field, "\(field) must be an e-mail address.")
        }
        _ = try Validate.email(email, field: field)
        let name = address.name?.trimmingASCIIWhitespace()
        if let name, name.count > 200 || !isOneLine(name) || name.contains(where: { $0 == ";" || $0 == "," }) {
            throw .invalid(field, "The name of \(field) must be one line of at most 200 characters without ; or ,.")
        }
        return MailAddress(email, name: name?.isEmpty == true ? nil : name)
    }

    private static func isOneLine(_ text: String) -> Bool {
        !text.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
    }

    /// RFC 5322 `field-name`: printable ASCII except `:` and space.
    private static func isFieldName(_ name: String) -> Bool {
        (1...76).contains(name.utf8.count) && name.utf8.allSatisfy { (33...126).contains($0) && $0 != UInt8(ascii: ":") }
    }

    private static func isMediaType(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let token: (Substring) -> Bool = { part in
            !part.isEmpty && part.utf8.allSatisfy { byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || "!#$&^_.+-".utf8.contains(byte)
            }
        }
        return text.utf8.count <= 127 && parts.count == 2 && token(parts[0]) && token(parts[1])
    }
}
