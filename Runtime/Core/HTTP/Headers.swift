/// Request or response headers with case-insensitive names.
///
/// Names are stored lower-cased. Values containing CR or LF are refused on insert, so a header can never
/// be used to inject another one into a response.
public struct Headers: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    private var fields: [(name: String, value: String)] = []

    public init() {}
    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { add(name, value) }
    }

    /// The first value for `name`, or nil.
    public subscript(name: String) -> String? {
        get {
            let key = name.lowercased()
            return fields.first { $0.name == key }?.value
        }
        set {
            let key = name.lowercased()
            fields.removeAll { $0.name == key }
            if let newValue { add(key, newValue) }
        }
    }

    /// Appends a field, ignoring names or values that hold CR, LF or NUL.
    public mutating func add(_ name: String, _ value: String) {
        guard Self.isSafe(name), Self.isSafe(value), !name.isEmpty else { return }
        fields.append((name.lowercased(), value))
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }
    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    private static func isSafe(_ text: String) -> Bool {
        !text.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
    }
}
