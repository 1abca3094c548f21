internal import Runtime
internal import RuntimePostgres

/// A tenant as the admin API shows it.
struct TenantRecord: Encodable, Sendable {
    let tenant_id: String
    let company_name: String
    let status: String
    let suspended_reason: String?
    let plan: String
    let quotas: Plan.Quotas
    let timezone: String
    let currency: String
    let created_at: String
    let updated_at: String

    /// Columns to select for ``init(row:)``; timestamps come out as RFC 3339 UTC.
    static let columns: StaticString = """
        tenant_id, company_name, status, suspended_reason, plan, timezone, currency,
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
        to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
        """

    init(row: PGRow) throws {
        tenant_id = try row.string("tenant_id")
        company_name = try row.string("company_name")
        status = try row.string("status")
        suspended_reason = row["suspended_reason"]
        plan = try row.string("plan")
        quotas = (Plan(rawValue: plan) ?? .lite).quotas
        timezone = try row.string("timezone")
        currency = try row.string("currency")
        created_at = try row.string("created_at")
        updated_at = try row.string("updated_at")
    }

    /// The tenant `id` through the platform path, or nil.
    static func find(_ id: String, on connection: PGConnection) throws -> TenantRecord? {
        try connection.query("SELECT \(unsafe: columns) FROM tenants WHERE tenant_id = \(id)").first.map(TenantRecord.init(row:))
    }
}

/// Plans and what they allow (seed inventory §4.2, with the plan names the database accepts).
enum Plan: String, CaseIterable, Sendable {
    case lite, pro, enterprise

    struct Quotas: Encodable, Sendable {
        let max_users: Int
        let max_monthly_quotes: Int
        let voice: Bool
    }

    var quotas: Quotas {
        switch self {
        case .lite: Quotas(max_users: 5, max_monthly_quotes: 100, voice: false)
        case .pro: Quotas(max_users: 20, max_monthly_quotes: 1000, voice: true)
        case .enterprise: Quotas(max_users: 200, max_monthly_quotes: 20_000, voice: true)
        }
    }
}
