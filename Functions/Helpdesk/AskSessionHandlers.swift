internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// The caller's own helpdesk sessions: `GET /api/v1/helpdesk/sessions` (newest first, `limit`/`offset`, optional
/// `kind=ask|agent`), `GET /api/v1/helpdesk/sessions/{id}` and `DELETE /api/v1/helpdesk/sessions/{id}`. Another
/// user's session — of the same tenant or not — is 404, exactly like a missing one.
enum AskSessionHandlers {
    struct Summary: Encodable {
        let id: String
        let kind: String
        let title: String
        let message_count: Int
        let created_at: String
        let updated_at: String
    }

    struct Detail: Encodable {
        let id: String
        let kind: String
        let title: String
        let messages: JSONValue
        let created_at: String
        let updated_at: String
    }

    static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/helpdesk/sessions", list)
        router.get("/api/v1/helpdesk/sessions/{id}", show)
        router.delete("/api/v1/helpdesk/sessions/{id}", remove)
    }

    private static let timestamps = """
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
        to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
        """ as StaticString

    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let page = try Pagination(request)
        let kind = try request.query("kind").map { try Validate.choice($0, field: "kind", from: ["ask", "agent"]) }
        let result = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            let rows = try connection.query("""
                SELECT id::text AS id, kind, title, jsonb_array_length(messages) AS message_count, \(unsafe: timestamps),
                       count(*) OVER () AS total
                FROM helpdesk_sessions
                WHERE user_id = \(principal.userID)::uuid AND (\(kind)::text IS NULL OR kind = \(kind))
                ORDER BY updated_at DESC, id LIMIT \(page.limit) OFFSET \(page.offset)
                """)
            let data = try rows.all.map { row in
                Summary(id: try row.string("id"), kind: try row.string("kind"), title: try row.string("title"),
                        message_count: try row.int("message_count"), created_at: try row.string("created_at"),
                        updated_at: try row.string("updated_at"))
            }
            return Page(data: data, total: try rows.first?.int("total") ?? 0, pagination: page)
        }
        return try .json(result)
    }

    static func show(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let detail = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> Detail? in
            guard let row = try connection.query("""
                SELECT id::text AS id, kind, title, messages::text AS messages, \(unsafe: timestamps)
                FROM helpdesk_sessions WHERE id = \(id)::uuid AND user_id = \(principal.userID)::uuid
                """).first else { return nil }
            let messages = (try? JSON.decode(JSONValue.self, from: Array(try row.string("messages").utf8))) ?? .array([])
            return Detail(id: try row.string("id"), kind: try row.string("kind"), title: try row.string("title"),
                          messages: messages, created_at: try row.string("created_at"), updated_at: try row.string("updated_at"))
        }
        guard let detail else { throw HTTPError.notFound("No such session.") }
        return try .json(detail)
    }

    static func remove(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let deleted = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            try connection.query("""
                DELETE FROM helpdesk_sessions WHERE id = \(id)::uuid AND user_id = \(principal.userID)::uuid
                """).affectedRows
        }
        guard deleted > 0 else { throw HTTPError.notFound("No such session.") }
        return .empty()
    }
}
