public import Runtime
public import RuntimePostgres

/// A tenant's effective configuration (stored config over the defaults), typed for the code that applies it:
/// pricing, PDFs, emails, inbound routing. Read once per request with ``load(on:)`` inside the tenant's
/// transaction; nothing here is cached.
public struct TenantSettings: Sendable {
    public struct Destination: Sendable, Equatable {
        public let name: String
        public let code: String?
        public let enabled: Bool
        public let aliases: [String]
    }

    public let tenantID: String
    public let companyName: String
    public let currency: String
    public let timezone: String
    /// The whole effective config, for sections not typed below.
    public let config: JSONValue

    public var branding: JSONValue { config["branding"] ?? .object([:]) }
    public var displayName: String { branding["company_name"]?.string ?? companyName }
    public var primaryColor: String { branding["primary_color"]?.string ?? "#2E86AB" }
    public var secondaryColor: String { branding["secondary_color"]?.string ?? "#4ECDC4" }
    public var accentColor: String { branding["accent_color"]?.string ?? "#F18F01" }
    public var logoURL: String? { branding["logo_url"]?.string }
    public var emailSignature: String { branding["email_signature"]?.string ?? "" }

    public var fromName: String { config["email"]?["from_name"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? displayName }
    public var fromAddress: String? { config["email"]?["from_address"]?.string }
    public var replyTo: String? { config["email"]?["reply_to"]?.string }
    public var supportAddress: String? { config["email"]?["support_address"]?.string }
    /// `email.primary_address`: the tenant's main mailbox (routes inbound mail to the tenant).
    public var primaryAddress: String? { config["email"]?["primary_address"]?.string }
    /// `email.inbound_subuser`, or the tenant id when unset: mail to `<this>@<INBOUND_EMAIL_DOMAIN>` is the tenant's.
    public var inboundSubuser: String { config["email"]?["inbound_subuser"]?.string ?? tenantID }

    /// `banking.*` as printed on invoices (only the keys that are set).
    public var banking: [String: String] {
        (config["banking"]?.object ?? [:]).compactMapValues { $0.string }
    }

    public var validityDays: Int { config["quotes"]?["validity_days"]?.number.map { Int($0) } ?? 14 }
    public var autoSend: Bool { config["quotes"]?["auto_send"]?.bool ?? false }
    public var followUpDays: Int { config["quotes"]?["follow_up_days"]?.number.map { Int($0) } ?? 3 }
    public var terms: String { config["quotes"]?["terms"]?.string ?? "" }

    public var inboundMode: String { config["inbound"]?["mode"]?.string ?? "ticket" }
    public var askForMissing: Bool { config["inbound"]?["ask_for_missing"]?.bool ?? true }

    /// `pricing.margin_percent` in basis points (12.5 % → 1250).
    public var marginBasisPoints: Int {
        Int(((config["pricing"]?["margin_percent"]?.number ?? 0) * 100).rounded())
    }
    public var pricingCurrency: String { config["pricing"]?["currency"]?.string ?? currency }
    public var roundTo: Int { config["pricing"]?["round_to"]?.number.map { Int($0) } ?? 100 }

    public var destinations: [Destination] {
        (config["destinations"]?.array ?? []).compactMap { item in
            guard let name = item["name"]?.string else { return nil }
            return Destination(name: name, code: item["code"]?.string, enabled: item["enabled"]?.bool ?? true,
                               aliases: (item["aliases"]?.array ?? []).compactMap(\.string))
        }
    }

    public init(tenantID: String, companyName: String, currency: String, timezone: String, stored: JSONValue?) {
        self.tenantID = tenantID
        self.companyName = companyName
        self.currency = currency
        self.timezone = timezone
        config = TenantConfigSchema.effective(stored: stored, companyName: companyName, currency: currency)
    }

    /// The settings of the tenant the connection's transaction is bound to (`Database.withTenant`).
    ///
    /// - Throws: `HTTPError.notFound` when no tenant row is visible.
    public static func load(on connection: PGConnection) throws -> TenantSettings {
        guard let row = try connection.query("""
            SELECT tenant_id, company_name, currency, timezone, config::text AS config FROM tenants
            """).first else { throw HTTPError.notFound() }
        let stored = try? JSON.decode(JSONValue.self, from: Array(try row.string("config").utf8))
        return TenantSettings(tenantID: try row.string("tenant_id"), companyName: try row.string("company_name"),
                              currency: try row.string("currency"), timezone: try row.string("timezone"), stored: stored)
    }
}
