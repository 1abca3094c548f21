internal import Runtime
public import RuntimePostgres

/// Creates the demo tenant of SPEC §7 — `demo`, admin `admin@demo.example.com`, hotels and rates
/// (``DemoRates``) — idempotently.
public struct DemoSeed {
    static let tenantID = "demo"
    static let adminEmail = "admin@demo.example.com"
    let connection: PGConnection

    public init(connection: PGConnection) { self.connection = connection }

    /// Seeds and returns the admin password it set, or nil when the admin already existed and no password
    /// was given (the existing password is kept).
    func run(password requested: String?) throws -> String? {
        try connection.query("BEGIN")
        do {
            try connection.query("""
                INSERT INTO tenants (tenant_id, company_name, plan, timezone, currency, config)
                VALUES (\(Self.tenantID), 'Demo Travel', 'pro', 'Africa/Johannesburg', 'ZAR', \(Self.config)::jsonb)
                ON CONFLICT (tenant_id) DO NOTHING
                """)
            let existing = try connection.query("""
                SELECT id FROM users WHERE tenant_id = \(Self.tenantID) AND email = \(Self.adminEmail)
                """)
            var password: String?
            if existing.isEmpty || requested != nil {
                let chosen = requested ?? PasswordHasher.generatePassword()
                guard let hash = PasswordHasher().hash(chosen) else {
                    throw PGError(.queryFailed, serverMessage: "the demo password could not be hashed (too long?)")
                }
                try connection.query("""
                    INSERT INTO users (tenant_id, email, name, role, password_hash)
                    VALUES (\(Self.tenantID), \(Self.adminEmail), 'Demo Admin', 'admin', \(hash))
                    ON CONFLICT (tenant_id, email) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = now()
                    """)
                password = chosen
            }
            try DemoRates.seed(tenant: Self.tenantID, on: connection)
            try connection.query("COMMIT")
            return password
        } catch {
            _ = try? connection.query("ROLLBACK")
            throw error
        }
    }

    /// The demo tenant's configuration (SPEC §7 "Tenant config" sections).
    public static let config = """
        {"branding": {"company_name": "Demo Travel", "primary_color": "#0B6E4F", "secondary_color": "#F2A541"},
         "destinations": [
            {"name": "Zanzibar", "aliases": ["Unguja", "Stone Town", "Nungwi"]},
            {"name": "Mauritius", "aliases": ["Ile Maurice"]},
            {"name": "Cape Town", "aliases": ["CPT", "Kaapstad"]}],
         "email": {"support_address": "support@demo.example.com", "from_name": "Demo Travel",
                   "from_address": "quotes@demo.example.com", "reply_to": "support@demo.example.com"},
         "quotes": {"validity_days": 14, "auto_send": false, "follow_up_days": 3},
         "inbound": {"mode": "ticket"},
         "pricing": {"margin_percent": 12, "currency": "ZAR", "round_to": 100}}
        """
}
