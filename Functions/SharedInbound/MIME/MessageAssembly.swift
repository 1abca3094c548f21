import Runtime

/// Builds an ``InboundMessage`` from header fields (raw values) and the collected body.
struct MessageAssembly {
    private var fields: [MessageHeader]
    /// Already-decoded values (the parsed form's `from`, `to`, `cc`, `subject` fields) that win over headers.
    private var overrides: [String: String] = [:]

    init(fields: [MessageHeader]) { self.fields = fields }

    mutating func override(_ name: String, _ value: String) { overrides[name] = value }

    var hasAddressesOrSubject: Bool { !overrides.isEmpty }

    private func raw(_ name: String) -> String? { overrides[name] ?? fields.first(named: name) }

    func message(text plain: String, html: String?, attachments: [InboundAttachment]) -> InboundMessage {
        let subject = raw("subject").map { EncodedWord.decode($0).trimmingWhitespace } ?? ""
        let text = plain.trimmingWhitespace.isEmpty ? html.map(HTMLText.text(fromHTML:)) ?? "" : plain
        var message = InboundMessage(
            messageID: fields.first(named: "message-id").flatMap { MessageIDs.all($0).first },
            from: raw("from").flatMap { EmailAddress.parseList($0).first },
            to: raw("to").map(EmailAddress.parseList) ?? [],
            cc: raw("cc").map(EmailAddress.parseList) ?? [],
            replyTo: fields.first(named: "reply-to").flatMap { EmailAddress.parseList($0).first },
            subject: subject,
            inReplyTo: fields.first(named: "in-reply-to").flatMap { MessageIDs.all($0).first },
            references: fields.first(named: "references").map(MessageIDs.all) ?? [],
            headers: fields.prefix(1000).map { MessageHeader(name: $0.name, value: EncodedWord.decode($0.value)) },
            text: text, html: html, attachments: attachments)
        message.contentHash = Self.contentHash(message, date: fields.first(named: "date") ?? "")
        return message
    }

    /// SHA-256 over `from`, sorted `to`, subject, Date header and text, each normalized (addresses lower-cased,
    /// lines right-trimmed, the text trimmed), so the same mail hashes alike whichever form it came in.
    static func contentHash(_ message: InboundMessage, date: String) -> String {
        let text = message.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingTrailingBlanks }
            .joined(separator: "\n").trimmingWhitespace
        let canonical = [
            "from:" + (message.from?.normalized ?? ""),
            "to:" + message.to.map(\.normalized).sorted().joined(separator: ","),
            "subject:" + message.subject,
            "date:" + date.trimmingWhitespace,
            "text:" + text,
        ].joined(separator: "\n")
        return Digest.sha256Hex(Array(canonical.utf8))
    }
}

/// The parsed form's JSON fields, read leniently: anything malformed reads as empty.
enum JSONFields {
    /// A JSON object of strings (`charsets`), with keys as given; non-string members are skipped.
    static func strings(_ bytes: [UInt8]?) -> [String: String] {
        object(bytes).compactMapValues(string)
    }

    /// `envelope`: `{"to":["…"],"from":"…"}` (a single `to` string is accepted too).
    static func envelope(_ bytes: [UInt8]) -> (to: [String], from: String?) {
        let members = object(bytes)
        var to: [String] = []
        switch members["to"] {
        case .string(let address): to = [address]
        case .array(let values): to = values.compactMap(string)
        default: break
        }
        let from = string(members["from"])?.trimmingWhitespace
        return (to.map(\.trimmingWhitespace).filter { !$0.isEmpty }, from?.isEmpty == false ? from : nil)
    }

    /// The text of a JSON string value, or nil.
    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// A JSON object of at most 64 KiB and 16 levels; empty otherwise.
    static func object(_ bytes: [UInt8]?) -> [String: JSONValue] {
        guard let bytes, bytes.count <= 64 * 1024, depth(bytes) <= 16 else { return [:] }
        return (try? JSONValue.object(from: bytes)) ?? [:]
    }

    private static func depth(_ bytes: [UInt8]) -> Int {
        var depth = 0
        var deepest = 0
        for byte in bytes {
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { depth -= 1 }
            deepest = max(deepest, depth)
        }
        return deepest
    }
}
