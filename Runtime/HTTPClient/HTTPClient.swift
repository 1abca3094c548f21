public import Runtime

/// A blocking HTTP client over one libcurl easy handle, for calls from a function to external providers.
///
/// Policy: `https://` only (plain `http://` to loopback when ``Configuration/allowPlainHTTPToLoopback`` is set),
/// no redirects followed, explicit connect and total timeouts, a response size cap. Non-2xx statuses are returned,
/// not thrown. See ``CurlEasy`` for the libcurl options set (https://curl.se/libcurl/c/curl_easy_setopt.html).
///
/// Threading: **one client per worker thread.** The easy handle inside must never be used by two threads at once,
/// so `HTTPClient` is deliberately not Sendable (the compiler refuses to send it across isolation domains). Build
/// one per worker at start-up and keep it for the thread's life: reuse keeps TCP/TLS connections and DNS answers
/// warm. Ownership: the handle is freed when the client is deinitialised.
///
/// ```swift
/// let client = try HTTPClient()
/// let response = try client.execute(HTTPClientRequest(url: "https://api.example.com/v1/rates"), deadline: deadline)
/// ```
public final class HTTPClient {
    /// The limits and policy this client was created with.
    public let configuration: Configuration
    private let easy: CurlEasy

    /// Creates a client and its libcurl handle (running `curl_global_init` once per process, on first use).
    /// - Throws: ``HTTPClientError`` with ``HTTPClientError/Code/invalidConfiguration`` for non-positive limits,
    ///   or ``HTTPClientError/Code/transport`` if libcurl cannot be initialised.
    public init(configuration: Configuration = .init()) throws {
        try configuration.validate()
        self.configuration = configuration
        self.easy = try CurlEasy()
    }

    /// Sends `request` and waits for the whole response, on the calling thread.
    ///
    /// The total timeout is the request's ``HTTPClientRequest/timeout`` (else ``Configuration/timeout``), shortened
    /// to `deadline`'s remaining time when a deadline is given; the connect timeout never exceeds it.
    /// - Parameters:
    ///   - request: What to send. Its URL, method and headers are validated before any I/O.
    ///   - deadline: The caller's own deadline, if any; an already expired one fails at once with `.timeout`.
    /// - Returns: The response, whatever its status.
    /// - Throws: ``HTTPClientError``; its `description` never holds the URL's path or query, headers or body.
    public func execute(_ request: HTTPClientRequest, deadline: Deadline? = nil) throws(HTTPClientError)
        -> HTTPClientResponse
    {
        let target = try Self.target(for: request.url, allowPlainHTTPToLoopback: configuration.allowPlainHTTPToLoopback)
        let headerLines = try request.headerLines(host: target.host)
        var timeout = request.timeout ?? configuration.timeout
        guard timeout > .zero else {
            throw HTTPClientError(.invalidRequest, host: target.host, detail: "timeout must be positive")
        }
        if let deadline {
            guard !deadline.isExpired else {
                throw HTTPClientError(.timeout, host: target.host, detail: "deadline passed before the request started")
            }
            timeout = min(timeout, deadline.remaining)
        }
        let totalMilliseconds = timeout.curlMilliseconds
        // A request that is unsafe to repeat never rides a reused connection: libcurl would re-send it by
        // itself if that connection turned out dead (seen with POSTs against the fakes).
        let transfer = CurlEasy.Transfer(
            method: request.method, url: target.url, host: target.host, headerLines: headerLines,
            body: request.body, sendsBody: request.sendsBody,
            connectTimeoutMilliseconds: min(configuration.connectTimeout.curlMilliseconds, totalMilliseconds),
            timeoutMilliseconds: totalMilliseconds, maxResponseBytes: configuration.maxResponseBytes,
            freshConnection: !request.isRetrySafe)
        let result = try easy.perform(transfer)
        var headers = Headers()
        for (name, value) in result.headers { headers.add(name, value) }
        return HTTPClientResponse(status: result.status, headers: headers, body: result.body)
    }
}

@available(*, unavailable, message: "Build one HTTPClient per worker thread; its curl handle must not be shared.")
extension HTTPClient: Sendable {}
