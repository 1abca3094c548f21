internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `/api/v1/invitations…` — admins invite people by e-mail (48 h, single use); the invitee accepts with the
/// mailed token and a password, and is signed in.
enum InvitationHandlers {
    struct Invitation: Encodable {
        let id: String
        let email: String
        let name: String
        let role: String
        let status: String
        let expires_at: String
        let created_at: String
    }

    struct CreateBody: Decodable {
        let email: String
        let name: String?
        let role: String
    }

    struct AcceptBody: Decodable {
        let token: String
        let password: String
        let name: String?
    }

    static let columns: StaticString = """
        id::text AS id, email, name, role,
        CASE WHEN accepted_at IS NOT NULL THEN 'accepted' WHEN revoked_at IS NOT NULL THEN 'revoked'
             WHEN expires_at < now() THEN 'expired' ELSE 'pending' END AS status,
        to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS expires_at,
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
        """

    static func install(on router: inout PlatformRouter) {
        router.post("/api/v1/invitations", create)
        router.get("/api/v1/invitations", list)
        router.post("/api/v1/invitations/{id}/resend", resend)
        router.delete("/api/v1/invitations/{id}", revoke)
        router.post("/api/v1/invitations/accept", accept)
    }

    static func invitation(_ row: PGRow) throws -> Invitation {
        Invitation(id: try row.string("id"), email: try row.string("email"), name: try row.string("name"),
                   role: try row.string("role"), status: try row.string("status"), expires_at: try row.string("expires_at"),
                   created_at: try row.string("created_at"))
    }

    static func create(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let body = try request.decode(CreateBody.self)
        let email = try Validate.email(body.email)
        let name = try Validate.text(body.name ?? "", field: "name", length: 0...200)
        let role = try Validate.choice(body.role, field: "role", from: ["admin", "consultant"])
        let settings = context.services.config.auth
        let created = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> Invitation in
            guard let tenant = try connection.query("SELECT company_name, plan FROM tenants").first else { throw HTTPError.notFound() }
            if try connection.query("SELECT 1 FROM users WHERE email = \(email) AND is_active AND password_hash IS NOT NULL").rowCount > 0 {
                throw HTTPError(.conflict, code: "already_member", message: "\(email) is already a member of this organisation.")
            }
            let users = try connection.query("SELECT count(*) AS n FROM users WHERE is_active").first?.int("n") ?? 0
            let quota = (Plan(rawValue: try tenant.string("plan")) ?? .lite).quotas.max_users
            guard users < quota else {
                throw HTTPError(.conflict, code: "user_quota_reached", message: "Your plan allows \(quota) active users.")
            }
            let id = try Invitations.issue(on: connection, tenantID: principal.tenantID, email: email, name: name, role: role,
                                           invitedBy: principal.userID, company: try tenant.string("company_name"), settings: settings)
            try Audit.record(on: connection, actor: "user:" + principal.userID, action: "invitation.create", target: "invitation:" + id,
                             tenantID: principal.tenantID, requestID: request.requestID)
            guard let row = try connection.query("SELECT \(unsafe: columns) FROM invitations WHERE id = \(id)::uuid").first else {
                throw HTTPError.notFound()
            }
            return try invitation(row)
        }
        return try .json(["invitation": created], status: 201)
    }

    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let page = try Pagination(request)
        let status = try request.query("status").map {
            try Validate.choice($0, field: "status", from: ["pending", "accepted", "revoked", "expired"])
        }
        let result = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            let rows = try connection.query("""
                SELECT * , count(*) OVER () AS total FROM (SELECT \(unsafe: columns) FROM invitations) i
                WHERE \(status)::text IS NULL OR status = \(status)
                ORDER BY created_at DESC, id LIMIT \(page.limit) OFFSET \(page.offset)
                """)
            return Page(data: try rows.all.map(invitation), total: try rows.first?.int("total") ?? 0, pagination: page)
        }
        return try .json(result)
    }

    /// A new token and 48 hours from now; the old link stops working.
    static func resend(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let settings = context.services.config.auth
        let renewed = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> Invitation in
            guard let old = try connection.query("""
                SELECT email, name, role FROM invitations WHERE id = \(id)::uuid AND accepted_at IS NULL AND revoked_at IS NULL
                """).first else { throw HTTPError.notFound("No open invitation with this id.") }
            let company = try connection.query("SELECT company_name FROM tenants").first?.string("company_name") ?? ""
            let newID = try Invitations.issue(on: connection, tenantID: principal.tenantID, email: try old.string("email"),
                                              name: try old.string("name"), role: try old.string("role"),
                                              invitedBy: principal.userID, company: company, settings: settings)
            guard let row = try connection.query("SELECT \(unsafe: columns) FROM invitations WHERE id = \(newID)::uuid").first else {
                throw HTTPError.notFound()
            }
            return try invitation(row)
        }
        return try .json(["invitation": renewed])
    }

    static func revoke(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            guard try connection.query("""
                UPDATE invitations SET revoked_at = now() WHERE id = \(id)::uuid AND accepted_at IS NULL AND revoked_at IS NULL
                """).affectedRows == 1 else { throw HTTPError.notFound("No open invitation with this id.") }
        }
        return .empty()
    }
}
