internal import Runtime

extension TenantConfigSchema {
    /// The defaults of one destination's optional keys.
    static let destinationDefaults: JSONValue = .object(["code": .null, "enabled": .bool(true), "aliases": .array([])])

    /// `destinations` — where the tenant sells; inbound email is matched against names and aliases.
    /// - At most 200 entries, each `{name, code, enabled, aliases}`.
    /// - `name`: 1–100 characters, unique across destinations ignoring case.
    /// - `code`: `null` (default) or 2–10 upper-case letters and digits (`ZNZ`).
    /// - `enabled`: a boolean, default `true`.
    /// - `aliases`: at most 50 strings of 1–100 characters (default `[]`). Repeats (ignoring case, the
    ///   destination's own name included) are dropped, keeping the first spelling. No alias may equal another
    ///   destination's name or alias, because inbound matching would then be ambiguous.
    static func validateDestinations(_ value: JSONValue, at path: String) throws(HTTPError) -> JSONValue {
        let items = try TenantConfigObject.array(value, at: path, maxCount: 200)
        var claims = Claims()
        var destinations: [JSONValue] = []
        for (index, item) in items.enumerated() {
            destinations.append(try validateDestination(item, at: "\(path)[\(index)]", claims: &claims))
        }
        return .array(destinations)
    }

    /// Which destination (by path) already uses each lower-cased name or alias.
    struct Claims {
        private var owners: [String: String] = [:]

        /// Records that the destination at `owner` uses `term`; throws at `path` when another one does.
        mutating func claim(_ term: String, by owner: String, at path: String) throws(HTTPError) {
            let key = term.lowercased()
            if let existing = owners[key], existing != owner {
                throw .invalid(
                    path, "\"\(term)\" is already a name or alias of \(existing); matching would be ambiguous.")
            }
            owners[key] = owner
        }
    }

    static func validateDestination(
        _ value: JSONValue, at path: String,
        claims: inout Claims
    ) throws(HTTPError) -> JSONValue {
        var destination = try TenantConfigObject(value, at: path, keys: ["name", "code", "enabled", "aliases"])
        let name = try destination.string("name", length: 1...100)
        try claims.claim(name, by: path, at: destination.path("name"))
        try destination.nullable("code", fallback: .null, format: destinationCode)
        try destination.bool("enabled", fallback: true)

        let aliasesPath = destination.path("aliases")
        var seen: Set<String> = [name.lowercased()]
        var aliases: [JSONValue] = []
        for (index, element) in try destination.array("aliases", maxCount: 50, fallback: .array([])).enumerated() {
            let aliasPath = "\(aliasesPath)[\(index)]"
            let alias = try TenantConfigObject.string(element, at: aliasPath, length: 1...100)
            guard seen.insert(alias.lowercased()).inserted else { continue }
            try claims.claim(alias, by: path, at: aliasPath)
            aliases.append(.string(alias))
        }
        destination.set("aliases", .array(aliases))
        return destination.result
    }

    /// 2–10 characters of `[A-Z0-9]`.
    static func destinationCode(_ text: String, at path: String) throws(HTTPError) -> String {
        guard (2...10).contains(text.utf8.count), text.utf8.allSatisfy(isUpperAlphanumeric) else {
            throw .invalid(path, "Must be 2 to 10 upper-case letters or digits.")
        }
        return text
    }

    /// Whether `byte` is in `[A-Z0-9]`.
    static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
