public import FoundationEssentials

/// The one JSON coder configuration of the platform: ISO 8601 dates, sorted keys, no escaped slashes.
public enum JSON {
    public static let contentType = "application/json; charset=utf-8"
    /// The deepest nesting accepted in a request body.
    public static let maxDepth = 64

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        Array(try encoder().encode(value))
    }

    /// Decodes untrusted bytes, turning every failure into a client error.
    ///
    /// - Throws: ``HTTPError`` 400 `malformed_json` for bytes that are not JSON (or nest deeper than
    ///   ``maxDepth``), 422 `invalid_field` with the field path for JSON of the wrong shape.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(HTTPError) -> T {
        guard nestingDepth(of: bytes) <= maxDepth else {
            throw HTTPError(.badRequest, code: .malformedJSON, message: "The JSON body nests too deeply.")
        }
        do {
            return try decoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw HTTPError(decoding: error)
        } catch {
            throw HTTPError(.badRequest, code: .malformedJSON, message: "The request body is not valid JSON.")
        }
    }

    /// The deepest bracket nesting in `bytes`, ignoring brackets inside strings.
    static func nestingDepth(of bytes: [UInt8]) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}

extension HTTPError {
    /// Maps a `DecodingError` to a client error that names the field but never echoes its value.
    init(decoding error: DecodingError) {
        func path(_ codingPath: [any CodingKey], _ extra: (any CodingKey)? = nil) -> String {
            let keys = codingPath + (extra.map { [$0] } ?? [])
            return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath, key)
            self.init(.unprocessableContent, code: .invalidField, message: "\(field) is required.", field: field)
        case .valueNotFound(_, let context):
            let field = path(context.codingPath)
            self.init(.unprocessableContent, code: .invalidField, message: "\(field) must not be null.", field: field)
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            self.init(.unprocessableContent, code: .invalidField, message: "\(field) must be \(Self.describe(type)).", field: field)
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            let field = path(context.codingPath)
            self.init(.unprocessableContent, code: .invalidField, message: "\(field) has an invalid value.", field: field)
        default:
            self.init(.badRequest, code: .malformedJSON, message: "The request body is not valid JSON.")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        default: type is any Collection.Type ? "an array" : "an object"
        }
    }
}

extension Request {
    /// Decodes the JSON body as `T`.
    ///
    /// - Throws: ``HTTPError`` 415 unless the body is `application/json` (any `+json` type is accepted too),
    ///   400 when it is empty or malformed, 422 with `field` when it has the wrong shape.
    public func decode<T: Decodable>(_ type: T.Type) throws(HTTPError) -> T {
        guard let mediaType, mediaType == "application/json" || mediaType.hasSuffix("+json") else {
            throw HTTPError(.unsupportedMediaType, code: .unsupportedMediaType, message: "Send the body as application/json.")
        }
        guard !body.isEmpty else {
            throw HTTPError(.badRequest, code: .malformedJSON, message: "The request body is empty.")
        }
        return try JSON.decode(T.self, from: body)
    }
}
