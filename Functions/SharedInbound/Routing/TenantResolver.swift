public import RuntimePostgres

/// How the worker decided which tenant an inbound email belongs to (SPEC §1 step 1, inventory §1.3).
public struct TenantResolution: Sendable, Equatable {
    /// The rule that matched, in the order they are tried.
    public enum Strategy: String, Sendable, Equatable, CaseIterable {
        case supportAddress = "support_address"
        case inboundAddress = "inbound_address"
        case primaryAddress = "primary_address"
        case localPart = "local_part"
        case plusTag = "plus_tag"
        case header = "x_tenant_id"
        case subjectTag = "subject_tag"
        case envelope = "envelope"
        case urlTenant = "url_tenant"
    }

    public let tenantID: String
    public let strategy: Strategy
    /// The address (or header/tag value) that matched.
    public let matched: String

    public init(tenantID: String, strategy: Strategy, matched: String) {
        self.tenantID = tenantID
        self.strategy = strategy
        self.matched = matched
    }
}

/// What routing looks at: the recipients, the routing headers and the webhook URL's tenant hint.
public struct RoutingInput: Sendable, Equatable {
    /// `To` then `Cc` addresses (already parsed: no display names, any case).
    public var recipients: [String]
    /// SendGrid's `envelope.to` (the SMTP recipients).
    public var envelopeTo: [String]
    /// The `X-Tenant-ID` header, when present.
    public var tenantHeader: String?
    public var subject: String
    /// The `{tenant_id}` of `/webhooks/email/inbound/{tenant_id}`, when the mail came that way.
    public var urlTenant: String?

    public init(recipients: [String], envelopeTo: [String] = [], tenantHeader: String? = nil, subject: String = "",
                urlTenant: String? = nil) {
        self.recipients = recipients
        self.envelopeTo = envelopeTo
        self.tenantHeader = tenantHeader
        self.subject = subject
        self.urlTenant = urlTenant
    }
}

/// Finds the tenant an inbound email belongs to. SCAFFOLD: implemented by the routing work (issue 6).
public enum TenantResolver {
    /// The outcome and every strategy tried (for platform-admin diagnostics).
    public struct Outcome: Sendable, Equatable {
        public let resolution: TenantResolution?
        /// `"<strategy>: <candidate> → <result>"` lines, in order.
        public let tried: [String]

        public init(resolution: TenantResolution?, tried: [String]) {
            self.resolution = resolution
            self.tried = tried
        }
    }

    /// Resolves `input` against active tenants, on a platform (RLS-bypassing) connection.
    /// - Parameter inboundDomain: `INBOUND_EMAIL_DOMAIN` (for `<subuser>@<domain>` addresses), when configured.
    ///
    /// SCAFFOLD: only the URL tenant and `email.support_address` are tried until the routing work lands.
    public static func resolve(_ input: RoutingInput, inboundDomain: String?, on connection: PGConnection) throws -> Outcome {
        var tried: [String] = []
        if let hint = input.urlTenant?.lowercased(), try connection.query("""
            SELECT 1 FROM tenants WHERE tenant_id = \(hint) AND status = 'active'
            """).first != nil {
            return Outcome(resolution: TenantResolution(tenantID: hint, strategy: .urlTenant, matched: hint), tried: tried)
        }
        for address in input.recipients.map({ $0.lowercased() }) {
            if let row = try connection.query("""
                SELECT tenant_id FROM tenants
                WHERE status = 'active' AND lower(config->'email'->>'support_address') = \(address)
                ORDER BY tenant_id LIMIT 1
                """).first {
                let tenant = try row.string("tenant_id")
                return Outcome(resolution: TenantResolution(tenantID: tenant, strategy: .supportAddress, matched: address),
                               tried: tried)
            }
            tried.append("support_address: \(address) → no tenant")
        }
        return Outcome(resolution: nil, tried: tried)
    }
}
