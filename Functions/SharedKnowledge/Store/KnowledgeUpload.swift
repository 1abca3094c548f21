public import Runtime
internal import SharedPlatform

/// A validated upload from `multipart/form-data`: `file` plus optional `title`, `category`, `tags` (comma-separated
/// or a JSON array), `visibility` (`private` default, or `public`) and `language` (ISO 639-1, default English).
public struct KnowledgeUpload: Sendable {
    public let bytes: [UInt8]
    public let filename: String
    public let format: DocumentFormat
    public let title: String
    public let category: String?
    public let tags: [String]
    public let visibility: String
    public let language: String
    public let sha256: String

    /// - Throws: ``HTTPError`` 422 naming the field (empty or missing file, bad values, a name/content mismatch),
    ///   413 over `maxBytes`, 415 for an unsupported type.
    public init(parts: [MultipartPart], maxBytes: Int) throws(HTTPError) {
        guard let file = parts.first(named: "file") else { throw .invalid("file", "Attach the document as the file field.") }
        guard !file.body.isEmpty else { throw .invalid("file", "The file is empty.") }
        guard file.body.count <= maxBytes else {
            throw HTTPError(.payloadTooLarge, code: .payloadTooLarge, message: "Documents may be at most \(maxBytes >> 20) MiB.")
        }
        let name = Self.safeFilename(file.filename ?? "document")
        filename = name
        let declared = file.contentType.flatMap { HeaderValue($0)?.value }
        do {
            format = try DocumentFormat.detect(bytes: file.body, filename: name, declaredType: declared)
        } catch {
            switch error {
            case .unsupported(let message):
                throw HTTPError(.unsupportedMediaType, code: "unsupported_document_type", message: message, field: "file")
            case .mismatch(let message):
                throw HTTPError(.unprocessableContent, code: "document_type_mismatch", message: message, field: "file")
            }
        }
        bytes = file.body
        let text = { (name: String) -> String? in
            parts.first(named: name).map { TextNormalizer.collapse($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        title = try Validate.text(text("title") ?? (stem.isEmpty ? name : stem), field: "title", length: 1...300)
        if let value = text("category") {
            category = try Validate.text(value, field: "category", length: 1...60)
        } else {
            category = nil
        }
        tags = try Self.tags(text("tags"))
        visibility = try Validate.choice(text("visibility") ?? "private", field: "visibility", from: ["private", "public"])
        language = try Self.language(text("language"))
        sha256 = Digest.sha256Hex(file.body)
    }

    /// Tags from `a, b` or `["a","b"]`: trimmed, 1–50 characters each, at most 20, duplicates (ignoring case) dropped.
    public static func tags(_ raw: String?, field: String = "tags") throws(HTTPError) -> [String] {
        guard let raw, !raw.isEmpty else { return [] }
        var items: [String]
        if raw.hasPrefix("[") {
            guard let array = try? JSON.decode([String].self, from: Array(raw.utf8)) else {
                throw .invalid(field, "tags must be a comma-separated list or a JSON array of strings.")
            }
            items = array
        } else {
            items = raw.split(separator: ",").map(String.init)
        }
        var seen = Set<String>()
        var tags: [String] = []
        for item in items.map(TextNormalizer.collapse) where !item.isEmpty && seen.insert(item.lowercased()).inserted {
            guard item.count <= 50 else { throw .invalid(field, "Each tag must be at most 50 characters.") }
            tags.append(item)
        }
        guard tags.count <= 20 else { throw .invalid(field, "A document may have at most 20 tags.") }
        return tags
    }

    /// `language` as a text-search configuration (unknown codes → `simple`).
    public static func language(_ raw: String?) throws(HTTPError) -> String {
        guard let raw else { return KnowledgeLanguage.defaultConfiguration }
        guard let configuration = KnowledgeLanguage.configuration(for: raw) else {
            throw .invalid("language", "language must be an ISO 639-1 code such as en, fr or de.")
        }
        return configuration
    }

    /// The client's file name reduced to a safe base name: no directories, no control or quote characters, at most
    /// 255 bytes, never empty or a dot-name.
    public static func safeFilename(_ raw: String) -> String {
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !"\"<>|:*?;".unicodeScalars.contains($0) }
            .map(Character.init))
        name = TextNormalizer.collapse(name)
        while name.hasPrefix(".") { name.removeFirst() }
        while name.utf8.count > 255 { name.removeFirst() }
        return name.isEmpty ? "document" : name
    }
}
