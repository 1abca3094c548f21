import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

/// The error `execute` throws, or nil if it succeeded.
func failure(_ client: HTTPClient, _ request: HTTPClientRequest, deadline: Deadline? = nil) -> HTTPClientError? {
    do {
        _ = try client.execute(request, deadline: deadline)
        return nil
    } catch {
        return error
    }
}

@Suite struct HTTPClientFailureTests {
    @Test func timeoutFires() throws {
        let server = try LoopbackHTTPServer { _ in .init(text: "late", delay: .seconds(3)) }
        defer { server.stop() }
        let client = try loopbackClient()
        let start = ContinuousClock.now

        let error = try #require(failure(client, .init(url: server.url("/slow"), timeout: .milliseconds(300))))

        #expect(error.code == .timeout)
        #expect(error.curlCode == 28)
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func deadlineShortensTheTimeout() throws {
        let server = try LoopbackHTTPServer { _ in .init(text: "late", delay: .seconds(3)) }
        defer { server.stop() }
        let client = try loopbackClient(timeout: .seconds(30))
        let start = ContinuousClock.now

        let deadline = Deadline(after: .milliseconds(300))
        let error = try #require(failure(client, .init(url: server.url("/slow")), deadline: deadline))

        #expect(error.code == .timeout)
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    @Test func expiredDeadlineFailsWithoutIO() throws {
        let server = try LoopbackHTTPServer { _ in .init() }
        defer { server.stop() }
        let expired = Deadline(instant: .now - .seconds(1))
        let error = try #require(failure(try loopbackClient(), .init(url: server.url()), deadline: expired))
        #expect(error.code == .timeout)
        #expect(server.requests.isEmpty)
    }

    /// With a Content-Length libcurl refuses up front; without one the write callback stops the transfer.
    @Test(arguments: [false, true])
    func responseOverTheCapIsRefused(closeDelimited: Bool) throws {
        let big = [UInt8](repeating: 65, count: 64 * 1024)
        let server = try LoopbackHTTPServer { _ in .init(body: big, closeDelimited: closeDelimited) }
        defer { server.stop() }
        let error = try #require(failure(try loopbackClient(maxResponseBytes: 1000), .init(url: server.url("/big"))))
        #expect(error.code == .responseTooLarge)
    }

    @Test func responseExactlyAtTheCapIsAccepted() throws {
        let exact = [UInt8](repeating: 1, count: 1000)
        let server = try LoopbackHTTPServer { _ in .init(body: exact, closeDelimited: true) }
        defer { server.stop() }
        let response = try loopbackClient(maxResponseBytes: 1000).execute(.init(url: server.url()))
        #expect(response.body.count == 1000)
    }

    @Test func connectionRefusedIsConnectionFailed() throws {
        let error = try #require(failure(try loopbackClient(), .init(url: "http://127.0.0.1:1/")))
        #expect(error.code == .connectionFailed)
        #expect(error.curlCode == 7)
        #expect(error.host == "127.0.0.1")
    }

    @Test func droppedConnectionIsTransportError() throws {
        let server = try LoopbackHTTPServer { _ in .drop() }
        defer { server.stop() }
        let error = try #require(failure(try loopbackClient(), .init(url: server.url())))
        #expect(error.code == .transport)
        #expect(server.requests.count == 1)
    }

    /// URLs may carry API keys: the plain description names only the code and the host.
    @Test func errorDescriptionHidesQueryAndHeaders() throws {
        let request = HTTPClientRequest(url: "http://127.0.0.1:1/x?api_key=SECRET123",
                                        headers: [("Authorization", "Bearer TOKEN456")], body: Array("BODY789".utf8))
        let error = try #require(failure(try loopbackClient(), request))
        #expect(error.code == .connectionFailed)
        for text in ["\(error)", error.description, String(describing: error)] {
            #expect(!text.contains("SECRET123"))
            #expect(!text.contains("TOKEN456"))
            #expect(!text.contains("BODY789"))
            #expect(!text.contains("/x"))
            #expect(text.contains("connection_failed"))
            #expect(text.contains("127.0.0.1"))
        }
        #expect(!error.debugDescription.contains("SECRET123"))
    }

    @Test(arguments: [("X-Evil", "a\r\nInjected: 1"), ("Bad Name", "v"), ("Content-Length", "5"), ("X-Nul", "a\u{0}b")])
    func malformedHeaderIsRefusedBeforeIO(header: (String, String)) throws {
        let server = try LoopbackHTTPServer { _ in .init() }
        defer { server.stop() }
        let error = try #require(failure(try loopbackClient(), .init(url: server.url(), headers: [header])))
        #expect(error.code == .invalidRequest)
        #expect(server.requests.isEmpty)
    }

    @Test func malformedMethodIsRefused() throws {
        let request = HTTPClientRequest(method: "GET /x HTTP/1.1\r\n", url: "http://127.0.0.1:1/")
        let error = try #require(failure(try loopbackClient(), request))
        #expect(error.code == .invalidRequest)
    }

    @Test(arguments: [
        HTTPClient.Configuration(timeout: .zero), .init(connectTimeout: .seconds(-1)), .init(maxResponseBytes: 0),
    ])
    func invalidConfigurationIsRefused(configuration: HTTPClient.Configuration) {
        #expect(throws: HTTPClientError.self) { try HTTPClient(configuration: configuration) }
    }
}
