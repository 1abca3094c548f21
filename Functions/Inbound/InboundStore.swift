internal import Runtime
internal import RuntimePostgres

/// Writes an inbound post to `inbound_messages` / `inbound_attachments` and queues its `inbound.process` job, all
/// on the caller's platform transaction, once per dedupe key.
enum InboundStore {
    /// The worker's job kind for a stored message (payload `{"message_id": "<uuid>"}`).
    static let jobKind = "inbound.process"

    struct Stored {
        let id: String
        /// False for a re-delivery of a message already stored (nothing was written).
        let created: Bool
    }

    static func store(_ post: InboundPost, urlTenant: String?, bodyBytes: Int, on connection: PGConnection) throws -> Stored {
        let key = post.dedupeKey
        let fields = String(decoding: try JSON.encode(post.fields), as: UTF8.self)
        guard let row = try connection.query("""
            INSERT INTO inbound_messages (dedupe_key, form, url_tenant, fields, message_id, body_bytes)
            VALUES (\(key), \(post.form), \(urlTenant), \(fields)::jsonb, \(post.messageID), \(bodyBytes))
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id::text AS id
            """).first else {
            let existing = try connection.query("SELECT id::text AS id FROM inbound_messages WHERE dedupe_key = \(key)").first
            return Stored(id: try existing?.string("id") ?? "", created: false)
        }
        let id = try row.string("id")
        for (position, file) in post.files.enumerated() {
            try connection.query("""
                INSERT INTO inbound_attachments (message_id, position, field, filename, content_type, content)
                VALUES (\(id)::uuid, \(position), \(file.field), \(file.filename), \(file.contentType),
                        \(PGBytes(file.content))::bytea)
                """)
        }
        let job = try JobQueue.enqueue(on: connection, kind: jobKind, payload: #"{"message_id":"\#(id)"}"#, tenantID: nil,
                                       idempotencyKey: "\(jobKind):\(id)", maxAttempts: 10)
        try connection.query("UPDATE inbound_messages SET job_id = \(job) WHERE id = \(id)::uuid")
        return Stored(id: id, created: true)
    }
}
