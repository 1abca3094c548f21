internal import Runtime
public import RuntimePostgres
public import SharedPlatform

/// A knowledge document as the API shows it (`{"document": …}`); timestamps RFC 3339 UTC.
public struct KnowledgeDocument: Encodable, Sendable, Equatable {
    public let id: String
    /// `tenant` or `global`.
    public let scope: String
    public let title: String
    public let filename: String
    public let content_type: String
    public let format: String
    public let byte_size: Int
    public let sha256: String
    public let category: String?
    public let tags: [String]
    public let visibility: String
    public let language: String
    /// `pending`, `processing`, `indexed` or `error`.
    public let status: String
    public let error_message: String?
    public let chunk_count: Int
    public let uploaded_by: String?
    public let created_at: String
    public let updated_at: String
    public let indexed_at: String?

    /// The columns ``init(row:)`` reads, for `SELECT … FROM knowledge_documents d`.
    public static let columns: StaticString = """
        d.id::text AS id, CASE WHEN d.tenant_id IS NULL THEN 'global' ELSE 'tenant' END AS scope, d.title, d.filename,
        d.content_type, d.format, d.byte_size, d.sha256, d.category, array_to_json(d.tags)::text AS tags, d.visibility,
        d.language::text AS language, d.status, d.error_message, d.chunk_count, d.uploaded_by::text AS uploaded_by,
        to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
        to_char(d.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
        to_char(d.indexed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS indexed_at,
        (extract(epoch FROM d.created_at) * 1000000)::bigint AS cursor_micros
        """

    /// The list cursor of this row (its creation time to the microsecond and id), opaque to clients.
    public let cursor: KeysetCursor

    public init(row: PGRow) throws {
        id = try row.string("id")
        scope = try row.string("scope")
        title = try row.string("title")
        filename = try row.string("filename")
        content_type = try row.string("content_type")
        format = try row.string("format")
        byte_size = try row.int("byte_size")
        sha256 = try row.string("sha256")
        category = row["category"]
        tags = (try? JSON.decode([String].self, from: Array((row["tags"] ?? "[]").utf8))) ?? []
        visibility = try row.string("visibility")
        language = try row.string("language")
        status = try row.string("status")
        error_message = row["error_message"]
        chunk_count = try row.int("chunk_count")
        uploaded_by = row["uploaded_by"]
        created_at = try row.string("created_at")
        updated_at = try row.string("updated_at")
        indexed_at = row["indexed_at"]
        cursor = KeysetCursor(micros: Int64(try row.int("cursor_micros")), id: id)
    }

    private enum CodingKeys: String, CodingKey {
        case id, scope, title, filename, content_type, format, byte_size, sha256, category, tags, visibility, language,
             status, error_message, chunk_count, uploaded_by, created_at, updated_at, indexed_at
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(scope, forKey: .scope)
        try container.encode(title, forKey: .title)
        try container.encode(filename, forKey: .filename)
        try container.encode(content_type, forKey: .content_type)
        try container.encode(format, forKey: .format)
        try container.encode(byte_size, forKey: .byte_size)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(category, forKey: .category)
        try container.encode(tags, forKey: .tags)
        try container.encode(visibility, forKey: .visibility)
        try container.encode(language, forKey: .language)
        try container.encode(status, forKey: .status)
        try container.encode(error_message, forKey: .error_message)
        try container.encode(chunk_count, forKey: .chunk_count)
        try container.encode(uploaded_by, forKey: .uploaded_by)
        try container.encode(created_at, forKey: .created_at)
        try container.encode(updated_at, forKey: .updated_at)
        try container.encode(indexed_at, forKey: .indexed_at)
    }
}
