internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `/api/v1/admin/tenants…` — the platform operator's tenant registry (X-Admin-Token; every action audited).
enum AdminTenantHandlers {
    struct CreateBody: Decodable {
        let tenant_id: String
        let company_name: String
        let admin_email: String
        let admin_password: String?
        let admin_name: String?
        let timezone: String?
        let currency: String?
        let plan: String?
    }

    struct Created: Encodable {
        struct AdminUser: Encodable { let id: String; let email: String; let role: String; let invitation_sent: Bool }
        let tenant: TenantRecord
        let admin_user: AdminUser
    }

    static func install(on router: inout PlatformRouter) {
        router.post("/api/v1/admin/tenants", create)
        router.get("/api/v1/admin/tenants", list)
        router.get("/api/v1/admin/tenants/{id}", get)
        router.patch("/api/v1/admin/tenants/{id}", update)
        router.post("/api/v1/admin/tenants/{id}/suspend", suspend)
        router.post("/api/v1/admin/tenants/{id}/activate", activate)
        router.delete("/api/v1/admin/tenants/{id}", delete)
        router.get("/api/v1/admin/tenants/{id}/stats", stats)
        router.get("/api/v1/admin/audit-log", AdminAuditHandlers.list)
    }

    static func create(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let body = try request.decode(CreateBody.self)
        let tenantID = try Validate.tenantID(body.tenant_id)
        let company = try Validate.text(body.company_name, field: "company_name", length: 2...200)
        let email = try Validate.email(body.admin_email, field: "admin_email")
        let password = try body.admin_password.map { try Validate.password($0, field: "admin_password") }
        let name = try Validate.text(body.admin_name ?? "Administrator", field: "admin_name", length: 1...200)
        let currency = body.currency ?? "ZAR"
        guard currency.utf8.count == 3, currency.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
            throw HTTPError.invalid("currency", "currency must be an ISO 4217 code such as ZAR or USD.")
        }
        let plan = try Validate.choice(body.plan ?? "lite", field: "plan", from: Plan.allCases.map(\.rawValue))
        let timezone = body.timezone ?? "Africa/Johannesburg"
        let hash = try password.map { value in
            guard let hash = PasswordHasher().hash(value) else { throw HTTPError.invalid("admin_password", "admin_password cannot be used.") }
            return hash
        }
        let config = String(decoding: try JSON.encode(TenantConfigSchema.defaults(companyName: company, currency: currency)), as: UTF8.self)
        let created = try context.services.database.asPlatform(deadline: context.deadline) { connection -> Created in
            guard try connection.query("SELECT 1 FROM pg_timezone_names WHERE name = \(timezone)").rowCount == 1 else {
                throw HTTPError.invalid("timezone", "timezone must be an IANA time zone such as Africa/Johannesburg.")
            }
            let inserted = try connection.query("""
                INSERT INTO tenants (tenant_id, company_name, plan, timezone, currency, config)
                VALUES (\(tenantID), \(company), \(plan), \(timezone), \(currency), \(config)::jsonb)
                ON CONFLICT (tenant_id) DO NOTHING RETURNING tenant_id
                """)
            guard !inserted.isEmpty else {
                throw HTTPError(.conflict, code: "tenant_exists", message: "A tenant with this tenant_id already exists.")
            }
            let user = try connection.query("""
                INSERT INTO users (tenant_id, email, name, role, password_hash)
                VALUES (\(tenantID), \(email), \(name), 'admin', \(hash)) RETURNING id::text AS id
                """)
            let userID = try user.first?.string("id") ?? ""
            if hash == nil {
                try Invitations.issue(on: connection, tenantID: tenantID, email: email, name: name, role: "admin",
                                      invitedBy: nil, company: company, settings: context.services.config.auth)
            }
            try Audit.record(on: connection, actor: PlatformAdmin.actor, action: "tenant.create", target: "tenant:" + tenantID,
                             tenantID: nil, detail: .object(["plan": .string(plan)]), requestID: request.requestID)
            guard let tenant = try TenantRecord.find(tenantID, on: connection) else { throw HTTPError.notFound() }
            return Created(tenant: tenant, admin_user: .init(id: userID, email: email, role: "admin", invitation_sent: hash == nil))
        }
        return try .json(created, status: 201)
    }

    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let page = try Pagination(request)
        let status = try request.query("status").map { try Validate.choice($0, field: "status", from: ["active", "suspended"]) }
        let search = request.query("search").map { "%" + escapeLike(String($0.prefix(100))) + "%" }
        let result = try context.services.database.asPlatform(deadline: context.deadline) { connection in
            let rows = try connection.query("""
                SELECT \(unsafe: TenantRecord.columns), count(*) OVER () AS total FROM tenants
                WHERE (\(status)::text IS NULL OR status = \(status))
                  AND (\(search)::text IS NULL OR tenant_id ILIKE \(search) OR company_name ILIKE \(search))
                ORDER BY created_at DESC, tenant_id LIMIT \(page.limit) OFFSET \(page.offset)
                """)
            var total = try rows.first?.int("total") ?? 0
            if rows.isEmpty, page.offset > 0 {
                total = try connection.query("""
                    SELECT count(*) AS n FROM tenants WHERE (\(status)::text IS NULL OR status = \(status))
                      AND (\(search)::text IS NULL OR tenant_id ILIKE \(search) OR company_name ILIKE \(search))
                    """).first?.int("n") ?? 0
            }
            return Page(data: try rows.all.map(TenantRecord.init(row:)), total: total, pagination: page)
        }
        return try .json(result)
    }

    static func get(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let id = try context.parameter("id")
        let tenant = try context.services.database.asPlatform(deadline: context.deadline) { try TenantRecord.find(id, on: $0) }
        guard let tenant else { throw HTTPError.notFound("No tenant \(id).") }
        return try .json(["tenant": tenant])
    }

    /// `LIKE` pattern text with `%`, `_` and `\` taken literally.
    static func escapeLike(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
