internal import Runtime
internal import SharedPlatform

/// The destinations a tenant may hold rates for, from its config (`destinations`, names and aliases).
///
/// A name or alias matches ignoring case and surrounding spaces and gives the destination's canonical name, so
/// "zanzibar" and the alias "ZNZ Island" both store "Zanzibar". Disabled destinations still match: rates for a
/// destination that is paused are kept and edited, only quoting skips it. A tenant that has configured no
/// destinations yet may use any destination of 1–100 characters on one line (stored as written).
struct RateDestinations: Sendable {
    /// Lower-cased name or alias → canonical name; empty when the tenant has none configured.
    private let canonical: [String: String]

    init(_ settings: TenantSettings) {
        var canonical: [String: String] = [:]
        for destination in settings.destinations {
            for term in [destination.name] + destination.aliases {
                let key = Self.key(term)
                if canonical[key] == nil { canonical[key] = destination.name }
            }
        }
        self.canonical = canonical
    }

    /// Whether the tenant restricts destinations at all.
    var isConfigured: Bool { !canonical.isEmpty }

    /// The canonical destination for `text`.
    ///
    /// - Throws: ``HTTPError`` 422 naming `field` when it is empty, too long, or not one of the tenant's destinations.
    func resolve(_ text: String, field: String = "destination") throws(HTTPError) -> String {
        let name = try RateRules.line(text, field: field, length: 1...100)
        guard isConfigured else { return name }
        guard let match = canonical[Self.key(name)] else {
            throw .invalid(field, "\(field) must be one of your configured destinations (a name or an alias).")
        }
        return match
    }

    /// The canonical name for a filter value, or the value itself when it names no configured destination.
    func canonicalName(_ text: String) -> String {
        let name = text.trimmingASCIIWhitespace()
        return canonical[Self.key(name)] ?? name
    }

    private static func key(_ text: String) -> String { text.trimmingASCIIWhitespace().lowercased() }
}
