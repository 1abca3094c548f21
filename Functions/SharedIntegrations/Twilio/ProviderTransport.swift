public import Runtime
public import RuntimeHTTPClient

/// The seam between a provider client and the wire: sends one request and returns the response, whatever its
/// status.
///
/// Production passes an ``HTTPClient`` (one per worker thread); the lead may substitute a retrying or
/// circuit-breaking transport without touching the clients. Threading: implementations are used from one thread
/// at a time, like ``HTTPClient``. Errors thrown must never carry headers or bodies (``HTTPClientError`` does not).
public protocol ProviderTransport: AnyObject {
    /// Sends `request`, honouring `deadline` when given.
    func send(_ request: HTTPClientRequest, deadline: Deadline?) throws -> HTTPClientResponse
}

extension HTTPClient: ProviderTransport {
    /// Forwards to ``HTTPClient/execute(_:deadline:)``.
    public func send(_ request: HTTPClientRequest, deadline: Deadline?) throws -> HTTPClientResponse {
        try execute(request, deadline: deadline)
    }
}
