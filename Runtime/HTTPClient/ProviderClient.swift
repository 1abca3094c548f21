public import Logging
public import Runtime

/// The way provider integrations call their provider: one base URL, retries by a ``RetryPolicy``, the provider's
/// circuit in a shared ``CircuitBreaker``, and one log line per call.
///
/// Requests name a path relative to ``baseURL`` (`/v3/mail/send?x=1`); the base URL may carry a path prefix
/// (`https://api.openai.com/v1`). Each attempt asks the breaker first, so an open circuit fails fast with
/// ``HTTPClientError/Code/circuitOpen`` and no I/O. The log line (`provider call`) holds `provider`, `http.method`,
/// `http.path` (without query or fragment), `http.status` or `error.code`, `http.attempts`, `duration_ms` and
/// `circuit.state`; never headers, query strings or bodies.
///
/// Threading: like ``HTTPClient``, **one per worker thread**, and not Sendable. Several provider clients on one
/// thread may share that thread's ``HTTPClient``; all threads share one ``CircuitBreaker``.
///
/// ```swift
/// let sendgrid = try ProviderClient(name: "sendgrid", baseURL: "https://api.sendgrid.com", http: http,
///                                   breaker: breaker, logger: logger)
/// let response = try sendgrid.send(HTTPClientRequest(method: "POST", url: "/v3/mail/send", body: body,
///                                                    isMarkedRetrySafe: false), deadline: deadline)
/// ```
public final class ProviderClient {
    /// The provider's name: the breaker key and the `provider` log field (`sendgrid`, `openai`, ...).
    public let name: String
    /// The base URL, without a trailing slash; request paths are appended to it.
    public let baseURL: String
    /// When failed requests are sent again.
    public let retry: RetryPolicy
    /// The process-wide breaker this provider's circuit lives in.
    public let breaker: CircuitBreaker
    /// Where the per-call line goes, unless ``send(_:deadline:logger:)`` is given another logger.
    public var logger: Logger
    private let http: HTTPClient
    /// The base URL's host, for error descriptions.
    let host: String
    var random = SystemRandomNumberGenerator()

    /// - Parameters:
    ///   - baseURL: `https://` (or `http://` to loopback when `http` allows it), without query or fragment.
    ///   - http: this thread's client; its configuration supplies timeouts, the size cap and the loopback rule.
    /// - Throws: ``HTTPClientError`` `.invalidURL`/`.insecureURL` for a bad base URL, `.invalidConfiguration` for
    ///   an invalid retry policy or an empty name.
    public init(name: String, baseURL: String, http: HTTPClient, retry: RetryPolicy = RetryPolicy(),
                breaker: CircuitBreaker, logger: Logger) throws(HTTPClientError) {
        guard !name.isEmpty else { throw HTTPClientError(.invalidConfiguration, detail: "provider name is empty") }
        try retry.validate()
        let target = try HTTPClient.target(for: baseURL,
                                           allowPlainHTTPToLoopback: http.configuration.allowPlainHTTPToLoopback)
        guard !baseURL.contains("?"), !baseURL.contains("#") else {
            throw HTTPClientError(.invalidURL, host: target.host, detail: "base URL has a query or fragment")
        }
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.name = name
        self.baseURL = base
        self.http = http
        self.retry = retry
        self.breaker = breaker
        self.logger = logger
        self.host = target.host
    }

    /// Sends `request` to the provider, retrying as ``retry`` allows, and logs one line.
    ///
    /// - Parameters:
    ///   - request: its `url` is a path starting with `/`, appended to ``baseURL``. Retried only when
    ///     ``HTTPClientRequest/isRetrySafe``.
    ///   - deadline: bounds every attempt and every wait: no backoff sleeps past it.
    ///   - logger: overrides ``logger`` for this call (e.g. one carrying `request.id`).
    /// - Returns: the last response, whatever its status (a 503 that exhausted the retries comes back as a 503).
    /// - Throws: ``HTTPClientError`` from the last attempt, or `.circuitOpen` when the first attempt was refused
    ///   (a circuit that opens between retries ends them with the previous attempt's result); never holds secrets.
    public func send(_ request: HTTPClientRequest, deadline: Deadline? = nil, logger: Logger? = nil)
        throws(HTTPClientError) -> HTTPClientResponse
    {
        let started = ContinuousClock.now
        let path = Self.pathWithoutQuery(request.url)
        var attempts = 0
        let result = attemptAll(request, deadline: deadline, attempts: &attempts)
        log(result, method: request.method, path: path, attempts: attempts, since: started, to: logger ?? self.logger)
        return try result.get()
    }

    /// Runs attempts until one is final; `attempts` counts the requests the breaker let through.
    private func attemptAll(_ request: HTTPClientRequest, deadline: Deadline?, attempts: inout Int)
        -> Result<HTTPClientResponse, HTTPClientError>
    {
        guard request.url.hasPrefix("/") else {
            return .failure(HTTPClientError(.invalidRequest, host: host,
                                            detail: "request url must be a path relative to the base URL"))
        }
        var absolute = request
        absolute.url = baseURL + request.url
        var previous: Result<HTTPClientResponse, HTTPClientError>? = nil
        while true {
            let permit: CircuitBreaker.Permit
            do {
                permit = try breaker.acquire(name, host: host)
            } catch {
                // Opened by our own failures (or another thread's) mid-retry: the provider's last answer says more.
                return previous ?? .failure(error)
            }
            attempts += 1
            let result: Result<HTTPClientResponse, HTTPClientError>
            do {
                result = .success(try http.execute(absolute, deadline: deadline))
            } catch {
                result = .failure(error)
            }
            breaker.record(Self.outcome(of: result), for: permit)
            guard attempts < retry.maxAttempts, request.isRetrySafe,
                let wait = wait(after: result, attempt: attempts, deadline: deadline)
            else { return result }
            previous = result
            Self.sleep(wait)
        }
    }
}

@available(*, unavailable, message: "Build one ProviderClient per worker thread; its HTTPClient must not be shared.")
extension ProviderClient: Sendable {}
