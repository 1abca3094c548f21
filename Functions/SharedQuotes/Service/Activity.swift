public import RuntimePostgres

/// The `activities` log: every state change and note on a quote, invoice or client, in the caller's transaction
/// (so a refused change logs nothing and a logged change cannot be lost).
public enum Activity {
    /// Appends one activity. `actor` is `user:<uuid>`, `system:<job>` or `public:share-link`.
    public static func record(on connection: PGConnection, tenantID: String, subject: String, id: String, kind: String,
                              from: String? = nil, to: String? = nil, actor: String, note: String = "",
                              detail: String = "{}") throws {
        try connection.query("""
            INSERT INTO activities (tenant_id, subject_type, subject_id, kind, from_status, to_status, actor, note, detail)
            VALUES (\(tenantID), \(subject), \(id)::uuid, \(kind), \(from), \(to), \(actor), \(note), \(detail)::jsonb)
            """)
    }
}
