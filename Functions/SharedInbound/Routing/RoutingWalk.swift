/// One run of ``TenantResolver``'s rules over a loaded ``RoutingIndex``: answers each rule from the index and
/// writes the `tried` line that explains it. Pure; no I/O.
struct RoutingWalk {
    typealias Strategy = TenantResolution.Strategy

    let index: RoutingIndex
    /// The inbound domain, lower-cased; nil when not configured.
    let domain: String?
    private(set) var tried: [String] = []
    /// Whether some rule matched a suspended tenant (and no active one).
    private(set) var suspended = false

    init(index: RoutingIndex, domain: String?) {
        self.index = index
        self.domain = domain
    }

    /// Adds a free-form line to `tried`.
    mutating func note(_ line: String) { tried.append(line) }

    /// The outcome naming `tenant`, found by `strategy` on `matched`.
    func outcome(_ tenant: String, _ strategy: Strategy, _ matched: String) -> TenantResolver.Outcome {
        TenantResolver.Outcome(resolution: TenantResolution(tenantID: tenant, strategy: strategy, matched: matched),
                               tried: tried)
    }

    /// A tenant id given as a hint (URL, header, subject tag): the tenant when it exists and is active.
    mutating func hint(_ strategy: Strategy, _ text: String) -> String? {
        guard let id = RoutingAddress.tenantID(text) else {
            tried.append("\(strategy.rawValue): \(Self.clip(text)) → not a tenant id")
            return nil
        }
        return check(strategy.rawValue, id, key: id, in: index.tenants)
    }

    /// The address rules for one recipient, in order; `prefix` marks the envelope pass in `tried`.
    mutating func address(_ recipient: RoutingAddress, prefix: String = "") -> (String, Strategy)? {
        let mailboxes = recipient.tag == nil ? [recipient.address] : [recipient.address, recipient.base]
        let locals = recipient.tag == nil ? [recipient.local] : [recipient.local, recipient.baseLocal]
        for mailbox in mailboxes {
            if let found = check(prefix + "support_address", mailbox, key: mailbox, in: index.support) {
                return (found, .supportAddress)
            }
        }
        let onDomain = domain != nil && recipient.domain == domain
        if onDomain {
            for local in locals {
                let label = local + "@" + recipient.domain
                if let found = check(prefix + "inbound_address", label, key: local, in: index.subusers,
                                     where: { $0.explicit || !RoutingAddress.isReserved(local) }) {
                    return (found, .inboundAddress)
                }
            }
        } else if domain != nil {
            tried.append("\(prefix)inbound_address, local_part: \(recipient.address) → not on the inbound domain")
        }
        for mailbox in mailboxes {
            if let found = check(prefix + "primary_address", mailbox, key: mailbox, in: index.primary) {
                return (found, .primaryAddress)
            }
        }
        if onDomain {
            for local in locals {
                let label = local + "@" + recipient.domain
                guard !RoutingAddress.isReserved(local) else {
                    tried.append("\(prefix)local_part: \(label) → a role name, never a tenant id")
                    continue
                }
                guard let id = RoutingAddress.tenantID(local) else {
                    tried.append("\(prefix)local_part: \(label) → not a tenant id")
                    continue
                }
                if let found = check(prefix + "local_part", label, key: id, in: index.tenants) { return (found, .localPart) }
            }
        }
        if let tag = recipient.tag {
            guard let id = RoutingAddress.tenantID(tag) else {
                tried.append("\(prefix)plus_tag: \(recipient.address) → the tag is not a tenant id")
                return nil
            }
            if let found = check(prefix + "plus_tag", recipient.address, key: id, in: index.tenants) {
                return (found, .plusTag)
            }
        }
        return nil
    }

    /// Looks `key` up in `table` (keeping the entries `filter` accepts), writes the line and answers the first
    /// active tenant by id.
    private mutating func check(_ rule: String, _ label: String, key: String, in table: RoutingIndex.Table,
                                where filter: (RoutingIndex.Entry) -> Bool = { _ in true }) -> String? {
        let entries = (table[key] ?? []).filter(filter)
        let active = entries.filter(\.active)
        if let first = active.first {
            let others = active.dropFirst().map(\.tenantID)
            let clash = others.isEmpty
                ? "" : " (also claimed by \(others.joined(separator: ", ")); the first tenant id wins)"
            tried.append("\(rule): \(label) → \(first.tenantID)\(clash)")
            return first.tenantID
        }
        if let blocked = entries.first {
            suspended = true
            tried.append("\(rule): \(label) → tenant \(blocked.tenantID) is suspended")
        } else {
            tried.append("\(rule): \(label) → no tenant")
        }
        return nil
    }

    /// Sender-written text cut for a diagnostics line.
    private static func clip(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        return flat.count > 60 ? String(flat.prefix(60)) + "…" : flat
    }
}
