public import Runtime

/// Submits RFC 5322 messages to one SMTP relay through libcurl (`smtp://` with STARTTLS, or `smtps://`).
///
/// Policy, checked in `init` before any I/O: the URL's scheme is `smtp` or `smtps` and it has a host; on `smtp://`
/// STARTTLS is required (libcurl refuses to send unless the server upgrades the connection), except to a loopback
/// relay when ``Configuration/allowPlaintextToLoopback`` is set (local relays and the test fake). Credentials may
/// be given in the URL (`smtp://user:pass@host:587`, percent-encoded); the URL is held as a ``Secret`` and never
/// appears in errors, which name only the host.
///
/// Threading: like ``HTTPClient``, one client per worker thread (the libcurl handle must not be shared), not
/// Sendable. Ownership: the handle is freed with the client.
public final class SMTPClient {
    /// Timeouts and the plaintext exception, fixed at creation.
    public struct Configuration: Sendable {
        /// Longest wait for TCP (and implicit TLS). Default 10 s.
        public var connectTimeout: Duration
        /// Total time for one submission. Default 60 s.
        public var timeout: Duration
        /// Permits `smtp://` without STARTTLS when the host is 127.0.0.0/8, `[::1]` or `localhost`. Default false.
        public var allowPlaintextToLoopback: Bool

        public init(connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(60),
                    allowPlaintextToLoopback: Bool = false) {
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.allowPlaintextToLoopback = allowPlaintextToLoopback
        }
    }

    /// How the connection is protected.
    public enum TLSMode: String, Sendable {
        /// `smtps://`: TLS from the first byte.
        case implicit
        /// `smtp://` upgraded with STARTTLS, which is required (`CURLOPT_USE_SSL` = `CURLUSESSL_ALL`).
        case startTLS = "starttls"
        /// Plaintext, only to a loopback relay with ``Configuration/allowPlaintextToLoopback``.
        case none
    }

    /// The server's final answer to a submission.
    public struct Reply: Sendable, Equatable {
        /// The last SMTP reply code (250 after an accepted `DATA`; 4xx or 5xx when the server refused a step).
        public let code: Int
        /// The last reply line, e.g. `250 2.0.0 Ok: queued as 4F2A1`; it may name addresses, so log it at debug.
        public let text: String
        /// Whether the server took the message (2xx).
        public var isAccepted: Bool { (200..<300).contains(code) }
    }

    public let configuration: Configuration
    /// The protection the policy chose for this relay.
    public let tlsMode: TLSMode
    /// The relay's host, for logs and errors.
    public let host: String
    private let url: Secret
    private let handle: CurlSMTPHandle

    /// Validates `url` against the policy above and creates the libcurl handle.
    /// - Throws: ``HTTPClientError`` `invalidURL`, `insecureURL`, `invalidConfiguration` or `transport`.
    public init(url: Secret, configuration: Configuration = .init()) throws(HTTPClientError) {
        guard configuration.connectTimeout > .zero, configuration.timeout > .zero else {
            throw HTTPClientError(.invalidConfiguration, detail: "timeouts must be positive")
        }
        let parsed = try CurlURL(url.value)
        guard let host = parsed.host, !host.isEmpty, let normalised = parsed.url else {
            throw HTTPClientError(.invalidURL, detail: "SMTP URL has no host")
        }
        switch parsed.scheme {
        case "smtps": tlsMode = .implicit
        case "smtp" where configuration.allowPlaintextToLoopback && HTTPClient.isLoopback(host): tlsMode = .none
        case "smtp": tlsMode = .startTLS
        default: throw HTTPClientError(.insecureURL, host: host, detail: "SMTP URL must be smtp:// or smtps://")
        }
        self.configuration = configuration
        self.host = host
        self.url = Secret(normalised)
        self.handle = try CurlSMTPHandle()
    }

    /// Sends `message` (complete RFC 5322 bytes with CRLF line ends) from `from` to `recipients`.
    ///
    /// - Returns: The server's reply; a refusal (4xx temporary, 5xx permanent) is a reply, not an error.
    /// - Throws: ``HTTPClientError`` for failures without an SMTP reply: connection, STARTTLS not offered
    ///   (curl code 64), TLS, timeout (also when `deadline` runs out), or an address holding CR, LF or `<>`.
    public func send(from: String, to recipients: [String], message: [UInt8], deadline: Deadline? = nil)
        throws(HTTPClientError) -> Reply
    {
        let unsafe: (String) -> Bool = { $0.isEmpty || $0.contains { "\r\n<>\0".contains($0) } }
        guard !unsafe(from), !recipients.isEmpty, !recipients.contains(where: unsafe) else {
            throw HTTPClientError(.invalidRequest, host: host, detail: "sender or recipient address is not allowed")
        }
        var timeout = configuration.timeout
        if let deadline {
            guard !deadline.isExpired else { throw HTTPClientError(.timeout, host: host, detail: "deadline passed") }
            timeout = min(timeout, deadline.remaining)
        }
        let total = timeout.curlMilliseconds
        let result = try handle.perform(.init(
            url: url.value, host: host, requireTLS: tlsMode != .none, from: from, recipients: recipients,
            message: message, connectTimeoutMilliseconds: min(configuration.connectTimeout.curlMilliseconds, total),
            timeoutMilliseconds: total))
        return Reply(code: result.code, text: result.lines.last ?? "")
    }
}

@available(*, unavailable, message: "Build one SMTPClient per worker thread; its curl handle must not be shared.")
extension SMTPClient: Sendable {}
