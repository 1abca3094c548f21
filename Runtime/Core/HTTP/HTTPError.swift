/// An error that renders itself as an HTTP response (Hummingbird's `HTTPResponseError`).
public protocol ResponseError: Error {
    /// The response for this error; `requestID` goes into the body.
    func response(requestID: String) -> Response
}

/// A client-facing error: status, stable snake_case code, human sentence and, for 422, the field.
///
/// Rendered as `{"error":{"code","message","request_id","field"?}}`. Its message is shown to clients, so it
/// must never hold internal detail (SQL, paths, secrets). Anything thrown that is not a ``ResponseError``
/// becomes a generic 500 in the request loop.
public struct HTTPError: ResponseError, Sendable, Equatable {
    /// A stable, public error code (`invalid_field`). Codes are API: add, never rename.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }

        public static let badRequest: Code = "bad_request"
        public static let malformedJSON: Code = "malformed_json"
        public static let invalidField: Code = "invalid_field"
        public static let unauthorized: Code = "unauthorized"
        public static let forbidden: Code = "forbidden"
        public static let notFound: Code = "not_found"
        public static let methodNotAllowed: Code = "method_not_allowed"
        public static let conflict: Code = "conflict"
        public static let payloadTooLarge: Code = "payload_too_large"
        public static let unsupportedMediaType: Code = "unsupported_media_type"
        public static let rateLimited: Code = "rate_limited"
        public static let internalError: Code = "internal_error"
        public static let serviceUnavailable: Code = "service_unavailable"
        public static let deadlineExceeded: Code = "deadline_exceeded"
    }

    /// Common statuses, named.
    public struct Status: RawRepresentable, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let badRequest = Status(rawValue: 400)
        public static let unauthorized = Status(rawValue: 401)
        public static let forbidden = Status(rawValue: 403)
        public static let notFound = Status(rawValue: 404)
        public static let methodNotAllowed = Status(rawValue: 405)
        public static let conflict = Status(rawValue: 409)
        public static let payloadTooLarge = Status(rawValue: 413)
        public static let unsupportedMediaType = Status(rawValue: 415)
        public static let unprocessableContent = Status(rawValue: 422)
        public static let tooManyRequests = Status(rawValue: 429)
        public static let internalServerError = Status(rawValue: 500)
        public static let serviceUnavailable = Status(rawValue: 503)
        public static let gatewayTimeout = Status(rawValue: 504)
    }

    public var status: Int
    public var code: Code
    public var message: String
    /// The offending input field, for 422.
    public var field: String?
    /// Extra response headers (`Retry-After`, `Allow`).
    public var headers: [String: String]

    public init(_ status: Status, code: Code, message: String, field: String? = nil, headers: [String: String] = [:]) {
        self.status = status.rawValue
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers
    }

    public func response(requestID: String) -> Response {
        var response = Response.json(raw: Self.body(code: code.rawValue, message: message, requestID: requestID, field: field),
                                     status: status)
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { response.headers[name] = value }
        return response
    }

    /// The error body, built by hand so it can never fail to encode.
    package static func body(code: String, message: String, requestID: String, field: String? = nil) -> [UInt8] {
        var text = #"{"error":{"code":"# + quoted(code) + #","message":"# + quoted(message)
        if let field { text += #","field":"# + quoted(field) }
        text += #","request_id":"# + quoted(requestID) + "}}"
        return Array(text.utf8)
    }

    /// `text` as a JSON string literal.
    package static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension HTTPError {
    public static func notFound(_ message: String = "Not found.") -> HTTPError {
        HTTPError(.notFound, code: .notFound, message: message)
    }
    public static func invalid(_ field: String, _ message: String) -> HTTPError {
        HTTPError(.unprocessableContent, code: .invalidField, message: message, field: field)
    }
    public static func badRequest(_ message: String) -> HTTPError {
        HTTPError(.badRequest, code: .badRequest, message: message)
    }
}
