import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

/// The breaker through the façade, against a real loopback server: what reaches the server is what counts.
@Suite struct ProviderClientBreakerTests {
    let clock = ManualClock()

    func breaker(threshold: Int = 5) throws -> CircuitBreaker {
        try CircuitBreaker(configuration: .init(failureThreshold: threshold, coolDown: .seconds(30)), clock: clock.now)
    }

    @Test func opensAfterNFailuresThenRejectsWithoutIO() throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 503) }
        defer { server.stop() }
        let breaker = try breaker()
        let capture = LogCapture()
        let client = try providerClient(server, retry: .never, breaker: breaker, capture: capture)
        for _ in 0..<5 { #expect(try client.send(HTTPClientRequest(url: "/v1/x")).status == 503) }
        #expect(breaker.state(of: "fake") == .open)
        let start = ContinuousClock.now

        let error = thrown { () throws(HTTPClientError) in try client.send(HTTPClientRequest(url: "/v1/x")) }

        #expect(error?.code == .circuitOpen)
        #expect(ContinuousClock.now - start < .milliseconds(50))
        #expect(server.requests.count == 5)
        let last = try #require(try capture.records(message: "provider call").last)
        #expect(last["error_code"] == .string("circuit_open"))
        #expect(last["http_attempts"] == .number(0))
        #expect(last["circuit_state"] == .string("open"))
    }

    /// Every attempt counts: the fifth failure opens the circuit mid-retry, which ends the call with that 503.
    @Test func retriesCountTowardsTheThresholdAndStopWhenItOpens() throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 503) }
        defer { server.stop() }
        let breaker = try breaker()
        let client = try providerClient(server, retry: RetryPolicy(baseDelay: .milliseconds(5)), breaker: breaker)
        #expect(try client.send(HTTPClientRequest(url: "/v1/x")).status == 503)
        #expect(server.requests.count == 3)
        #expect(try client.send(HTTPClientRequest(url: "/v1/x")).status == 503)
        #expect(server.requests.count == 5)
        #expect(breaker.state(of: "fake") == .open)
    }

    @Test func fourHundredsAndOversizeBodiesDoNotTripIt() throws {
        let server = try LoopbackHTTPServer { request in
            request.path.hasSuffix("/big") ? .init(body: Array(repeating: 65, count: 4096)) : .init(status: 404)
        }
        defer { server.stop() }
        let breaker = try breaker(threshold: 2)
        let client = try providerClient(server, retry: .never, breaker: breaker, maxResponseBytes: 1000)
        for _ in 0..<3 {
            #expect(try client.send(HTTPClientRequest(url: "/v1/missing")).status == 404)
            let error = thrown { () throws(HTTPClientError) in try client.send(HTTPClientRequest(url: "/v1/big")) }
            #expect(error?.code == .responseTooLarge)
        }
        #expect(breaker.state(of: "fake") == .closed)
        #expect(server.requests.count == 6)
    }

    /// Eight threads call while the circuit is half-open; the server holds the one probe until the other seven have
    /// been turned away, so the test does not depend on thread timing.
    @Test func halfOpenLetsExactlyOneOfManyConcurrentCallersThrough() throws {
        let callers = 8
        let healthy = Locked(false)
        let rejections = Locked(0)
        let server = try LoopbackHTTPServer { _ in
            guard healthy.value else { return .init(status: 503) }
            let end = ContinuousClock.now + .seconds(5)
            while rejections.value < callers - 1 && ContinuousClock.now < end { TestThread.sleep(.milliseconds(5)) }
            return .init(text: "probe ok")
        }
        defer { server.stop() }
        let breaker = try breaker(threshold: 2)
        let opener = try providerClient(server, retry: .never, breaker: breaker)
        for _ in 0..<2 { _ = try opener.send(HTTPClientRequest(url: "/v1/x")) }
        #expect(breaker.state(of: "fake") == .open)
        clock.advance(.seconds(30))
        healthy.withLock { $0 = true }

        let results = try TestThread.concurrently(callers) { _ -> String in
            do {
                return "\(try providerClient(server, retry: .never, breaker: breaker).send(.init(url: "/v1/x")).status)"
            } catch let error as HTTPClientError {
                if error.code == .circuitOpen { rejections.withLock { $0 += 1 } }
                return "\(error.code)"
            } catch {
                return "\(error)"
            }
        }

        #expect(results.filter { $0 == "200" }.count == 1, "\(results)")
        #expect(results.filter { $0 == "circuit_open" }.count == callers - 1, "\(results)")
        #expect(server.requests.count == 3)
        #expect(breaker.state(of: "fake") == .closed)
        #expect(try opener.send(HTTPClientRequest(url: "/v1/x")).status == 200)
    }

    @Test func aFailedProbeReopensTheCircuit() throws {
        let healthy = Locked(false)
        let server = try LoopbackHTTPServer { _ in healthy.value ? .init(text: "ok") : .init(status: 502) }
        defer { server.stop() }
        let breaker = try breaker(threshold: 2)
        let client = try providerClient(server, retry: .never, breaker: breaker)
        for _ in 0..<2 { _ = try client.send(HTTPClientRequest(url: "/v1/x")) }
        clock.advance(.seconds(30))

        #expect(try client.send(HTTPClientRequest(url: "/v1/x")).status == 502)
        #expect(breaker.state(of: "fake") == .open)
        #expect(thrown { () throws(HTTPClientError) in try client.send(.init(url: "/v1/x")) }?.code == .circuitOpen)
        #expect(server.requests.count == 3)

        clock.advance(.seconds(29))
        #expect(thrown { () throws(HTTPClientError) in try client.send(.init(url: "/v1/x")) }?.code == .circuitOpen)
        clock.advance(.seconds(1))
        healthy.withLock { $0 = true }
        #expect(try client.send(HTTPClientRequest(url: "/v1/x")).status == 200)
        #expect(breaker.state(of: "fake") == .closed)
        #expect(server.requests.count == 4)
    }

    @Test func providersSharingABreakerTripIndependently() throws {
        let server = try LoopbackHTTPServer { request in
            request.path.hasPrefix("/api/down") ? .init(status: 503) : .init()
        }
        defer { server.stop() }
        let breaker = try breaker(threshold: 1)
        let http = try loopbackClient()
        let down = try ProviderClient(name: "down", baseURL: server.url("/api/down"), http: http, retry: .never,
                                      breaker: breaker, logger: LogCapture().logger())
        let up = try ProviderClient(name: "up", baseURL: server.url("/api/up"), http: http, retry: .never,
                                    breaker: breaker, logger: LogCapture().logger())
        _ = try down.send(HTTPClientRequest(url: "/x"))
        #expect(try up.send(HTTPClientRequest(url: "/x")).status == 200)
        #expect(breaker.states == ["down": .open, "up": .closed])
    }
}
