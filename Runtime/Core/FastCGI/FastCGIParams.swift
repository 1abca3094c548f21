/// Translation between FastCGI params (CGI/1.1 variables) and ``Request``/``Response``.
///
/// Params are untrusted text. The path comes from `REQUEST_URI` (raw, before nginx's normalisation) and the
/// request id from `REQUEST_ID`, which our `nginx/snippets/fastcgi.conf` sets. Params are never copied into
/// the process environment (httpoxy).
package enum FastCGIParams {
    package static func request(from params: [String: String]) -> Request {
        let uri = params["REQUEST_URI"] ?? params["DOCUMENT_URI"] ?? "/"
        let path: String
        if let mark = uri.firstIndex(of: "?") { path = String(uri[..<mark]) } else { path = uri }
        var headers = Headers()
        for (name, value) in params.sorted(by: { $0.key < $1.key }) {
            if name.hasPrefix("HTTP_") {
                headers.add(String(name.dropFirst(5)).lowercased().replacingUnderscores(), value)
            }
        }
        if let type = params["CONTENT_TYPE"], !type.isEmpty { headers["content-type"] = type }
        if let length = params["CONTENT_LENGTH"], !length.isEmpty { headers["content-length"] = length }
        return Request(
            method: HTTPMethod(rawValue: params["REQUEST_METHOD"] ?? "GET"),
            path: path.isEmpty ? "/" : path,
            queryString: params["QUERY_STRING"] ?? "",
            headers: headers,
            remoteAddress: params["REMOTE_ADDR"] ?? "",
            requestID: RequestID.sanitize(params["REQUEST_ID"] ?? params["HTTP_X_REQUEST_ID"]))
    }

    /// The declared body length: 0 when absent, nil when not a non-negative decimal number.
    package static func contentLength(_ params: [String: String]) -> Int? {
        guard let text = params["CONTENT_LENGTH"], !text.isEmpty else { return 0 }
        guard text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(text)
    }

    /// The CGI response head: `Status:` line, headers, `Content-Length`, blank line.
    package static func head(of response: Response) -> [UInt8] {
        var text = "Status: \(response.status) \(HTTPStatus.reason(response.status))\r\n"
        for field in response.headers where field.name != "content-length" && field.name != "status" {
            text += "\(field.name): \(field.value)\r\n"
        }
        text += "content-length: \(response.body.count)\r\n\r\n"
        return Array(text.utf8)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
