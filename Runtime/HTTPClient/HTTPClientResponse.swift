public import Runtime

/// The answer to an ``HTTPClientRequest``: any status, including 4xx and 5xx, copied out of libcurl.
///
/// A plain value: nothing in it points into libcurl, so it may outlive the ``HTTPClient`` and cross threads.
/// Redirects are not followed, so a 3xx arrives here with its `location` header.
public struct HTTPClientResponse: Sendable {
    /// The status code of the final response (`200`, `404`, `503`, ...).
    public var status: Int
    /// The header fields of the final status block; names are lower-cased. Informational (1xx) blocks are dropped.
    public var headers: Headers
    /// The body, at most ``HTTPClient/Configuration/maxResponseBytes`` long. Empty for `HEAD`.
    public var body: [UInt8]

    /// Creates a response; used by the client and by test fakes standing in for it.
    public init(status: Int, headers: Headers = Headers(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body decoded as UTF-8, with invalid sequences replaced (for logs and tests; decode JSON from ``body``).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
