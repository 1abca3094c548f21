public import Runtime
public import RuntimeHTTPClient

/// The one seam between a provider client (LLM, SendGrid, Twilio, VAPI, Google) and the wire: sends one request
/// with an absolute URL and returns the response, whatever its status.
///
/// Two implementations: ``HTTPClient`` itself (a single attempt, for tests and for callers that retry at a
/// higher level) and ``ResilientTransport`` (the provider's retries and circuit breaker through
/// `ProviderClient`). Threading: used from one thread at a time, like ``HTTPClient``. Errors never carry
/// headers or bodies.
public protocol ProviderTransport: AnyObject {
    /// Sends `request`, honouring `deadline` when given.
    func send(_ request: HTTPClientRequest, deadline: Deadline?) throws(HTTPClientError) -> HTTPClientResponse
}

extension HTTPClient: ProviderTransport {
    /// One attempt: forwards to ``HTTPClient/execute(_:deadline:)``.
    public func send(_ request: HTTPClientRequest, deadline: Deadline?) throws(HTTPClientError) -> HTTPClientResponse {
        try execute(request, deadline: deadline)
    }
}

/// A ``ProviderTransport`` that sends through a `ProviderClient`: retries as its `RetryPolicy` allows (only
/// requests safe to repeat), the provider's circuit in the process-wide `CircuitBreaker`, one log line per call.
///
/// Requests carry absolute URLs under the provider client's base URL (the provider clients build them); any
/// other URL is refused before I/O.
public final class ResilientTransport: ProviderTransport {
    public let provider: ProviderClient

    public init(_ provider: ProviderClient) { self.provider = provider }

    public func send(_ request: HTTPClientRequest, deadline: Deadline?) throws(HTTPClientError) -> HTTPClientResponse {
        guard request.url.hasPrefix(provider.baseURL) else {
            throw HTTPClientError(.invalidURL, host: provider.name, detail: "URL outside the provider's base URL")
        }
        var relative = request
        relative.url = String(request.url.dropFirst(provider.baseURL.count))
        if !relative.url.hasPrefix("/") { relative.url = "/" + relative.url }
        return try provider.send(relative, deadline: deadline)
    }
}
