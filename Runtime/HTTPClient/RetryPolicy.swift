internal import CCurl

/// When, and after how long a wait, ``ProviderClient`` sends a failed request again.
///
/// Only requests that are ``HTTPClientRequest/isRetrySafe`` are ever repeated. They are repeated after a connection
/// failure, a timeout or a transport error, and after a `429`, `502`, `503` or `504` (and `500` when
/// ``retriesInternalServerError`` is set); never after any other status. The wait is the response's `Retry-After`
/// when it has one, else full-jitter exponential backoff: a uniform random duration in
/// `0 ... min(maxDelay, baseDelay × 2^(attempt − 1))`. No wait ever ends after the caller's deadline, and a
/// `Retry-After` longer than ``maxRetryAfter`` ends the retries instead of being cut short (the provider asked us
/// to stay away that long; the caller, e.g. a job, can reschedule).
///
/// A plain value: build it once from config and share it between threads.
public struct RetryPolicy: Sendable {
    /// The most requests sent for one call, the first included. Default 3; 1 means "never retry".
    public var maxAttempts: Int
    /// The backoff ceiling after the first failure; it doubles after each further one. Default 200 ms.
    public var baseDelay: Duration
    /// The largest backoff ceiling. Default 5 s.
    public var maxDelay: Duration
    /// The longest `Retry-After` we wait for; a longer one ends the retries. Default 10 s.
    public var maxRetryAfter: Duration
    /// Also retry after a `500` (some providers use it for transient faults). Default false.
    public var retriesInternalServerError: Bool

    /// Creates a policy; the defaults suit interactive calls to external providers.
    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5),
                maxRetryAfter: Duration = .seconds(10), retriesInternalServerError: Bool = false) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.retriesInternalServerError = retriesInternalServerError
    }

    /// One attempt only.
    public static var never: RetryPolicy { RetryPolicy(maxAttempts: 1) }

    /// Whether a response with `status` is worth sending again (given a retry-safe request).
    public func retries(status: Int) -> Bool {
        switch status {
        case 429, 502, 503, 504: return true
        case 500: return retriesInternalServerError
        default: return false
        }
    }

    /// Whether a failure with `code` is worth sending again (given a retry-safe request). Failures before any I/O
    /// (invalid URL or request), an open circuit and an oversize response are not.
    public func retries(error code: HTTPClientError.Code) -> Bool {
        code == .connectionFailed || code == .timeout || code == .transport
    }

    /// The full-jitter backoff after `attempt` (1-based) failed: uniform in
    /// `0 ... min(maxDelay, baseDelay × 2^(attempt − 1))`.
    public func backoff<Random: RandomNumberGenerator>(afterAttempt attempt: Int, using random: inout Random)
        -> Duration
    {
        let doublings = min(max(attempt - 1, 0), 40)
        let base = baseDelay.nanoseconds
        let ceiling = min(maxDelay.nanoseconds, base > Int64.max >> doublings ? Int64.max : base << doublings)
        guard ceiling > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...ceiling, using: &random))
    }

    /// Parses a `Retry-After` value (RFC 9110 §10.2.3): delta-seconds (`120`) or an HTTP-date
    /// (`Wed, 21 Oct 2015 07:28:00 GMT`, parsed by libcurl's `curl_getdate`,
    /// https://curl.se/libcurl/c/curl_getdate.html).
    /// - Parameter nowEpochSeconds: the wall clock to measure an HTTP-date against.
    /// - Returns: the wait (zero for a date in the past), or nil when the value is neither form.
    public static func retryAfter(_ value: String, nowEpochSeconds: Int) -> Duration? {
        let text = String(value.trimmingSpaces)
        guard !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // More than ten digits is over 300 years: effectively "never", and longer than any maxRetryAfter.
            return .seconds(text.utf8.count <= 10 ? Int(text) ?? 9_999_999_999 : 9_999_999_999)
        }
        // An HTTP-date always names a weekday or month, so a bare signed or fractional number is rejected here.
        guard text.utf8.contains(where: { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") })
        else { return nil }
        let date = curl_getdate(text, nil)
        guard date != -1 else { return nil }
        return .seconds(max(0, Int(date) - nowEpochSeconds))
    }

    /// - Throws: ``HTTPClientError/Code/invalidConfiguration`` for fewer than one attempt or a negative duration.
    func validate() throws(HTTPClientError) {
        guard maxAttempts >= 1 else {
            throw HTTPClientError(.invalidConfiguration, detail: "retry maxAttempts must be at least 1")
        }
        guard baseDelay >= .zero, maxDelay >= .zero, maxRetryAfter >= .zero else {
            throw HTTPClientError(.invalidConfiguration, detail: "retry delays must not be negative")
        }
    }
}

extension Duration {
    /// Whole nanoseconds, saturating at `Int64.max` (about 292 years).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        guard seconds < Int64.max / 1_000_000_000 else { return .max }
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let isSpace = { (character: Character) in character == " " || character == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[start...end]
    }
}
