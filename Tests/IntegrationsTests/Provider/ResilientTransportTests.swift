import Integrations
import Logging
import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Synchronization
import Testing

/// Provider clients build absolute URLs; the resilient transport turns them into the provider client's paths
/// and adds its retries and circuit.
@Suite struct ResilientTransportTests {
    private func transport(_ server: LoopbackHTTPServer, breaker: CircuitBreaker, retry: RetryPolicy = RetryPolicy())
        throws -> ResilientTransport
    {
        let http = try HTTPClient(configuration: .init(allowPlainHTTPToLoopback: true))
        return ResilientTransport(try ProviderClient(name: "fake", baseURL: server.url("/api"), http: http, retry: retry,
                                                     breaker: breaker, logger: Logger(label: "test")))
    }

    @Test func safeRequestsAreRetriedUnderTheBaseURL() throws {
        let calls = Atomic<Int>(0)
        let server = try LoopbackHTTPServer { request in
            calls.add(1, ordering: .relaxed).newValue < 3 ? .init(status: 503, text: "busy") : .init(status: 200, text: request.path)
        }
        defer { server.stop() }
        let resilient = try transport(server, breaker: try CircuitBreaker())
        let response = try resilient.send(HTTPClientRequest(method: "GET", url: server.url("/api/v1/things?x=1")), deadline: nil)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "/api/v1/things?x=1")
        #expect(calls.load(ordering: .relaxed) == 3)
    }

    @Test func urlsOutsideTheProviderAreRefusedBeforeIO() throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 200, text: "ok") }
        defer { server.stop() }
        let resilient = try transport(server, breaker: try CircuitBreaker())
        #expect(throws: HTTPClientError.self) {
            try resilient.send(HTTPClientRequest(method: "GET", url: "https://elsewhere.example/api/x"), deadline: nil)
        }
        #expect(server.requests.isEmpty)
    }

    @Test func anOpenCircuitFailsFast() throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 503, text: "down") }
        defer { server.stop() }
        let breaker = try CircuitBreaker(configuration: .init(failureThreshold: 2, coolDown: .seconds(60)))
        let resilient = try transport(server, breaker: breaker, retry: .never)
        for _ in 0..<2 { _ = try? resilient.send(HTTPClientRequest(method: "GET", url: server.url("/api/x")), deadline: nil) }
        let before = server.requests.count
        do {
            _ = try resilient.send(HTTPClientRequest(method: "GET", url: server.url("/api/x")), deadline: nil)
            Issue.record("expected circuit_open")
        } catch {
            #expect(error.code == .circuitOpen)
        }
        #expect(server.requests.count == before)
    }
}
