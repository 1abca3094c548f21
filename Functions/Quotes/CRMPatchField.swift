/// One member of a JSON merge-patch style body: absent (keep), `null` (clear) or a value (set).
///
/// A struct property of this type decodes through the `KeyedDecodingContainer` overload below, so a missing key
/// is ``keep`` rather than an error; type errors still name the field (via `JSON.decode`).
enum PatchField<Value: Decodable & Sendable>: Decodable, Sendable {
    case keep
    case clear
    case set(Value)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .clear : .set(try container.decode(Value.self))
    }

    /// The new value, if one was sent.
    var value: Value? {
        if case .set(let value) = self { return value }
        return nil
    }

    /// Whether the member was sent at all (as a value or as `null`).
    var isSent: Bool {
        if case .keep = self { return false }
        return true
    }
}

extension KeyedDecodingContainer {
    func decode<Value>(_ type: PatchField<Value>.Type, forKey key: Key) throws -> PatchField<Value> {
        guard contains(key) else { return .keep }
        if try decodeNil(forKey: key) { return .clear }
        return .set(try decode(Value.self, forKey: key))
    }
}

extension PatchField: Equatable where Value: Equatable {}
