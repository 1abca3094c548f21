internal import Runtime

/// Reading a tool call's parsed arguments with limits: every value is checked for type and size, and a problem is
/// an ``Invalid`` naming the argument (never echoing its value), which the toolbox reports to the model.
enum AgentArguments {
    /// The raw arguments text accepted from the model (larger is refused before any tool runs).
    static let maxBytes = 16_384

    /// A bad or missing argument.
    struct Invalid: Error {
        let field: String
        let message: String
    }

    /// A required string, trimmed, 1…`max` characters.
    static func text(_ arguments: [String: JSONValue], _ key: String, max: Int) throws -> String {
        guard let value = try optionalText(arguments, key, max: max) else {
            throw Invalid(field: key, message: "\(key) is required")
        }
        return value
    }

    /// An optional string, trimmed; nil when absent, null or blank.
    static func optionalText(_ arguments: [String: JSONValue], _ key: String, max: Int) throws -> String? {
        guard let value = arguments[key], value != .null else { return nil }
        guard let string = value.string else { throw Invalid(field: key, message: "\(key) must be a string") }
        let trimmed = trim(string)
        guard trimmed.count <= max else {
            throw Invalid(field: key, message: "\(key) is longer than \(max) characters")
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// An optional whole number within `range` (a numeric string is accepted too: models send "2").
    static func integer(_ arguments: [String: JSONValue], _ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = arguments[key], value != .null else { return nil }
        return try integer(value, field: key, in: range)
    }

    static func integer(_ value: JSONValue, field: String, in range: ClosedRange<Int>) throws -> Int {
        let number: Double?
        switch value {
        case .number(let double): number = double
        case .string(let text): number = Double(trim(text))
        default: number = nil
        }
        guard let number, number.rounded() == number, number >= Double(range.lowerBound),
              number <= Double(range.upperBound)
        else {
            let bounds = "\(range.lowerBound) to \(range.upperBound)"
            throw Invalid(field: field, message: "\(field) must be a whole number from \(bounds)")
        }
        return Int(number)
    }

    /// An optional list of whole numbers (at most `count`), each within `range`.
    static func integers(_ arguments: [String: JSONValue], _ key: String, count: Int, in range: ClosedRange<Int>)
        throws -> [Int]?
    {
        guard let value = arguments[key], value != .null else { return nil }
        guard let items = value.array, items.count <= count else {
            throw Invalid(field: key, message: "\(key) must be a list of at most \(count) numbers")
        }
        return try items.map { try integer($0, field: key, in: range) }
    }

    /// `text` without leading and trailing whitespace.
    static func trim(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }
}
