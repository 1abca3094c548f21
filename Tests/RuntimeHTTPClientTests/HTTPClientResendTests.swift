import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Synchronization
import Testing

/// libcurl re-sends a request by itself when its *reused* keep-alive connection dies before any answer.
/// A call that is unsafe to repeat must therefore reach the server at most once.
@Suite struct HTTPClientResendTests {
    @Test func anUnsafePostIsNeverResentByLibcurl() throws {
        let posts = Atomic<Int>(0)
        let server = try LoopbackHTTPServer { request in
            guard request.method == "POST" else { return .init(status: 200, text: "warm") }
            // The first POST is read, then its connection is dropped without an answer.
            return posts.add(1, ordering: .relaxed).newValue == 1 ? .drop() : .init(status: 201, text: "bought")
        }
        defer { server.stop() }
        let client = try HTTPClient(configuration: .init(allowPlainHTTPToLoopback: true))
        // Warm a keep-alive connection, so the POST would ride a reused one.
        #expect(try client.execute(HTTPClientRequest(method: "GET", url: server.url("/warm"))).status == 200)
        let purchase = HTTPClientRequest(method: "POST", url: server.url("/buy"), body: Array("number=+15005550006".utf8))
        #expect(throws: HTTPClientError.self) { try client.execute(purchase) }
        #expect(server.requests.filter { $0.method == "POST" }.count == 1, "the purchase reached the server more than once")
    }
}
