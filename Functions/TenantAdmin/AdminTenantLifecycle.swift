internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// Changing, suspending, reactivating and deleting tenants; tenant statistics.
extension AdminTenantHandlers {
    struct UpdateBody: Decodable {
        let company_name: String?
        let plan: String?
        let timezone: String?
        let currency: String?
    }

    struct SuspendBody: Decodable { let reason: String }

    static func update(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let id = try context.parameter("id")
        let body = try request.decode(UpdateBody.self)
        let company = try body.company_name.map { try Validate.text($0, field: "company_name", length: 2...200) }
        let plan = try body.plan.map { try Validate.choice($0, field: "plan", from: Plan.allCases.map(\.rawValue)) }
        if let currency = body.currency, currency.utf8.count != 3 || !currency.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) {
            throw HTTPError.invalid("currency", "currency must be an ISO 4217 code such as ZAR or USD.")
        }
        let tenant = try context.services.database.asPlatform(deadline: context.deadline) { connection -> TenantRecord in
            if let timezone = body.timezone,
               try connection.query("SELECT 1 FROM pg_timezone_names WHERE name = \(timezone)").rowCount != 1 {
                throw HTTPError.invalid("timezone", "timezone must be an IANA time zone such as Africa/Johannesburg.")
            }
            let changed = try connection.query("""
                UPDATE tenants SET company_name = coalesce(\(company), company_name), plan = coalesce(\(plan), plan),
                       timezone = coalesce(\(body.timezone), timezone), currency = coalesce(\(body.currency), currency),
                       updated_at = now()
                WHERE tenant_id = \(id)
                """)
            guard changed.affectedRows == 1, let tenant = try TenantRecord.find(id, on: connection) else {
                throw HTTPError.notFound("No tenant \(id).")
            }
            try Audit.record(on: connection, actor: PlatformAdmin.actor, action: "tenant.update", target: "tenant:" + id,
                             tenantID: nil, requestID: request.requestID)
            return tenant
        }
        return try .json(["tenant": tenant])
    }

    static func suspend(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let reason = try Validate.text(try request.decode(SuspendBody.self).reason, field: "reason", length: 5...500)
        return try setStatus("suspended", reason: reason, request, context)
    }

    static func activate(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        return try setStatus("active", reason: nil, request, context)
    }

    /// Suspension takes effect on every process within seconds: the `tenant_changed` trigger notifies their
    /// caches, whose entries also expire after 5 s.
    private static func setStatus(_ status: String, reason: String?, _ request: Request, _ context: PlatformContext) throws -> Response {
        let id = try context.parameter("id")
        let tenant = try context.services.database.asPlatform(deadline: context.deadline) { connection -> TenantRecord in
            let changed = try connection.query("""
                UPDATE tenants SET status = \(status), suspended_reason = \(reason), updated_at = now() WHERE tenant_id = \(id)
                """)
            guard changed.affectedRows == 1, let tenant = try TenantRecord.find(id, on: connection) else {
                throw HTTPError.notFound("No tenant \(id).")
            }
            try Audit.record(on: connection, actor: PlatformAdmin.actor, action: status == "active" ? "tenant.activate" : "tenant.suspend",
                             target: "tenant:" + id, tenantID: nil,
                             detail: .object(["reason": reason.map { .string($0) } ?? .null]), requestID: request.requestID)
            return tenant
        }
        return try .json(["tenant": tenant])
    }

    /// Deletes the tenant and, through `ON DELETE CASCADE` on every tenant table, all of its data, in one
    /// transaction. Requires `?confirm=true`. The audit record names the tenant only in `target`.
    static func delete(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let id = try context.parameter("id")
        guard request.query("confirm") == "true" else {
            throw HTTPError(.badRequest, code: "confirmation_required",
                            message: "Deleting a tenant removes all of its data; repeat with ?confirm=true.")
        }
        try context.services.database.asPlatform(deadline: context.deadline) { connection in
            guard try connection.query("DELETE FROM tenants WHERE tenant_id = \(id)").affectedRows == 1 else {
                throw HTTPError.notFound("No tenant \(id).")
            }
            try Audit.record(on: connection, actor: PlatformAdmin.actor, action: "tenant.delete", target: "tenant:" + id,
                             tenantID: nil, requestID: request.requestID)
        }
        return try .json(["deleted": true])
    }

    struct Stats: Encodable {
        let tenant_id: String
        let users: [String: Int]
        let invitations_pending: Int
        let outbox: [String: Int]
    }

    static func stats(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let id = try context.parameter("id")
        let stats = try context.services.database.asPlatform(deadline: context.deadline) { connection -> Stats in
            guard try TenantRecord.find(id, on: connection) != nil else { throw HTTPError.notFound("No tenant \(id).") }
            let users = try connection.query("""
                SELECT count(*) AS total, count(*) FILTER (WHERE is_active) AS active,
                       count(*) FILTER (WHERE role = 'admin' AND is_active) AS admins
                FROM users WHERE tenant_id = \(id)
                """).first
            let invitations = try connection.query("""
                SELECT count(*) AS n FROM invitations
                WHERE tenant_id = \(id) AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                """).first
            let outbox = try connection.query("""
                SELECT count(*) AS total, count(*) FILTER (WHERE status = 'pending') AS pending FROM outbox WHERE tenant_id = \(id)
                """).first
            return Stats(tenant_id: id,
                         users: ["total": try users?.int("total") ?? 0, "active": try users?.int("active") ?? 0,
                                 "admins": try users?.int("admins") ?? 0],
                         invitations_pending: try invitations?.int("n") ?? 0,
                         outbox: ["total": try outbox?.int("total") ?? 0, "pending": try outbox?.int("pending") ?? 0])
        }
        return try .json(stats)
    }
}

/// `GET /api/v1/admin/audit-log?tenant=&action=&limit=&offset=` — the platform's audit trail.
enum AdminAuditHandlers {
    struct Entry: Encodable {
        let id: Int
        let tenant_id: String?
        let actor: String
        let action: String
        let target: String?
        let detail: JSONValue
        let request_id: String?
        let created_at: String
    }

    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let page = try Pagination(request)
        let target = request.query("tenant").map { "tenant:" + $0 }
        let action = request.query("action")
        let result = try context.services.database.asPlatform(deadline: context.deadline) { connection in
            let rows = try connection.query("""
                SELECT id, tenant_id, actor, action, target, detail::text AS detail, request_id,
                       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
                       count(*) OVER () AS total
                FROM audit_log
                WHERE (\(target)::text IS NULL OR target = \(target)) AND (\(action)::text IS NULL OR action = \(action))
                ORDER BY id DESC LIMIT \(page.limit) OFFSET \(page.offset)
                """)
            let entries = try rows.all.map { row in
                Entry(id: try row.int("id"), tenant_id: row["tenant_id"], actor: try row.string("actor"),
                      action: try row.string("action"), target: row["target"],
                      detail: (try? JSON.decode(JSONValue.self, from: Array(try row.string("detail").utf8))) ?? .object([:]),
                      request_id: row["request_id"], created_at: try row.string("created_at"))
            }
            return Page(data: entries, total: try rows.first?.int("total") ?? 0, pagination: page)
        }
        return try .json(result)
    }
}
