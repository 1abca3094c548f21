public import Runtime

/// The shape and rules of a tenant's configuration (`GET`/`PATCH /api/v1/tenant/config`), free of I/O.
///
/// A config is one JSON object with exactly the sections `branding`, `destinations`, `email`, `banking`,
/// `quotes`, `inbound`, `agents`, `knowledge`, `pricing`, `templates` and `voice`; each section's rules are on its `validate…`
/// function.
///
/// - **Reading:** ``effective(stored:companyName:currency:)`` lays the stored object over
///   ``defaults(companyName:currency:)``, so a config stored before a key existed reads that key's default.
/// - **Writing:** ``patched(stored:patch:companyName:currency:)`` applies an RFC 7396 merge patch to the stored
///   config, refills absent keys from the defaults and validates the result. A merge-patch `null` deletes a
///   member, and the refill puts the default back: **`null` resets a key or a whole section to its default**
///   (`{"pricing":null}` restores default pricing; `{"email":{"reply_to":null}}` clears the reply-to address,
///   whose default is `null`).
/// - **Strict:** unknown sections and keys are rejected (a silently ignored typo is worse than an error), and
///   ``validate(_:)`` wants every key. Errors are 422 `invalid_field` whose `field` is a path such as
///   `branding.primary_color` or `destinations[2].aliases[0]` (`config` for the whole document); the first
///   error found is thrown, checking sections in the order above and keys in their documented order.
/// - **Normalised:** strings are trimmed, an empty string in a nullable field becomes `null`, colours are
///   upper-cased, email addresses lower-cased, duplicate aliases dropped. Codes (currency, SWIFT, destination)
///   are not upper-cased for you: lower case is rejected, so what is stored is what was sent.
public enum TenantConfigSchema {
    /// A section's validator: its value and path in, the normalised value out.
    typealias Validator = @Sendable (_ value: JSONValue, _ path: String) throws(HTTPError) -> JSONValue

    /// The sections in validation order, with what each must be.
    static let sections: [(name: String, expected: String, validate: Validator)] = [
        ("branding", "an object", validateBranding),
        ("destinations", "an array", validateDestinations),
        ("email", "an object", validateEmail),
        ("banking", "an object", validateBanking),
        ("quotes", "an object", validateQuotes),
        ("inbound", "an object", validateInbound),
        ("agents", "an object", validateAgents),
        ("knowledge", "an object", validateKnowledge),
        ("pricing", "an object", validatePricing),
        ("templates", "an object", validateTemplates),
        ("voice", "an object", validateVoice),
    ]

    /// A complete, valid config for a new tenant.
    ///
    /// - Parameters:
    ///   - companyName: the tenant's name, used for `branding.company_name` and `email.from_name` (trimmed and
    ///     cut to those fields' limits).
    ///   - currency: the tenant's ISO 4217 currency, the default `pricing.currency`.
    public static func defaults(companyName: String, currency: String) -> JSONValue {
        let name = TenantConfigObject.trimmed(companyName)
        return .object([
            "branding": brandingDefaults(companyName: String(name.prefix(200))),
            "destinations": .array([]),
            "email": emailDefaults(fromName: String(name.prefix(100))),
            "banking": bankingDefaults,
            "quotes": quotesDefaults,
            "inbound": inboundDefaults,
            "agents": agentsDefaults,
            "knowledge": knowledgeDefaults,
            "pricing": pricingDefaults(currency: TenantConfigObject.trimmed(currency).uppercased()),
            "templates": templatesDefaults,
            "voice": voiceDefaults(companyName: name),
        ])
    }

    /// Checks a complete config and returns it normalised (see the type's documentation for the rules).
    ///
    /// - Throws: `HTTPError` 422 `invalid_field` for the first problem, with its path in `field`.
    public static func validate(_ config: JSONValue) throws(HTTPError) -> JSONValue {
        var root = try TenantConfigObject(config, at: "", keys: sections.map(\.name))
        for section in sections {
            let value = try root.member(section.name, expected: section.expected)
            root.set(section.name, try section.validate(value, root.path(section.name)))
        }
        return root.result
    }

    /// The config to show: the defaults with `stored` laid over them, key by key.
    ///
    /// Objects merge member by member, anything else (arrays included) replaces the default, and a stored
    /// `null` stays `null`. Each object in `destinations` gets its own defaults (`enabled`, `code`, `aliases`)
    /// too. A missing or non-object `stored` reads as the defaults. The result is not validated.
    public static func effective(stored: JSONValue?, companyName: String, currency: String) -> JSONValue {
        let defaults = defaults(companyName: companyName, currency: currency)
        guard let stored, case .object = stored else { return defaults }
        var config = overlay(defaults, with: stored)
        if case .object(var members) = config, case .array(let destinations)? = members["destinations"] {
            members["destinations"] = .array(destinations.map { overlay(destinationDefaults, with: $0) })
            config = .object(members)
        }
        return config
    }

    /// Applies the merge patch `patch` (RFC 7396) to `stored`, refills absent keys from the defaults and
    /// validates: the complete, normalised config to store and return from `PATCH /api/v1/tenant/config`.
    ///
    /// - Throws: `HTTPError` 422 when `patch` is not an object (field `config`) or the result is invalid.
    public static func patched(
        stored: JSONValue?, patch: JSONValue, companyName: String,
        currency: String
    ) throws(HTTPError) -> JSONValue {
        guard case .object = patch else {
            throw TenantConfigObject.mismatch("config", expected: "an object (a JSON merge patch)", got: patch)
        }
        var base = JSONValue.object([:])
        if let stored, case .object = stored { base = stored }
        let merged = effective(stored: base.merging(patch: patch), companyName: companyName, currency: currency)
        return try validate(merged)
    }

    /// `top` laid over `base`: objects merge recursively; otherwise `top` wins, `null` included.
    static func overlay(_ base: JSONValue, with top: JSONValue) -> JSONValue {
        guard case .object(let baseMembers) = base, case .object(let topMembers) = top else { return top }
        var members = baseMembers
        for (key, value) in topMembers {
            members[key] = baseMembers[key].map { overlay($0, with: value) } ?? value
        }
        return .object(members)
    }
}
