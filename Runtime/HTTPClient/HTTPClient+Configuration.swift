extension HTTPClient {
    /// Limits and policy for one ``HTTPClient``, fixed at creation.
    ///
    /// Build it once from validated config at start-up and share it between worker threads (it is a value);
    /// ``HTTPClient/init(configuration:)`` rejects non-positive values.
    public struct Configuration: Sendable {
        /// The longest wait for a TCP and TLS connection (https://curl.se/libcurl/c/CURLOPT_CONNECTTIMEOUT_MS.html).
        /// Default 5 s; never longer than the request's total timeout.
        public var connectTimeout: Duration
        /// The total time for one request, connect to last body byte, unless the request sets its own
        /// (https://curl.se/libcurl/c/CURLOPT_TIMEOUT_MS.html). Default 30 s.
        public var timeout: Duration
        /// The largest response body accepted; larger ones fail with ``HTTPClientError/Code/responseTooLarge``.
        /// Default 10 MiB.
        public var maxResponseBytes: Int
        /// Allows plain `http://` to 127.0.0.0/8, `[::1]` and `localhost`, for tests and local fakes. Default false:
        /// only `https://`.
        public var allowPlainHTTPToLoopback: Bool

        /// Creates a configuration; the defaults suit calls to external providers.
        public init(connectTimeout: Duration = .seconds(5), timeout: Duration = .seconds(30),
                    maxResponseBytes: Int = 10 * 1024 * 1024, allowPlainHTTPToLoopback: Bool = false) {
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.maxResponseBytes = maxResponseBytes
            self.allowPlainHTTPToLoopback = allowPlainHTTPToLoopback
        }

        /// - Throws: ``HTTPClientError/Code/invalidConfiguration`` for a non-positive timeout or size cap.
        func validate() throws(HTTPClientError) {
            guard connectTimeout > .zero, timeout > .zero else {
                throw HTTPClientError(.invalidConfiguration, detail: "timeouts must be positive")
            }
            guard maxResponseBytes > 0 else {
                throw HTTPClientError(.invalidConfiguration, detail: "maxResponseBytes must be positive")
            }
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up and at least 1 (libcurl reads 0 as "no timeout"), capped at about 24 days.
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        guard seconds < 2_000_000 else { return 2_000_000_000 }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(1, Int(seconds) * 1000 + Int(fraction))
    }
}
