internal import FoundationEssentials

/// An HTTP response: status, headers and a fully built body.
public struct Response: Sendable {
    public var status: Int
    public var headers: Headers
    public var body: [UInt8]

    public init(status: Int = 200, headers: Headers = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response encoded with the shared coder (``JSON``).
    public static func json(_ value: some Encodable, status: Int = 200) throws -> Response {
        Response(status: status, headers: ["content-type": JSON.contentType], body: try JSON.encode(value))
    }

    /// A response whose body is already-encoded JSON.
    public static func json(raw: [UInt8], status: Int = 200) -> Response {
        Response(status: status, headers: ["content-type": JSON.contentType], body: raw)
    }

    /// A plain-text response.
    public static func text(_ text: String, status: Int = 200) -> Response {
        Response(status: status, headers: ["content-type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// An empty response (e.g. 204).
    public static func empty(status: Int = 204) -> Response { Response(status: status) }
}

/// Reason phrases for the status line FastCGI sends (`Status: 404 Not Found`).
public enum HTTPStatus {
    public static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}
