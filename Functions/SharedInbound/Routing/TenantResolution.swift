/// How the worker decided which tenant an inbound email belongs to (SPEC §1 step 1, inventory §1.3): the tenant,
/// the rule that matched and what it matched on. Only ever names a tenant that existed and was active then.
public struct TenantResolution: Sendable, Equatable {
    /// The rule that matched. ``TenantResolver`` tries `url_tenant` first, then the rest in declaration order.
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
    /// The address (or header/tag value) that matched, lower-cased.
    public let matched: String

    public init(tenantID: String, strategy: Strategy, matched: String) {
        self.tenantID = tenantID
        self.strategy = strategy
        self.matched = matched
    }
}
