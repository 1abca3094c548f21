public import Runtime

/// Reads what SendGrid Inbound Parse posts into one ``InboundMessage``: the raw form (the whole RFC 5322
/// message in the `email` field) or the parsed form (`headers`, `from`, `to`, `text`, `html`, `charsets`, …).
///
/// Pure and total on content: malformed mail is read on a best-effort basis; only posts over ``Limits`` or
/// with no mail at all throw. Both forms give the same message (and the same `contentHash`) for the same mail.
public enum InboundParser {
    /// Bounds on one message; the defaults follow SendGrid's 30 MB post limit.
    public struct Limits: Sendable, Equatable {
        /// The largest message (raw form) or sum of fields and files (parsed form), and of decoded parts.
        public var maxBytes: Int
        /// The deepest multipart nesting; the top-level entity is depth 0.
        public var maxDepth: Int
        /// The most MIME entities, multiparts included.
        public var maxParts: Int

        public init(maxBytes: Int = 30 * 1024 * 1024, maxDepth: Int = 20, maxParts: Int = 100) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxParts = maxParts
        }
    }

    /// Reads a whole post's parts, choosing the raw form when an `email` field is present.
    ///
    /// File parts (those with a filename, or named `attachmentN`) become attachments, named and typed from
    /// `attachment-info` when it has them; `envelope` is applied in both forms.
    /// - Throws: ``InboundParseError`` `tooLarge`, `tooDeep`, `tooManyParts` or `empty`.
    public static func post(_ parts: [MultipartPart], limits: Limits = .init()) throws(InboundParseError)
        -> InboundMessage
    {
        guard parts.reduce(0, { $0 + $1.body.count }) <= limits.maxBytes else {
            throw InboundParseError(.tooLarge, "The post is larger than \(limits.maxBytes) bytes.")
        }
        if let email = parts.first(named: "email") {
            var message = try raw(email.body, limits: limits)
            if let envelope = parts.first(named: "envelope") { applyEnvelope(envelope.body, to: &message) }
            return message
        }
        var fields: [String: [UInt8]] = [:]
        var fileParts: [MultipartPart] = []
        for part in parts {
            if part.filename != nil || isAttachmentField(part.name) {
                fileParts.append(part)
            } else if fields[part.name] == nil {
                fields[part.name] = part.body
            }
        }
        let files = PostAttachments.files(fileParts, info: fields["attachment-info"], contentIDs: fields["content-ids"])
        return try parsed(fields: fields, files: files, limits: limits)
    }

    /// Reads the raw form: a whole RFC 5322 message with MIME body parts.
    ///
    /// - Throws: ``InboundParseError`` `tooLarge`, `tooDeep`, `tooManyParts`, or `empty` for a blank message.
    public static func raw(_ message: [UInt8], limits: Limits = .init()) throws(InboundParseError) -> InboundMessage {
        guard message.count <= limits.maxBytes else {
            throw InboundParseError(.tooLarge, "The message is larger than \(limits.maxBytes) bytes.")
        }
        guard message.contains(where: { $0 > 32 }) else { throw InboundParseError(.empty, "The message is empty.") }
        let entity = MIMEEntity(message[...])
        var body = MessageBody(limits: limits)
        try body.walk(entity)
        let plain = body.plain.joined(separator: "\n")
        let html = body.html.isEmpty ? nil : body.html.joined(separator: "\n")
        return MessageAssembly(fields: entity.fields).message(text: plain, html: html, attachments: body.attachments)
    }

    /// Reads the parsed form from its fields' bytes as posted, applying the `charsets` field to each of them.
    ///
    /// The `headers` block gives Message-ID, threading, Reply-To and Date; the `from`, `to`, `cc` and `subject`
    /// fields win over it when present.
    /// - Throws: ``InboundParseError`` `tooLarge`, or `empty` when there are no headers, addresses or body.
    public static func parsed(fields: [String: [UInt8]], files: [InboundAttachment], limits: Limits = .init())
        throws(InboundParseError) -> InboundMessage
    {
        let size = fields.values.reduce(0) { $0 + $1.count } + files.reduce(0) { $0 + $1.bytes.count }
        guard size <= limits.maxBytes else {
            throw InboundParseError(.tooLarge, "The post is larger than \(limits.maxBytes) bytes.")
        }
        let charsets = JSONFields.strings(fields["charsets"])
        func field(_ name: String) -> String? {
            fields[name].map { Charset.decode($0, charset: charsets[name] ?? "utf-8") }
        }
        let headers = MIMEEntity((fields["headers"] ?? [])[...]).fields
        var assembly = MessageAssembly(fields: headers)
        for name in ["from", "to", "cc", "subject"] {
            if let value = field(name), !value.trimmingWhitespace.isEmpty { assembly.override(name, value) }
        }
        let text = field("text") ?? ""
        let html = field("html").flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }
        guard !headers.isEmpty || assembly.hasAddressesOrSubject || !text.trimmingWhitespace.isEmpty || html != nil else {
            throw InboundParseError(.empty, "The post holds neither an email field nor parsed mail fields.")
        }
        var message = assembly.message(text: text, html: html, attachments: files)
        if let envelope = fields["envelope"] { applyEnvelope(envelope, to: &message) }
        return message
    }

    /// The parsed form from fields already decoded to text (their bytes are gone, so `charsets` is not applied).
    ///
    /// Prefer ``parsed(fields:files:limits:)`` with the posted bytes.
    public static func parsed(fields: [String: String], files: [InboundAttachment], limits: Limits = .init())
        throws(InboundParseError) -> InboundMessage
    {
        var bytes = fields.mapValues { Array($0.utf8) }
        bytes["charsets"] = nil
        return try parsed(fields: bytes, files: files, limits: limits)
    }

    private static func applyEnvelope(_ bytes: [UInt8], to message: inout InboundMessage) {
        let envelope = JSONFields.envelope(bytes)
        message.envelopeTo = envelope.to
        message.envelopeFrom = envelope.from
    }

    /// SendGrid names file parts `attachment1` … `attachmentN`.
    private static func isAttachmentField(_ name: String) -> Bool {
        name.hasPrefix("attachment") && name.count > 10 && name.dropFirst(10).allSatisfy(\.isASCII)
            && name.dropFirst(10).allSatisfy(\.isNumber)
    }
}
