public import Runtime

/// Field checks shared by handlers; each throws a 422 naming the field.
public enum Validate {
    /// A plausible e-mail address (one `@`, a dot in the domain, no spaces, ≤ 254), returned lower-cased.
    public static func email(_ value: String, field: String = "email") throws(HTTPError) -> String {
        let email = value.trimmingASCIIWhitespace().lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "<" || $0 == ">" })
        else { throw .invalid(field, "\(field) must be an e-mail address.") }
        return email
    }

    /// A new password: 10–256 characters, not only one repeated character.
    public static func password(_ value: String, field: String = "password") throws(HTTPError) -> String {
        guard value.count >= 10 else { throw .invalid(field, "\(field) must be at least 10 characters long.") }
        guard value.count <= 256 else { throw .invalid(field, "\(field) must be at most 256 characters long.") }
        guard Set(value).count > 1 else { throw .invalid(field, "\(field) must not repeat a single character.") }
        return value
    }

    /// Trimmed text of `range` characters.
    public static func text(_ value: String, field: String, length range: ClosedRange<Int>) throws(HTTPError) -> String {
        let text = value.trimmingASCIIWhitespace()
        guard range.contains(text.count) else {
            throw .invalid(field, "\(field) must be \(range.lowerBound) to \(range.upperBound) characters long.")
        }
        return text
    }

    /// One of `choices`.
    public static func choice(_ value: String, field: String, from choices: [String]) throws(HTTPError) -> String {
        guard choices.contains(value) else {
            throw .invalid(field, "\(field) must be one of: \(choices.joined(separator: ", ")).")
        }
        return value
    }

    /// A tenant id: `^[a-z0-9_-]{3,50}$`.
    public static func tenantID(_ value: String, field: String = "tenant_id") throws(HTTPError) -> String {
        guard (3...50).contains(value.utf8.count), value.utf8.allSatisfy({
            ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 45
        }) else { throw .invalid(field, "\(field) must be 3 to 50 characters of a-z, 0-9, _ and -.") }
        return value
    }

    /// A UUID path parameter, lower-cased; anything else is 404 (it cannot name a row).
    public static func uuid(_ value: String) throws(HTTPError) -> String {
        let hex = value.lowercased()
        let groups = hex.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        guard groups == [8, 4, 4, 4, 12], hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || $0 == 45 })
        else { throw .notFound() }
        return hex
    }
}
