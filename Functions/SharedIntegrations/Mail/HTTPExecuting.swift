public import Runtime
public import RuntimeHTTPClient

/// The one call mail transports make over HTTP: the seam where a resilient client (retries, circuit breaker) can
/// replace the plain ``HTTPClient``. Mail send is not idempotent, so whatever sits here must not retry a request
/// the provider may have received; the job queue retries instead.
public protocol HTTPExecuting {
    /// Sends `request` and returns any status. - Throws: ``HTTPClientError``.
    func execute(_ request: HTTPClientRequest, deadline: Deadline?) throws(HTTPClientError) -> HTTPClientResponse
}

extension HTTPClient: HTTPExecuting {}
