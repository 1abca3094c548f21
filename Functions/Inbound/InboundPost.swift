internal import Runtime

/// One Inbound Parse post, split into its text fields and its files, with the key that identifies the message.
///
/// The dedupe key is `mid:<Message-ID>` (lower-cased, without `<>`) read from the `headers` field (parsed form) or
/// the raw `email` (raw form); without a Message-ID it is `sha256:` of every field and file in a canonical order,
/// so SendGrid's retries of the same post match and different mails do not.
struct InboundPost {
    struct File {
        let field: String
        let filename: String
        let contentType: String
        let content: [UInt8]
    }

    let fields: [String: String]
    let files: [File]
    /// `raw` when the post carries the whole message in `email`.
    let form: String
    let messageID: String?

    var dedupeKey: String {
        if let messageID { return "mid:" + messageID }
        var canonical: [UInt8] = []
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            canonical += Array("\(name.utf8.count):\(name)\(value.utf8.count):".utf8) + Array(value.utf8)
        }
        for file in files { canonical += Array("\(file.field):\(file.content.count):".utf8) + file.content }
        return "sha256:" + Digest.sha256Hex(canonical)
    }

    init(parts: [MultipartPart]) throws(HTTPError) {
        var fields: [String: String] = [:]
        var files: [File] = []
        for part in parts {
            if let filename = part.filename {
                files.append(File(field: part.name, filename: String(filename.prefix(255)).isEmpty ? part.name : String(filename.prefix(255)),
                                  contentType: part.contentType ?? "application/octet-stream", content: part.body))
            } else {
                guard fields[part.name] == nil else { throw .badRequest("The field \(part.name) appears twice.") }
                // Field bytes may be in the charset SendGrid reports in `charsets`; keep them readable as UTF-8 here
                // (invalid sequences repaired) — the worker decodes with the declared charset from the raw bytes' text.
                fields[part.name] = String(decoding: part.body, as: UTF8.self)
            }
        }
        guard fields["email"] != nil || fields["headers"] != nil || fields["from"] != nil else {
            throw .badRequest("Not an Inbound Parse post: no email, headers or from field.")
        }
        self.fields = fields
        self.files = files
        form = fields["email"] != nil ? "raw" : "parsed"
        messageID = Self.messageID(in: fields["email"].map(Self.headerBlock) ?? fields["headers"] ?? "")
    }

    /// The header block of a raw message: everything before the first empty line.
    static func headerBlock(_ message: String) -> String {
        var previous: Character?
        var end = message.endIndex
        for index in message.indices {
            let character = message[index]
            // "\r\n" is one Character in Swift, so a blank line is two consecutive line breaks either way.
            if character.isNewline, let previous, previous.isNewline {
                end = index
                break
            }
            previous = character
        }
        return String(message[..<end])
    }

    /// The Message-ID in a header block (folded lines joined), lower-cased without angle brackets; nil if absent.
    static func messageID(in headers: String) -> String? {
        let lines = headers.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, line) in lines.enumerated() where line.lowercased().hasPrefix("message-id:") {
            var value = String(line.dropFirst("message-id:".count))
            var next = index + 1
            while next < lines.count, let first = lines[next].first, first == " " || first == "\t" {
                value += lines[next]
                next += 1
            }
            let id = value.filter { !$0.isWhitespace && $0 != "<" && $0 != ">" }.lowercased()
            return id.isEmpty || id.utf8.count > 500 ? nil : id
        }
        return nil
    }
}
