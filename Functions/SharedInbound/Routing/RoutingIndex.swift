internal import RuntimePostgres

/// The tenants an inbound message could belong to, read in four bounded queries (support addresses, primary
/// addresses, inbound subusers, tenant ids), each over every candidate at once with the `lower(...)` expressions
/// that migration 0008 indexes. Suspended tenants are read too, so routing can say why it refused them.
struct RoutingIndex {
    /// A tenant found for a key.
    struct Entry: Equatable {
        let tenantID: String
        let active: Bool
        /// For subusers: whether `email.inbound_subuser` is set (otherwise the tenant id stands in for it).
        let explicit: Bool
    }

    /// Entries per key (an address, a local part or a tenant id), ordered by tenant id.
    typealias Table = [String: [Entry]]

    var support: Table = [:]
    var primary: Table = [:]
    var subusers: Table = [:]
    var tenants: Table = [:]

    /// Loads what `addresses` (and their plus-less bases), the local parts on `domain` and `ids` can match.
    static func load(addresses: [RoutingAddress], domain: String?, ids: [String], on connection: PGConnection) throws
        -> RoutingIndex
    {
        var index = RoutingIndex()
        let mailboxes = unique(addresses.flatMap { [$0.address, $0.base] })
        let locals = unique(addresses.filter { $0.domain == domain }.flatMap { [$0.local, $0.baseLocal] })
        let tenantIDs = unique(ids + locals.compactMap(RoutingAddress.tenantID))
        if !mailboxes.isEmpty {
            let keys = PGTextArray(mailboxes)
            index.support = try table(connection.query("""
                SELECT lower(config->'email'->>'support_address') AS key, tenant_id, status = 'active' AS active,
                       true AS explicit
                FROM tenants WHERE lower(config->'email'->>'support_address') = ANY(\(keys)::text[])
                ORDER BY tenant_id
                """))
            index.primary = try table(connection.query("""
                SELECT lower(config->'email'->>'primary_address') AS key, tenant_id, status = 'active' AS active,
                       true AS explicit
                FROM tenants WHERE lower(config->'email'->>'primary_address') = ANY(\(keys)::text[])
                ORDER BY tenant_id
                """))
        }
        if !locals.isEmpty {
            index.subusers = try table(connection.query("""
                SELECT lower(coalesce(nullif(config->'email'->>'inbound_subuser', ''), tenant_id)) AS key, tenant_id,
                       status = 'active' AS active,
                       coalesce(nullif(config->'email'->>'inbound_subuser', ''), '') <> '' AS explicit
                FROM tenants
                WHERE lower(coalesce(nullif(config->'email'->>'inbound_subuser', ''), tenant_id)) = ANY(\(PGTextArray(locals))::text[])
                ORDER BY tenant_id
                """))
        }
        if !tenantIDs.isEmpty {
            index.tenants = try table(connection.query("""
                SELECT tenant_id AS key, tenant_id, status = 'active' AS active, true AS explicit
                FROM tenants WHERE tenant_id = ANY(\(PGTextArray(tenantIDs))::text[])
                """))
        }
        return index
    }

    /// The rows grouped by `key`, keeping their order.
    private static func table(_ result: PGResult) throws -> Table {
        var table: Table = [:]
        for row in result.all {
            let entry = Entry(tenantID: try row.string("tenant_id"), active: try row.bool("active"),
                              explicit: try row.bool("explicit"))
            table[try row.string("key"), default: []].append(entry)
        }
        return table
    }

    /// `values` without repeats, in first-seen order.
    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
