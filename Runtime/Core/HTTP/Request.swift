/// One HTTP request as nginx handed it over FastCGI, already fully read.
///
/// Everything in it is untrusted client input. The body is capped by the server before it is read
/// (``ServerConfig/maxBodyBytes``).
public struct Request: Sendable {
    public var method: HTTPMethod
    /// The path without the query string, still percent-encoded (the router decodes segments).
    public var path: String
    /// The raw query string, without the leading `?`.
    public var queryString: String
    public var headers: Headers
    public var body: [UInt8]
    /// The client address nginx saw (`REMOTE_ADDR`).
    public var remoteAddress: String
    /// The request id: nginx's `X-Request-ID` when well-formed, else one generated here.
    public var requestID: String

    public init(
        method: HTTPMethod, path: String, queryString: String = "", headers: Headers = [:], body: [UInt8] = [],
        remoteAddress: String = "", requestID: String = RequestID.generate()
    ) {
        self.method = method
        self.path = path
        self.queryString = queryString
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.requestID = requestID
    }

    /// Query parameters, decoded (`+` as space, percent escapes), in order.
    public var queryItems: [(name: String, value: String)] { FormURLEncoded.parse(queryString) }

    /// The first value of query parameter `name`.
    public func query(_ name: String) -> String? { queryItems.first { $0.name == name }?.value }

    /// The media type of the body, lower-cased and without parameters (`application/json`).
    public var mediaType: String? {
        guard let value = headers["content-type"] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? value
        return type.trimmingASCIIWhitespace().lowercased()
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, CR and LF.
    package func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
