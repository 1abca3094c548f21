@testable import Runtime
import Testing

@Suite struct FastCGIParamsTests {
    let params: [String: String] = [
        "REQUEST_METHOD": "post", "REQUEST_URI": "/api/v1/quotes/a%2Fb?x=1&y=2", "DOCUMENT_URI": "/api/v1/quotes/a/b",
        "QUERY_STRING": "x=1&y=2", "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": "17", "REMOTE_ADDR": "203.0.113.7",
        "REQUEST_ID": "0f8fad5bd9cb469fa16570867728950e", "HTTP_X_CLIENT_ID": "CLI-1", "HTTP_ACCEPT_LANGUAGE": "pt-PT",
        "HTTP_PROXY": "", "SCRIPT_FILENAME": "/srv/x", "SERVER_SOFTWARE": "nginx",
    ]

    @Test func buildsTheRequest() {
        let request = FastCGIParams.request(from: params)
        #expect(request.method == .post)
        #expect(request.path == "/api/v1/quotes/a%2Fb")
        #expect(request.queryString == "x=1&y=2")
        #expect(request.remoteAddress == "203.0.113.7")
        #expect(request.requestID == "0f8fad5bd9cb469fa16570867728950e")
        #expect(request.headers["x-client-id"] == "CLI-1")
        #expect(request.headers["accept-language"] == "pt-PT")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["content-length"] == "17")
        #expect(request.headers["proxy"] == "")
        #expect(!request.headers.contains { $0.name.contains("script") || $0.name.contains("server") })
        #expect(request.body.isEmpty)
    }

    @Test func fallsBackSafely() {
        #expect(FastCGIParams.request(from: [:]).path == "/")
        #expect(FastCGIParams.request(from: [:]).method == .get)
        #expect(FastCGIParams.request(from: ["DOCUMENT_URI": "/doc"]).path == "/doc")
        #expect(FastCGIParams.request(from: ["REQUEST_URI": "?only=query"]).path == "/")
        let fromHeader = FastCGIParams.request(from: ["HTTP_X_REQUEST_ID": "from-header"])
        #expect(fromHeader.requestID == "from-header")
        let invalid = FastCGIParams.request(from: ["REQUEST_ID": "bad id\r\n"])
        #expect(invalid.requestID.utf8.count == 32)
        let injected = FastCGIParams.request(from: ["HTTP_X_EVIL": "a\r\nSet-Cookie: x"])
        #expect(injected.headers.count == 0)
    }

    @Test(arguments: [("", 0), ("0", 0), ("17", 17), ("007", 7), ("999999999999999999", 999_999_999_999_999_999)] as [(String, Int)])
    func readsValidContentLengths(text: String, length: Int) {
        #expect(FastCGIParams.contentLength(["CONTENT_LENGTH": text]) == length)
    }

    @Test(arguments: ["-1", "abc", "1e3", " 12", "12 ", "+5", "0x10", "1.5", "9999999999999999999", "١٢"])
    func refusesInvalidContentLengths(text: String) {
        #expect(FastCGIParams.contentLength(["CONTENT_LENGTH": text]) == nil)
    }

    @Test func missingContentLengthIsZero() {
        #expect(FastCGIParams.contentLength([:]) == 0)
    }

    @Test func writesTheCGIHead() {
        var response = Response.text("hello", status: 404)
        response.headers["x-request-id"] = "r1"
        response.headers["content-length"] = "999"
        response.headers["status"] = "200 OK"
        response.headers["x-evil"] = "a\r\nSet-Cookie: pwned=1"
        response.headers.add("x-evil2", "a\nb")
        let head = String(decoding: FastCGIParams.head(of: response), as: UTF8.self)
        #expect(head.hasPrefix("Status: 404 Not Found\r\n"))
        #expect(head.hasSuffix("\r\ncontent-length: 5\r\n\r\n"))
        #expect(head.contains("content-type: text/plain; charset=utf-8\r\n"))
        #expect(head.contains("x-request-id: r1\r\n"))
        #expect(!head.contains("999") && !head.contains("200 OK") && !head.contains("pwned") && !head.contains("x-evil"))
        #expect(head.components(separatedBy: "\r\n\r\n").count == 2)
    }
}

extension String {
    fileprivate func components(separatedBy separator: String) -> [Substring] {
        split(separator: separator, omittingEmptySubsequences: false)
    }
}
