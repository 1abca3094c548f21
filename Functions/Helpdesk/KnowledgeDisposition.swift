internal import Knowledge
internal import Runtime
internal import SharedPlatform

/// Small pure helpers of the knowledge routes: the download's `Content-Disposition` and the PATCH body.
enum KnowledgeDisposition {
    /// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 / RFC 8187). The
    /// stored name is already sanitised; quotes, backslashes and controls are replaced again here regardless.
    static func attachment(filename: String) -> String {
        let ascii = String(filename.unicodeScalars.map { scalar -> Character in
            scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
        })
        var encoded = ""
        for byte in filename.utf8 {
            let unreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~".utf8.contains(byte)
            encoded += unreserved ? String(UnicodeScalar(byte)) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// The fields of a PATCH body: `title` (1–300), `category` (≤ 60, null clears), `tags` (array or comma list),
    /// `visibility` (`private`|`public`). Unknown fields are refused, so a typo is not silently ignored.
    static func patch(_ body: JSONValue) throws(HTTPError) -> KnowledgePatch {
        guard let members = body.object else { throw .badRequest("Send a JSON object with the fields to change.") }
        var patch = KnowledgePatch()
        for (key, value) in members {
            switch key {
            case "title":
                guard let text = value.string else { throw .invalid("title", "title must be a string.") }
                patch.title = try Validate.text(text, field: "title", length: 1...300)
            case "category":
                if case .null = value { patch.category = .some(nil); continue }
                guard let text = value.string else { throw .invalid("category", "category must be a string or null.") }
                patch.category = .some(try Validate.text(text, field: "category", length: 1...60))
            case "tags":
                if let array = value.array {
                    let strings = array.compactMap(\.string)
                    guard strings.count == array.count else { throw .invalid("tags", "tags must be strings.") }
                    patch.tags = try KnowledgeUpload.tags(String(decoding: (try? JSON.encode(strings)) ?? [], as: UTF8.self))
                } else if let text = value.string {
                    patch.tags = try KnowledgeUpload.tags(text)
                } else {
                    throw .invalid("tags", "tags must be an array of strings.")
                }
            case "visibility":
                guard let text = value.string else { throw .invalid("visibility", "visibility must be private or public.") }
                patch.visibility = try Validate.choice(text, field: "visibility", from: ["private", "public"])
            default:
                throw .invalid(key, "\(key) cannot be changed; send title, category, tags or visibility.")
            }
        }
        return patch
    }
}
