internal import Runtime

/// One recipient as routing sees it: the whole address lower-cased, split into local part and domain, with the
/// text after the first `+` of the local part (a plus tag) set apart. Pure; no I/O.
struct RoutingAddress: Sendable, Equatable {
    /// `local@domain`, lower-cased.
    let address: String
    let local: String
    let domain: String
    /// The local part before the first `+` (the whole local part when there is no tag).
    let baseLocal: String
    /// The text after the first `+`, when non-empty.
    let tag: String?

    /// `baseLocal@domain`: the mailbox a sub-address delivers to (equal to `address` without a tag).
    var base: String { baseLocal + "@" + domain }

    /// Local parts that name a role, never a tenant, in the `<tenant_id>@<inbound domain>` and default-subuser
    /// rules: mail to `sales@<inbound domain>` never lands at a tenant whose id happens to be `sales`.
    static let reservedLocalParts: Set<String> = [
        "quotes", "sales", "info", "support", "inbound", "mail", "admin", "noreply", "no-reply", "postmaster",
        "abuse", "hostmaster", "webmaster", "mailer-daemon", "bounce", "bounces", "root", "help", "contact",
        "hello", "bookings", "reservations", "enquiries", "inquiries", "travel", "team", "office", "billing",
    ]

    /// Parses one bare address (`Local@Domain`); nil unless it has a non-empty local part and domain.
    init?(_ text: String) {
        let lowered = text.lowercased()
        guard let at = lowered.lastIndex(of: "@") else { return nil }
        let local = String(lowered[..<at])
        let domain = String(lowered[lowered.index(after: at)...])
        guard !local.isEmpty, !domain.isEmpty, !lowered.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else { return nil }
        address = lowered
        self.local = local
        self.domain = domain
        let pieces = local.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
        baseLocal = pieces.first.map(String.init) ?? local
        tag = pieces.count == 2 && !pieces[1].isEmpty ? String(pieces[1]) : nil
    }

    /// Whether a local part names a role (``reservedLocalParts``) rather than a tenant.
    static func isReserved(_ local: String) -> Bool { reservedLocalParts.contains(local) }

    /// The recipients in `entries` (each a bare address or a whole header value such as `"Acme" <Q@Acme.example>,
    /// b@x`), lower-cased, in order, each once.
    static func list(_ entries: [String]) -> [RoutingAddress] {
        var seen: Set<String> = []
        var result: [RoutingAddress] = []
        for entry in entries {
            let parsed = EmailAddress.parseList(entry).map(\.address)
            for text in parsed.isEmpty ? [entry.trimmingWhitespace] : parsed {
                guard let address = RoutingAddress(text), seen.insert(address.address).inserted else { continue }
                result.append(address)
            }
        }
        return result
    }

    /// `text` lower-cased and trimmed when it is shaped like a tenant id (`^[a-z0-9_-]{3,50}$`), else nil.
    static func tenantID(_ text: String) -> String? {
        let candidate = text.trimmingWhitespace.lowercased()
        let allowed = candidate.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        return (3...50).contains(candidate.unicodeScalars.count) && allowed ? candidate : nil
    }

    /// The tenant ids named by `[TENANT:<id>]` tags in `subject` (the tag in any case), in order, each once.
    static func subjectTags(_ subject: String) -> [String] {
        let marker = Array("[tenant:".unicodeScalars)
        let scalars = Array(subject.lowercased().unicodeScalars.prefix(4096))
        var tags: [String] = []
        var index = 0
        while index + marker.count <= scalars.count {
            guard Array(scalars[index..<index + marker.count]) == marker else {
                index += 1
                continue
            }
            let start = index + marker.count
            guard let close = scalars[start...].firstIndex(of: "]") else { break }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[start..<close])
            if let id = tenantID(text), !tags.contains(id) { tags.append(id) }
            index = close + 1
        }
        return tags
    }
}
