internal import Runtime
internal import RuntimePostgres

/// The config values inbound mail and calls are routed by (`email.support_address`, `email.primary_address`,
/// `email.inbound_subuser`, `voice.phone_number`) must belong to one tenant: routing takes the first tenant by id on
/// a clash, so a copied address would divert another agency's customers. A change that newly claims a value another
/// tenant holds is refused with 409 `routing_claim_taken` (which tenant holds it is not said). The comparison runs
/// in PostgreSQL (`tenant_routing_claims_taken`, migration 0012), the one place that sees every tenant.
enum RoutingClaims {
    static let paths = ["email.support_address", "email.primary_address", "email.inbound_subuser", "voice.phone_number"]

    /// Throws 409 when `config` claims, compared with `stored`, a routing value another tenant holds. Values that
    /// did not change are not checked again, so a tenant can still save a config whose old clash predates the check.
    static func check(_ config: JSONValue, stored: JSONValue?, inboundDomain: String?, on connection: PGConnection) throws {
        let claims = paths.map { path -> String? in
            guard let value = Self.value(path, in: config) else { return nil }
            return Self.value(path, in: stored)?.lowercased() == value.lowercased() ? nil : value
        }
        guard claims.contains(where: { $0 != nil }) else { return }
        let taken = try connection.query("""
            SELECT path FROM tenant_routing_claims_taken(\(claims[0]), \(claims[1]), \(claims[2]), \(claims[3]),
                                                         \(inboundDomain))
            """).all.compactMap { $0["path"] }
        guard let field = paths.first(where: taken.contains) else { return }
        let what = field == "voice.phone_number" ? "calls to it" : "mail to it"
        throw HTTPError(.conflict, code: "routing_claim_taken",
                        message: "\(field) is already used by another tenant; \(what) must reach one tenant only.",
                        field: field)
    }

    /// The non-empty string at `path` (`section.key`).
    static func value(_ path: String, in config: JSONValue?) -> String? {
        let parts = path.split(separator: ".").map(String.init)
        guard let text = config?[parts[0]]?[parts[1]]?.string, !text.isEmpty else { return nil }
        return text
    }
}
