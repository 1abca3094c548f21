internal import Runtime

/// One JSON object of a tenant config under validation: it rejects unknown keys, reads members by type and
/// collects their normalised values in ``result``.
///
/// Every failure is `HTTPError.invalid(path, message)` with the member's full path (`branding.logo_url`,
/// `destinations[2].aliases[0]`). Strings are trimmed before any length or format check.
struct TenantConfigObject {
    /// A format check for a trimmed string at a path: returns the normalised string or throws a 422.
    typealias Format = (_ text: String, _ path: String) throws(HTTPError) -> String

    /// The object's path ("" for the config itself).
    let path: String
    private let members: [String: JSONValue]
    private var normalized: [String: JSONValue] = [:]

    /// The normalised object: only the members read so far.
    var result: JSONValue { .object(normalized) }

    /// Reads `value` as an object whose keys all belong to `keys`; the first unknown key in sorted order fails.
    init(_ value: JSONValue, at path: String, keys: [String]) throws(HTTPError) {
        guard case .object(let members) = value else {
            throw Self.mismatch(path.isEmpty ? "config" : path, expected: "an object", got: value)
        }
        if let unknown = members.keys.filter({ !keys.contains($0) }).sorted().first {
            let noun = path.isEmpty ? "section" : "key"
            throw .invalid(
                Self.join(path, unknown),
                "Unknown \(noun) \"\(unknown)\"; expected one of: \(keys.joined(separator: ", ")).")
        }
        self.path = path
        self.members = members
    }

    /// The path of member `key`.
    func path(_ key: String) -> String { Self.join(path, key) }

    /// Member `key`; when absent, `fallback`, or a "Missing" error naming what was `expected`.
    func member(_ key: String, expected: String, fallback: JSONValue? = nil) throws(HTTPError) -> JSONValue {
        if let value = members[key] { return value }
        if let fallback { return fallback }
        throw .invalid(path(key), "Missing; expected \(expected).")
    }

    /// Stores the normalised value of member `key`.
    mutating func set(_ key: String, _ value: JSONValue) { normalized[key] = value }

    /// A string of `length` characters after trimming.
    @discardableResult
    mutating func string(_ key: String, length: ClosedRange<Int>) throws(HTTPError) -> String {
        let text = try Self.string(member(key, expected: "a string"), at: path(key), length: length)
        set(key, .string(text))
        return text
    }

    /// A string that must pass `format` after trimming.
    mutating func string(_ key: String, format: Format) throws(HTTPError) {
        let value = try member(key, expected: "a string")
        guard case .string(let raw) = value else { throw Self.mismatch(path(key), expected: "a string", got: value) }
        set(key, .string(try format(Self.trimmed(raw), path(key))))
    }

    /// `null`, or a string of at most `maxLength` characters; an empty string becomes `null`.
    mutating func nullable(_ key: String, maxLength: Int, fallback: JSONValue? = nil) throws(HTTPError) {
        try nullable(key, fallback: fallback) { text, path throws(HTTPError) in
            guard text.count <= maxLength else { throw .invalid(path, "Must be at most \(maxLength) characters.") }
            return text
        }
    }

    /// `null`, or a string that must pass `format`; an empty string becomes `null`.
    mutating func nullable(_ key: String, fallback: JSONValue? = nil, format: Format) throws(HTTPError) {
        let value = try member(key, expected: "a string or null", fallback: fallback)
        switch value {
        case .null: set(key, .null)
        case .string(let raw):
            let text = Self.trimmed(raw)
            set(key, text.isEmpty ? .null : .string(try format(text, path(key))))
        default: throw Self.mismatch(path(key), expected: "a string or null", got: value)
        }
    }

    /// A JSON boolean (`"true"` is not one); `fallback` fills an absent member.
    mutating func bool(_ key: String, fallback: Bool? = nil) throws(HTTPError) {
        let value = try member(key, expected: "a boolean", fallback: fallback.map(JSONValue.bool))
        guard case .bool = value else { throw Self.mismatch(path(key), expected: "a boolean", got: value) }
        set(key, value)
    }

    /// A whole number in `range` (JSON numbers are doubles: `14.5` fails).
    @discardableResult
    mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(HTTPError) -> Int {
        let value = try member(key, expected: "an integer")
        guard case .number(let number) = value else {
            throw Self.mismatch(path(key), expected: "an integer", got: value)
        }
        guard number.rounded() == number, number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            throw .invalid(path(key), "Must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        set(key, value)
        return Int(number)
    }

    /// A finite number in `range`.
    mutating func number(_ key: String, in range: ClosedRange<Int>) throws(HTTPError) {
        let value = try member(key, expected: "a number")
        guard case .number(let number) = value else { throw Self.mismatch(path(key), expected: "a number", got: value) }
        guard number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            throw .invalid(path(key), "Must be a number from \(range.lowerBound) to \(range.upperBound).")
        }
        set(key, value)
    }

    /// One of `choices`, exactly (case matters).
    mutating func choice(_ key: String, among choices: [String]) throws(HTTPError) {
        try string(key) { text, path throws(HTTPError) in
            guard choices.contains(text) else {
                throw .invalid(path, "Must be one of: \(choices.joined(separator: ", ")).")
            }
            return text
        }
    }

    /// The elements of an array of at most `maxCount`; the caller validates and ``set(_:_:)``s them.
    func array(_ key: String, maxCount: Int, fallback: JSONValue? = nil) throws(HTTPError) -> [JSONValue] {
        let value = try member(key, expected: "an array", fallback: fallback)
        return try Self.array(value, at: path(key), maxCount: maxCount)
    }
}

extension TenantConfigObject {
    /// `value` as an array of at most `maxCount` elements.
    static func array(_ value: JSONValue, at path: String, maxCount: Int) throws(HTTPError) -> [JSONValue] {
        guard case .array(let elements) = value else { throw mismatch(path, expected: "an array", got: value) }
        guard elements.count <= maxCount else { throw .invalid(path, "Must have at most \(maxCount) entries.") }
        return elements
    }

    /// `value` as a string of `length` characters after trimming.
    static func string(_ value: JSONValue, at path: String, length: ClosedRange<Int>) throws(HTTPError) -> String {
        guard case .string(let raw) = value else { throw mismatch(path, expected: "a string", got: value) }
        let text = trimmed(raw)
        guard length.contains(text.count) else {
            throw .invalid(
                path,
                length.lowerBound == 0
                    ? "Must be at most \(length.upperBound) characters."
                    : "Must be \(length.lowerBound) to \(length.upperBound) characters.")
        }
        return text
    }

    /// The 422 for a value of the wrong JSON type.
    static func mismatch(_ path: String, expected: String, got value: JSONValue) -> HTTPError {
        let kind =
            switch value {
            case .null: "null"
            case .bool: "a boolean"
            case .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        return .invalid(path, "Expected \(expected), got \(kind).")
    }

    /// `text` without leading and trailing whitespace or newlines.
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// `parent.key`, or `key` at the top.
    static func join(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }
}
