internal import Runtime
public import RuntimePostgres

/// A stored inbound post (`inbound_messages` + `inbound_attachments`) as the worker reads it, and the status changes
/// the worker records on it. Platform data: every call runs on a `Database.asPlatform` connection.
public struct InboundRecord: Sendable {
    /// One stored file of the post.
    public struct File: Sendable, Equatable {
        public var field: String
        public var filename: String
        public var contentType: String
        public var content: [UInt8]
    }

    /// `inbound_messages.id` (uuid).
    public let id: String
    /// `received`, `processing`, `processed`, `unroutable`, `ignored` or `dead`.
    public let status: String
    /// `parsed` or `raw`.
    public let form: String
    /// The tenant named in the webhook URL, a routing hint only.
    public let urlTenant: String?
    /// The post's text fields as stored (UTF-8).
    public let fields: [String: String]
    public let files: [File]

    /// The row `id`, locked for the caller's transaction (a second worker on the same message waits); nil when absent.
    public static func load(_ id: String, on connection: PGConnection) throws -> InboundRecord? {
        guard
            let row = try connection.query(
                """
                SELECT id::text AS id, status, form, url_tenant, fields::text AS fields
                FROM inbound_messages WHERE id = \(id)::uuid FOR UPDATE
                """
            ).first
        else { return nil }
        let stored = (try? JSONValue.object(from: Array(try row.string("fields").utf8))) ?? [:]
        var fields: [String: String] = [:]
        for (name, value) in stored {
            if let text = value.string { fields[name] = text }
        }
        let files = try connection.query(
            """
            SELECT field, filename, content_type, content FROM inbound_attachments
            WHERE message_id = \(id)::uuid ORDER BY position
            """
        ).all.map { file in
            File(
                field: try file.string("field"), filename: try file.string("filename"),
                contentType: try file.string("content_type"), content: try file.bytes("content"))
        }
        return InboundRecord(
            id: try row.string("id"), status: try row.string("status"), form: try row.string("form"),
            urlTenant: row["url_tenant"], fields: fields, files: files)
    }

    /// The message rebuilt from the stored post, exactly as the webhook received it.
    ///
    /// Stored fields are already UTF-8 text, so `charsets` is not applied a second time.
    /// - Throws: ``InboundParseError`` when the post holds no mail (e.g. a raw form whose `email` is blank).
    public func message() throws(InboundParseError) -> InboundMessage {
        if form == "raw" && (fields["email"] ?? "").allSatisfy(\.isWhitespace) {
            throw InboundParseError(.empty, "The raw post has no message in its email field.")
        }
        var parts: [MultipartPart] = []
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) where name != "charsets" {
            parts.append(MultipartPart(name: name, body: Array(value.utf8)))
        }
        for file in files {
            parts.append(
                MultipartPart(
                    name: file.field, filename: file.filename, contentType: file.contentType,
                    body: file.content))
        }
        return try InboundParser.post(parts)
    }

    /// Records `status` (and, for `processed`, the tenant) with `error` as `last_error` (nil clears it).
    public static func mark(
        _ id: String, status: String, tenant: String? = nil, error: String? = nil,
        on connection: PGConnection
    ) throws {
        try connection.query(
            """
            UPDATE inbound_messages SET status = \(status), routed_tenant = coalesce(\(tenant), routed_tenant),
                   last_error = \(error.map { String($0.prefix(2000)) }), updated_at = now()
            WHERE id = \(id)::uuid
            """)
    }
}
