import Glibc
import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

/// A provider client whose base URL is `server`'s `/api`, logging into `capture`.
func providerClient(_ server: LoopbackHTTPServer, name: String = "fake", retry: RetryPolicy = RetryPolicy(),
                    breaker: CircuitBreaker? = nil, capture: LogCapture = LogCapture(),
                    timeout: Duration = .seconds(10), maxResponseBytes: Int = 1 << 20) throws -> ProviderClient {
    try ProviderClient(name: name, baseURL: server.url("/api"),
                       http: loopbackClient(timeout: timeout, maxResponseBytes: maxResponseBytes), retry: retry,
                       breaker: breaker ?? CircuitBreaker(), logger: capture.logger())
}

/// A responder answering with `script` in order, then repeating its last entry.
func scripted(_ script: [LoopbackHTTPServer.ScriptedResponse])
    -> @Sendable (LoopbackHTTPServer.RecordedRequest) -> LoopbackHTTPServer.ScriptedResponse
{
    let next = Locked(0)
    return { _ in script[min(next.withLock { count in defer { count += 1 }; return count }, script.count - 1)] }
}

/// What `send` returned or threw.
func outcome(_ client: ProviderClient, _ request: HTTPClientRequest, deadline: Deadline? = nil)
    -> Result<HTTPClientResponse, HTTPClientError>
{
    do {
        return .success(try client.send(request, deadline: deadline))
    } catch {
        return .failure(error)
    }
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) for `epochSeconds`.
func httpDate(epochSeconds: Int) -> String {
    var seconds = time_t(epochSeconds)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
        + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
}

