internal import CCurl

/// A failed outgoing HTTP call: what went wrong (``code``), plus curl's own code and message for debugging.
///
/// Non-2xx statuses are not errors; they come back as an ``HTTPClientResponse``. `description` names only the
/// code and the host, because URLs may carry API keys in their query and bodies may carry personal data: it is
/// safe to log. `debugDescription` adds curl's code and message (``detail``); log it at debug level.
public struct HTTPClientError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind of failure. A struct over a private enum, so cases can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case insecureURL = "insecure_url"
            case invalidURL = "invalid_url"
            case invalidRequest = "invalid_request"
            case invalidConfiguration = "invalid_configuration"
            case timeout
            case connectionFailed = "connection_failed"
            case responseTooLarge = "response_too_large"
            case transport
            case circuitOpen = "circuit_open"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The scheme is not `https` (nor `http` to loopback when allowed); refused before any I/O.
        public static var insecureURL: Code { Code(.insecureURL) }
        /// The URL could not be parsed; refused before any I/O.
        public static var invalidURL: Code { Code(.invalidURL) }
        /// The method, a header or the timeout is malformed (e.g. CR/LF in a header); refused before any I/O.
        public static var invalidRequest: Code { Code(.invalidRequest) }
        /// ``HTTPClient/Configuration`` holds a non-positive timeout or size cap.
        public static var invalidConfiguration: Code { Code(.invalidConfiguration) }
        /// The total or connect timeout, or the caller's deadline, ran out.
        public static var timeout: Code { Code(.timeout) }
        /// DNS, TCP or TLS could not establish a connection (refused, unreachable, bad certificate).
        public static var connectionFailed: Code { Code(.connectionFailed) }
        /// The response body exceeded ``HTTPClient/Configuration/maxResponseBytes``.
        public static var responseTooLarge: Code { Code(.responseTooLarge) }
        /// Any other transfer failure (connection dropped, protocol error, out of memory).
        public static var transport: Code { Code(.transport) }
        /// The provider's ``CircuitBreaker`` is open (or half-open with its one probe in flight): refused before
        /// any I/O. Try again after the cool-down.
        public static var circuitOpen: Code { Code(.circuitOpen) }

        /// A stable snake_case name, e.g. `connection_failed`.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// curl's `CURLcode` (https://curl.se/libcurl/c/libcurl-errors.html), or 0 when curl was not involved.
    public let curlCode: Int
    /// curl's message (`CURLOPT_ERRORBUFFER`, else `curl_easy_strerror`) or our own reason. It may name the host or
    /// IP address; it never holds the request's query, headers or body. Not part of ``description``.
    public let detail: String
    /// The host the request was for, once the URL parsed far enough to have one.
    public let host: String?

    /// An error of `code`; `detail` is for `debugDescription` only (never in `description`).
    public init(_ code: Code, host: String? = nil, curlCode: Int = 0, detail: String) {
        self.code = code
        self.host = host
        self.curlCode = curlCode
        self.detail = detail
    }

    /// Classifies a failed `curl_easy_perform` or `curl_easy_setopt`.
    /// - Parameter bodyCapHit: the write callback refused data because the size cap was reached.
    init(curlCode: CURLcode, detail: String, host: String, bodyCapHit: Bool = false) {
        let code: Code
        switch curlCode {
        case CURLE_OPERATION_TIMEDOUT:
            code = .timeout
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY,
            CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION:
            code = .connectionFailed
        case CURLE_FILESIZE_EXCEEDED:
            code = .responseTooLarge
        case CURLE_WRITE_ERROR where bodyCapHit:
            code = .responseTooLarge
        case CURLE_URL_MALFORMAT:
            code = .invalidURL
        case CURLE_UNSUPPORTED_PROTOCOL:
            code = .insecureURL
        default:
            code = .transport
        }
        self.init(code, host: host, curlCode: Int(curlCode.rawValue), detail: detail)
    }

    /// The code and host only, e.g. `HTTPClientError(connection_failed, host: 127.0.0.1)`.
    public var description: String {
        "HTTPClientError(\(code), host: \(host ?? "none"))"
    }

    /// ``description`` plus curl's code and message.
    public var debugDescription: String {
        "\(description) curl \(curlCode): \(detail)"
    }
}
