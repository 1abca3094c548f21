/// A failed LLM call: what went wrong (``code``), the HTTP status when the server answered, and OpenAI's own
/// error code when it sent one.
///
/// Safe to log: ``description`` names only the code, status, call kind and provider code. It never holds the API
/// key, the prompt or the model's text — OpenAI's error `message` is dropped on purpose, because it can quote a
/// masked key or the input. ``detail`` is our own wording (also free of keys and prompts), for `debugDescription`.
public struct LLMError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind of failure. A struct over a private enum, so cases can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case invalidConfiguration = "invalid_configuration"
            case unauthorized
            case rateLimited = "rate_limited"
            case badRequest = "bad_request"
            case unavailable
            case timeout
            case badResponse = "bad_response"
            case refused
            case invalidOutput = "invalid_output"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The client was misconfigured (no embeddings model, a URL the HTTP client refuses, a bad request header).
        public static var invalidConfiguration: Code { Code(.invalidConfiguration) }
        /// 401 or 403: the key is missing, wrong or lacks access.
        public static var unauthorized: Code { Code(.unauthorized) }
        /// 429: too many requests or no quota; see ``LLMError/retryAfter``.
        public static var rateLimited: Code { Code(.rateLimited) }
        /// Another 4xx: the server rejected the request (unknown model, context too long, invalid schema).
        public static var badRequest: Code { Code(.badRequest) }
        /// 5xx, or the server could not be reached or dropped the connection.
        public static var unavailable: Code { Code(.unavailable) }
        /// The configured timeout or the caller's deadline ran out (or the server answered 408).
        public static var timeout: Code { Code(.timeout) }
        /// The server's answer does not follow the OpenAI wire format (malformed JSON, missing choices, too large).
        public static var badResponse: Code { Code(.badResponse) }
        /// The model refused (`message.refusal`, or `finish_reason: content_filter`).
        public static var refused: Code { Code(.refused) }
        /// Structured output was missing, truncated, not JSON, or not of the expected shape.
        public static var invalidOutput: Code { Code(.invalidOutput) }

        /// A stable snake_case name, e.g. `rate_limited`.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The HTTP status, when the server answered.
    public let status: Int?
    /// How long the server asked us to wait (`retry-after-ms` or `Retry-After` seconds), for 429 and 503.
    public let retryAfter: Duration?
    /// OpenAI's `error.code` (else `error.type`), e.g. `invalid_api_key`, kept only if it is a short identifier.
    public let providerCode: String?
    /// Our own explanation; never holds the key, the prompt or model output.
    public let detail: String

    init(
        _ code: Code, status: Int? = nil, retryAfter: Duration? = nil, providerCode: String? = nil,
        detail: String
    ) {
        self.code = code
        self.status = status
        self.retryAfter = retryAfter
        self.providerCode = providerCode.flatMap(Self.identifier)
        self.detail = detail
    }

    /// E.g. `LLMError(rate_limited, status: 429, provider_code: rate_limit_exceeded)`.
    public var description: String {
        var text = "LLMError(\(code)"
        if let status { text += ", status: \(status)" }
        if let providerCode { text += ", provider_code: \(providerCode)" }
        return text + ")"
    }

    /// ``description`` plus ``detail``.
    public var debugDescription: String { "\(description): \(detail)" }

    /// `text` if it looks like an identifier (letters, digits, `_ - .`, at most 64), else nil.
    private static func identifier(_ text: String) -> String? {
        let allowed = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                return true
            default:
                return false
            }
        }
        return allowed && !text.isEmpty && text.utf8.count <= 64 ? text : nil
    }
}
