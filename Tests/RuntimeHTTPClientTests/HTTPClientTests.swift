import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

/// A client that may talk plain HTTP to the loopback test server.
func loopbackClient(timeout: Duration = .seconds(10), maxResponseBytes: Int = 1 << 20) throws -> HTTPClient {
    try HTTPClient(configuration: .init(timeout: timeout, maxResponseBytes: maxResponseBytes,
                                        allowPlainHTTPToLoopback: true))
}

@Suite struct HTTPClientTests {
    @Test func getRoundTripCarriesHeadersBothWays() throws {
        let server = try LoopbackHTTPServer { _ in .init(headers: [("X-Reply", "yes")], text: "hello") }
        defer { server.stop() }
        let client = try loopbackClient()

        let response = try client.execute(.init(url: server.url("/hello?x=1"), headers: [("X-Token", "abc")]))

        #expect(response.status == 200)
        #expect(response.isSuccess)
        #expect(response.headers["x-reply"] == "yes")
        #expect(response.headers["content-length"] == "5")
        #expect(response.bodyText == "hello")
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/hello?x=1")
        #expect(request.headers["x-token"] == "abc")
        #expect(request.body.isEmpty)
    }

    @Test func postRoundTripSendsBodyVerbatim() throws {
        let server = try LoopbackHTTPServer { request in .init(status: 201, body: request.body) }
        defer { server.stop() }
        let client = try loopbackClient()
        let body = Array(#"{"hello":"world","n":1}"#.utf8) + [0, 255]  // NUL and non-UTF-8 bytes survive

        let response = try client.execute(.init(method: "POST", url: server.url("/echo"),
                                                headers: [("Content-Type", "application/json")], body: body))

        #expect(response.status == 201)
        #expect(response.body == body)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.body == body)
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["content-length"] == "\(body.count)")
        #expect(request.headers["expect"] == nil)
    }

    /// libcurl would otherwise label a POST body `application/x-www-form-urlencoded`.
    @Test func postWithoutContentTypeSendsNone() throws {
        let server = try LoopbackHTTPServer { _ in .init() }
        defer { server.stop() }
        _ = try loopbackClient().execute(.init(method: "POST", url: server.url(), body: Array("x".utf8)))
        #expect(server.requests.first?.headers["content-type"] == nil)
    }

    /// libcurl adds `Expect: 100-continue` to large bodies and then waits up to 1 s for a 100 that never comes.
    @Test func largePostIsNotDelayedByExpectContinue() throws {
        let server = try LoopbackHTTPServer { request in .init(text: "\(request.body.count)") }
        defer { server.stop() }
        let body = (0..<(2 << 20)).map { UInt8(truncatingIfNeeded: $0) }
        let start = ContinuousClock.now
        let response = try loopbackClient().execute(.init(method: "POST", url: server.url(), body: body))
        #expect(response.bodyText == "\(body.count)")
        #expect(server.requests.first?.body == body)
        #expect(server.requests.first?.headers["expect"] == nil)
        #expect(ContinuousClock.now - start < .milliseconds(900))
    }

    @Test(arguments: ["PUT", "PATCH", "DELETE"])
    func otherMethodsSendTheirBody(method: String) throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 204) }
        defer { server.stop() }
        let response = try loopbackClient().execute(.init(method: method, url: server.url("/item/1"), body: [1, 2, 3]))
        #expect(response.status == 204)
        #expect(server.requests.first?.method == method)
        #expect(server.requests.first?.body == [1, 2, 3])
    }

    @Test func emptyPostSendsContentLengthZeroAndEmptyHeaderValue() throws {
        let server = try LoopbackHTTPServer { _ in .init() }
        defer { server.stop() }
        _ = try loopbackClient().execute(.init(method: "POST", url: server.url(), headers: [("X-Empty", "")]))
        let request = try #require(server.requests.first)
        #expect(request.headers["content-length"] == "0")
        #expect(request.headers["x-empty"] == "")
    }

    @Test func headReturnsHeadersWithoutBody() throws {
        let server = try LoopbackHTTPServer { _ in .init(headers: [("X-Size", "3")]) }
        defer { server.stop() }
        let response = try loopbackClient().execute(.init(method: "HEAD", url: server.url()))
        #expect(response.status == 200)
        #expect(response.headers["x-size"] == "3")
        #expect(response.body.isEmpty)
        #expect(server.requests.first?.method == "HEAD")
    }

    @Test(arguments: [404, 503])
    func errorStatusIsAResponseNotAnError(status: Int) throws {
        let server = try LoopbackHTTPServer { _ in .init(status: status, text: "nope") }
        defer { server.stop() }
        let response = try loopbackClient().execute(.init(url: server.url("/missing")))
        #expect(response.status == status)
        #expect(!response.isSuccess)
        #expect(response.bodyText == "nope")
    }

    @Test func redirectIsReturnedNotFollowed() throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 302, headers: [("Location", "/elsewhere")]) }
        defer { server.stop() }
        let response = try loopbackClient().execute(.init(url: server.url("/start")))
        #expect(response.status == 302)
        #expect(response.headers["location"] == "/elsewhere")
        #expect(server.requests.count == 1)
    }

    /// One handle serves many requests, including after a failed one, and keeps its connection alive.
    @Test func handleIsReusedAcrossRequests() throws {
        let server = try LoopbackHTTPServer { request in .init(text: request.path) }
        defer { server.stop() }
        let client = try loopbackClient()
        for index in 0..<5 {
            #expect(try client.execute(.init(url: server.url("/n/\(index)"))).bodyText == "/n/\(index)")
        }
        #expect(throws: HTTPClientError.self) { try client.execute(.init(url: "http://127.0.0.1:1/")) }
        let response = try client.execute(.init(method: "POST", url: server.url("/after"), body: [7]))
        #expect(response.bodyText == "/after")
        #expect(server.requests.map(\.path) == (0..<5).map { "/n/\($0)" } + ["/after"])
    }

    @Test func localhostNameIsLoopback() throws {
        let server = try LoopbackHTTPServer { _ in .init(text: "ok") }
        defer { server.stop() }
        let response = try loopbackClient().execute(.init(url: "http://localhost:\(server.port)/"))
        #expect(response.bodyText == "ok")
    }
}
