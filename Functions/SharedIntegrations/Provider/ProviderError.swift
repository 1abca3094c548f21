/// A failed call to a third-party provider (SendGrid accounts, Twilio, VAPI, Google/BigQuery).
///
/// `description` names the provider, the code and the HTTP status only: never a URL, header, body, key or token,
/// so it is safe to log and to wrap. ``providerMessage`` keeps the provider's own error text (its `message`
/// field, clipped to 200 characters) for debugging; it is part of `debugDescription` only.
public struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong; a struct over a private enum so cases can be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case notConfigured = "not_configured"
            case invalidRequest = "invalid_request"
            case unauthorized, forbidden
            case notFound = "not_found"
            case conflict
            case rejected
            case rateLimited = "rate_limited"
            case unavailable
            case malformedResponse = "malformed_response"
            case transport
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The provider has no configuration (no key, no account); nothing was sent.
        public static var notConfigured: Code { Code(.notConfigured) }
        /// Our own input was refused before sending (bad id, missing field).
        public static var invalidRequest: Code { Code(.invalidRequest) }
        /// 401: the key or token was refused.
        public static var unauthorized: Code { Code(.unauthorized) }
        /// 403: the key lacks a scope or the plan lacks the feature.
        public static var forbidden: Code { Code(.forbidden) }
        /// 404: the resource does not exist.
        public static var notFound: Code { Code(.notFound) }
        /// 409: the resource exists already or is in the wrong state.
        public static var conflict: Code { Code(.conflict) }
        /// Another 4xx: the provider refused the request's content.
        public static var rejected: Code { Code(.rejected) }
        /// 429: throttled; see ``ProviderError/retryAfterSeconds``.
        public static var rateLimited: Code { Code(.rateLimited) }
        /// 5xx: the provider failed; worth retrying later.
        public static var unavailable: Code { Code(.unavailable) }
        /// A 2xx whose body is not the documented shape.
        public static var malformedResponse: Code { Code(.malformedResponse) }
        /// The request never got an HTTP answer (timeout, connection, size cap).
        public static var transport: Code { Code(.transport) }

        /// A stable snake_case name.
        public var description: String { value.rawValue }
    }

    /// Which provider answered: `sendgrid`, `twilio`, `vapi` or `google`.
    public let provider: String
    public let code: Code
    /// The HTTP status, when there was an answer.
    public let status: Int?
    /// The provider's numeric error code when it has one (Twilio's `code`, e.g. 21452).
    public let providerCode: Int?
    /// The provider's error text, clipped; debug only.
    public let providerMessage: String?
    /// Seconds from a `Retry-After` header on 429/503, when given in seconds.
    public let retryAfterSeconds: Int?

    /// Creates an error; `providerMessage` is clipped to 200 characters.
    public init(provider: String, code: Code, status: Int? = nil, providerCode: Int? = nil,
                providerMessage: String? = nil, retryAfterSeconds: Int? = nil) {
        self.provider = provider
        self.code = code
        self.status = status
        self.providerCode = providerCode
        self.providerMessage = providerMessage.map { $0.count > 200 ? String($0.prefix(200)) + "…" : $0 }
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// Whether trying again later may succeed (429, 5xx, transport).
    public var isTransient: Bool { code == .rateLimited || code == .unavailable || code == .transport }

    /// E.g. `ProviderError(twilio, rejected, status: 400)`.
    public var description: String {
        "ProviderError(\(provider), \(code)" + (status.map { ", status: \($0)" } ?? "") + ")"
    }

    /// ``description`` plus the provider's code and message.
    public var debugDescription: String {
        description + (providerCode.map { " code \($0)" } ?? "") + (providerMessage.map { ": \($0)" } ?? "")
    }
}
