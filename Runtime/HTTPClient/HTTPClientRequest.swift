/// One outgoing HTTP request for ``HTTPClient/execute(_:deadline:)``: plain values, no C types.
///
/// Validated before any I/O: the method must be an HTTP token, header names tokens, header values free of CR, LF
/// and NUL (so a value taken from user input can never inject another header). `Content-Length` and `Host` are set
/// by the client and may not be given here.
public struct HTTPClientRequest: Sendable {
    /// The method, case-sensitive as sent (`GET`, `POST`, ...). Default `GET`.
    public var method: String
    /// An absolute `https://` URL (or `http://` to loopback when the client allows it).
    public var url: String
    /// Header fields in order; repeated names are sent repeatedly.
    public var headers: [(String, String)]
    /// The request body, sent with a `Content-Length`. Sent whenever non-empty, and always (possibly empty) for
    /// `POST`, `PUT` and `PATCH`.
    public var body: [UInt8]
    /// The total time allowed for this request, overriding ``HTTPClient/Configuration/timeout``.
    public var timeout: Duration?
    /// The caller vouches that sending this request twice is harmless although its method is not idempotent, e.g.
    /// a `POST` carrying an idempotency key the provider honours. Default false. See ``isRetrySafe``.
    public var isMarkedRetrySafe: Bool

    /// Creates a request; every parameter but `url` has a default.
    public init(method: String = "GET", url: String, headers: [(String, String)] = [], body: [UInt8] = [],
                timeout: Duration? = nil, isMarkedRetrySafe: Bool = false) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.isMarkedRetrySafe = isMarkedRetrySafe
    }

    /// Whether a ``ProviderClient`` may send this request again after a failure: its method is idempotent
    /// (`GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS`; RFC 9110 §9.2.2) or the caller set ``isMarkedRetrySafe``.
    public var isRetrySafe: Bool {
        isMarkedRetrySafe || ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method)
    }

    /// The header lines for `CURLOPT_HTTPHEADER`, after validating method and headers.
    ///
    /// An empty value is written `Name;` (libcurl's syntax for "send empty"; `Name:` would mean "remove").
    /// With a body we also switch off libcurl's `Expect: 100-continue` and its default form content type.
    /// - Throws: ``HTTPClientError/Code/invalidRequest``.
    func headerLines(host: String) throws(HTTPClientError) -> [String] {
        guard Self.isToken(method) else {
            throw HTTPClientError(.invalidRequest, host: host, detail: "method is not an HTTP token")
        }
        guard method != "HEAD" || body.isEmpty else {
            throw HTTPClientError(.invalidRequest, host: host, detail: "HEAD request with a body")
        }
        var lines: [String] = []
        var names: Set<String> = []
        for (name, value) in headers {
            let lowered = name.lowercased()
            guard Self.isToken(name), lowered != "content-length", lowered != "host" else {
                throw HTTPClientError(.invalidRequest, host: host, detail: "header name not allowed")
            }
            guard !value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) else {
                throw HTTPClientError(.invalidRequest, host: host, detail: "header value holds CR, LF or NUL")
            }
            names.insert(lowered)
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }
        if sendsBody {
            if !names.contains("expect") { lines.append("Expect:") }
            if !names.contains("content-type") { lines.append("Content-Type:") }
        }
        return lines
    }

    /// Whether the body goes on the wire (``CurlEasy`` then sets `COPYPOSTFIELDS`).
    var sendsBody: Bool {
        method != "HEAD" && (!body.isEmpty || ["POST", "PUT", "PATCH"].contains(method))
    }

    /// RFC 9110 `token`: one or more of ALPHA, DIGIT and ``!#$%&'*+-.^_`|~``.
    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }
}
