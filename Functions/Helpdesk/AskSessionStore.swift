internal import FoundationEssentials
internal import Integrations
internal import Runtime
internal import RuntimePostgres

/// `helpdesk_sessions` rows (kind `ask`, or `agent` for the agent's chats), always filtered by the owning user:
/// another user's session (same tenant or not — RLS covers the tenant) is indistinguishable from a missing one (404).
enum AskSessionStore {
    /// One stored message: `{"role","content","at"}` plus, for answers, `answered`, `method`, `sources`; agent
    /// sessions add `tool_calls` (an assistant calling tools, OpenAI's shape) and `tool_call_id` (a `tool` result).
    struct Message: Codable {
        let role: String
        let content: String
        let at: String
        var answered: Bool?
        var method: String?
        var sources: [String]?
        var tool_calls: [ToolCall]?
        var tool_call_id: String?
    }

    /// Whether `id` is a session of `userID` (in the connection's tenant).
    static func exists(_ id: String, userID: String, on connection: PGConnection) throws -> Bool {
        try connection.query("""
            SELECT 1 FROM helpdesk_sessions WHERE id = \(id)::uuid AND user_id = \(userID)::uuid
            """).first != nil
    }

    /// Appends the question and answer to session `id`, or to a new session when `id` is nil; returns its id.
    static func append(_ messages: [Message], to id: String?, userID: String, tenantID: String, title: String,
                       kind: String = "ask", on connection: PGConnection) throws -> String {
        let json = String(decoding: try JSON.encode(messages), as: UTF8.self)
        if let id {
            try connection.query("""
                UPDATE helpdesk_sessions SET messages = messages || \(json)::jsonb, updated_at = now()
                WHERE id = \(id)::uuid AND user_id = \(userID)::uuid
                """)
            return id
        }
        guard let row = try connection.query("""
            INSERT INTO helpdesk_sessions (tenant_id, user_id, kind, title, messages)
            VALUES (\(tenantID), \(userID)::uuid, \(kind), \(shortTitle(title)), \(json)::jsonb)
            RETURNING id::text AS id
            """).first else { throw HTTPError.notFound() }
        return try row.string("id")
    }

    /// At most 200 Unicode scalars (the column's check counts code points, not characters).
    static func shortTitle(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(200))
        return String(scalars)
    }

    /// RFC 3339 UTC now, as the database clock says.
    static func now(on connection: PGConnection) throws -> String {
        try connection.query("""
            SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
            """).first?["at"] ?? ""
    }
}
