internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `/api/v1/users…` — a tenant's users (admins only). Users are deactivated, never deleted, so their work
/// keeps its author; an admin cannot demote or deactivate themself, and the last active admin stays.
enum UserHandlers {
    struct User: Encodable {
        let id: String
        let email: String
        let name: String
        let role: String
        let is_active: Bool
        let last_login_at: String?
        let created_at: String
    }

    struct PatchBody: Decodable {
        let name: String?
        let role: String?
        let is_active: Bool?
    }

    static let columns: StaticString = """
        id::text AS id, email, name, role, is_active,
        to_char(last_login_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_login_at,
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
        """

    static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/users", list)
        router.get("/api/v1/users/{id}", get)
        router.patch("/api/v1/users/{id}", update)
        router.delete("/api/v1/users/{id}", deactivate)
    }

    static func user(_ row: PGRow) throws -> User {
        User(id: try row.string("id"), email: try row.string("email"), name: try row.string("name"), role: try row.string("role"),
             is_active: try row.bool("is_active"), last_login_at: row["last_login_at"], created_at: try row.string("created_at"))
    }

    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let page = try Pagination(request)
        let result = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            let rows = try connection.query("""
                SELECT \(unsafe: columns), count(*) OVER () AS total FROM users
                ORDER BY created_at, id LIMIT \(page.limit) OFFSET \(page.offset)
                """)
            return Page(data: try rows.all.map(user), total: try rows.first?.int("total") ?? 0, pagination: page)
        }
        return try .json(result)
    }

    static func get(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let found = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            try connection.query("SELECT \(unsafe: columns) FROM users WHERE id = \(id)::uuid").first.map(user)
        }
        guard let found else { throw HTTPError.notFound("No such user.") }
        return try .json(["user": found])
    }

    static func update(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let body = try request.decode(PatchBody.self)
        let name = try body.name.map { try Validate.text($0, field: "name", length: 1...200) }
        let role = try body.role.map { try Validate.choice($0, field: "role", from: ["admin", "consultant"]) }
        if id == principal.userID, (role.map { $0 != "admin" } ?? false) || body.is_active == false {
            throw HTTPError(.conflict, code: "cannot_change_self", message: "You cannot demote or deactivate yourself.")
        }
        let updated = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> User in
            guard let row = try connection.query("""
                UPDATE users SET name = coalesce(\(name), name), role = coalesce(\(role), role),
                                 is_active = coalesce(\(body.is_active), is_active), updated_at = now()
                WHERE id = \(id)::uuid RETURNING \(unsafe: columns)
                """).first else { throw HTTPError.notFound("No such user.") }
            try requireAnActiveAdmin(on: connection)
            if body.is_active == false { try Sessions.revokeAll(user: id, tenant: principal.tenantID, on: connection) }
            try Audit.record(on: connection, actor: "user:" + principal.userID, action: "user.update", target: "user:" + id,
                             tenantID: principal.tenantID, requestID: request.requestID)
            return try user(row)
        }
        context.services.shared.invalidate(tenant: principal.tenantID)
        return try .json(["user": updated])
    }

    static func deactivate(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        guard id != principal.userID else {
            throw HTTPError(.conflict, code: "cannot_change_self", message: "You cannot deactivate yourself.")
        }
        try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            guard try connection.query("UPDATE users SET is_active = false, updated_at = now() WHERE id = \(id)::uuid").affectedRows == 1 else {
                throw HTTPError.notFound("No such user.")
            }
            try requireAnActiveAdmin(on: connection)
            try Sessions.revokeAll(user: id, tenant: principal.tenantID, on: connection)
            try Audit.record(on: connection, actor: "user:" + principal.userID, action: "user.deactivate", target: "user:" + id,
                             tenantID: principal.tenantID, requestID: request.requestID)
        }
        context.services.shared.invalidate(tenant: principal.tenantID)
        return .empty()
    }

    /// Refuses a change that would leave the tenant without an active admin (the transaction rolls back).
    private static func requireAnActiveAdmin(on connection: PGConnection) throws {
        let admins = try connection.query("SELECT count(*) AS n FROM users WHERE role = 'admin' AND is_active").first?.int("n") ?? 0
        guard admins > 0 else {
            throw HTTPError(.conflict, code: "last_admin", message: "The organisation must keep at least one active admin.")
        }
    }
}