@Suite struct ProviderClientRetryTests {
    @Test func retriesA503ThenSucceedsAndLogsOneLine() throws {
        let server = try LoopbackHTTPServer(respond: scripted([.init(status: 503), .init(status: 503),
                                                               .init(text: "ok")]))
        defer { server.stop() }
        let capture = LogCapture()
        let client = try providerClient(server, retry: RetryPolicy(baseDelay: .milliseconds(20)), capture: capture)

        let response = try client.send(HTTPClientRequest(url: "/v1/rates?currency=EUR"))

        #expect(response.status == 200)
        #expect(server.requests.map(\.path) == Array(repeating: "/api/v1/rates?currency=EUR", count: 3))
        let records = try capture.records(message: "provider call")
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record["provider"] == .string("fake"))
        #expect(record["http_method"] == .string("GET"))
        #expect(record["http_path"] == .string("/v1/rates"))
        #expect(record["http_status"] == .number(200))
        #expect(record["http_attempts"] == .number(3))
        #expect(record["circuit_state"] == .string("closed"))
        #expect(record["duration_ms"] != nil)
    }

    @Test func honoursRetryAfterSeconds() throws {
        let server = try LoopbackHTTPServer(respond: scripted([.init(status: 429, headers: [("Retry-After", "1")]),
                                                               .init(text: "ok")]))
        defer { server.stop() }
        let client = try providerClient(server)
        let start = ContinuousClock.now

        let response = try client.send(HTTPClientRequest(url: "/v1/x"))

        let elapsed = ContinuousClock.now - start
        #expect(response.status == 200)
        #expect(server.requests.count == 2)
        #expect(elapsed >= .seconds(1) && elapsed < .milliseconds(1500), "waited \(elapsed)")
    }

    /// The date is two whole seconds ahead of the wall clock's current second, so the wait is 1–2 s.
    @Test func honoursRetryAfterHTTPDate() throws {
        let date = httpDate(epochSeconds: Timestamp.epochSeconds() + 2)
        let server = try LoopbackHTTPServer(respond: scripted([.init(status: 503, headers: [("Retry-After", date)]),
                                                               .init(text: "ok")]))
        defer { server.stop() }
        let start = ContinuousClock.now

        let response = try providerClient(server).send(HTTPClientRequest(url: "/v1/x"))

        let elapsed = ContinuousClock.now - start
        #expect(response.status == 200)
        #expect(server.requests.count == 2)
        #expect(elapsed >= .milliseconds(950) && elapsed < .milliseconds(2500), "waited \(elapsed) for \(date)")
    }

    @Test func aRetryAfterLongerThanTheMaximumEndsTheRetries() throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 429, headers: [("Retry-After", "30")]) }
        defer { server.stop() }
        let start = ContinuousClock.now
        let response = try providerClient(server).send(HTTPClientRequest(url: "/v1/x"))
        #expect(response.status == 429)
        #expect(response.headers["retry-after"] == "30")
        #expect(server.requests.count == 1)
        #expect(ContinuousClock.now - start < .milliseconds(500))
    }

    @Test(arguments: [400, 401, 403, 404, 409, 422, 500])
    func otherStatusesAreNotRetried(_ status: Int) throws {
        let server = try LoopbackHTTPServer { _ in .init(status: status) }
        defer { server.stop() }
        let response = try providerClient(server).send(HTTPClientRequest(url: "/v1/x"))
        #expect(response.status == status)
        #expect(server.requests.count == 1)
    }

    @Test func a500IsRetriedWhenTheCallerOptsIn() throws {
        let server = try LoopbackHTTPServer(respond: scripted([.init(status: 500), .init(text: "ok")]))
        defer { server.stop() }
        let retry = RetryPolicy(baseDelay: .milliseconds(10), retriesInternalServerError: true)
        #expect(try providerClient(server, retry: retry).send(HTTPClientRequest(url: "/v1/x")).status == 200)
        #expect(server.requests.count == 2)
    }

    @Test func aPostIsRetriedOnlyWhenMarkedSafe() throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 503) }
        defer { server.stop() }
        let client = try providerClient(server, retry: RetryPolicy(baseDelay: .milliseconds(10)))
        let post = HTTPClientRequest(method: "POST", url: "/v1/messages", body: Array("{}".utf8))

        #expect(try client.send(post).status == 503)
        #expect(server.requests.count == 1)

        var keyed = post
        keyed.headers = [("Idempotency-Key", "msg-1")]
        keyed.isMarkedRetrySafe = true
        #expect(try client.send(keyed).status == 503)
        #expect(server.requests.count == 4)
        #expect(server.requests.dropFirst().allSatisfy { $0.method == "POST" && $0.body == Array("{}".utf8) })
    }

    /// Backoff keeps going while time remains, but no wait ends past the deadline: the last 503 comes back in time.
    @Test func backoffStaysWithinTheDeadline() throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 503) }
        defer { server.stop() }
        let retry = RetryPolicy(maxAttempts: 100, baseDelay: .milliseconds(200), maxDelay: .milliseconds(400))
        let start = ContinuousClock.now

        let response = try providerClient(server, retry: retry).send(HTTPClientRequest(url: "/v1/x"),
                                                                     deadline: Deadline(after: .milliseconds(1200)))

        let elapsed = ContinuousClock.now - start
        #expect(response.status == 503)
        #expect(server.requests.count >= 2)
        #expect(elapsed < .milliseconds(1200), "took \(elapsed)")
    }

    @Test func aRetryAfterPastTheDeadlineIsNotAwaited() throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 503, headers: [("Retry-After", "3")]) }
        defer { server.stop() }
        let start = ContinuousClock.now
        let response = try providerClient(server).send(HTTPClientRequest(url: "/v1/x"),
                                                       deadline: Deadline(after: .seconds(1)))
        #expect(response.status == 503)
        #expect(server.requests.count == 1)
        #expect(ContinuousClock.now - start < .milliseconds(500))
    }

    @Test func aTimeoutIsRetried() throws {
        let server = try LoopbackHTTPServer(respond: scripted([.init(text: "late", delay: .seconds(3)),
                                                               .init(text: "ok")]))
        defer { server.stop() }
        let client = try providerClient(server, retry: RetryPolicy(baseDelay: .milliseconds(10)))
        let response = try client.send(HTTPClientRequest(url: "/v1/x", timeout: .milliseconds(300)))
        #expect(response.bodyText == "ok")
        #expect(server.requests.count == 2)
    }

    @Test func aRefusedConnectionIsRetriedThenReported() throws {
        let server = try LoopbackHTTPServer { _ in .init() }
        server.stop()
        let capture = LogCapture()
        let client = try providerClient(server, retry: RetryPolicy(baseDelay: .milliseconds(10)), capture: capture)

        let error = try #require(thrown { () throws(HTTPClientError) in try client.send(.init(url: "/v1/x")) })

        #expect(error.code == .connectionFailed)
        let record = try #require(try capture.records(message: "provider call").first)
        #expect(record["http_attempts"] == .number(3))
        #expect(record["error_code"] == .string("connection_failed"))
        #expect(record["level"] == .string("warning"))
    }

    @Test func aPathIsRequired() throws {
        let server = try LoopbackHTTPServer { _ in .init() }
        defer { server.stop() }
        let client = try providerClient(server)
        let error = thrown { () throws(HTTPClientError) in try client.send(HTTPClientRequest(url: server.url("/x"))) }
        #expect(error?.code == .invalidRequest)
        #expect(server.requests.isEmpty)
    }
}
