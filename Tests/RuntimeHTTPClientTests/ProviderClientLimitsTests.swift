import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

/// Timeouts, size caps and log secrecy through the façade.
@Suite struct ProviderClientLimitsTests {
    /// A 500 ms timeout fires in [500, 600) ms. libcurl checks its timers on about a millisecond's granularity but
    /// rounds the socket wait up; 10% above the setting is the bound, and it never fires early.
    @Test(arguments: [Duration.milliseconds(500), .seconds(1)])
    func aTimeoutFiresWithinTenPercentOfTheSetting(_ setting: Duration) throws {
        let server = try LoopbackHTTPServer { _ in .init(text: "late", delay: .seconds(5)) }
        defer { server.stop() }
        let client = try providerClient(server, retry: .never)
        let start = ContinuousClock.now

        let error = thrown { () throws(HTTPClientError) in try client.send(.init(url: "/v1/slow", timeout: setting)) }

        let elapsed = ContinuousClock.now - start
        #expect(error?.code == .timeout)
        #expect(elapsed >= setting && elapsed < setting * 1.1, "took \(elapsed)")
    }

    @Test func theConfiguredTimeoutAppliesWhenTheRequestSetsNone() throws {
        let server = try LoopbackHTTPServer { _ in .init(text: "late", delay: .seconds(5)) }
        defer { server.stop() }
        let client = try providerClient(server, retry: .never, timeout: .milliseconds(500))
        let start = ContinuousClock.now
        #expect(thrown { () throws(HTTPClientError) in try client.send(.init(url: "/v1/slow")) }?.code == .timeout)
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(500) && elapsed < .milliseconds(550), "took \(elapsed)")
    }

    @Test(arguments: [false, true])
    func anOversizeResponseIsRefusedAndNotRetried(closeDelimited: Bool) throws {
        let big = [UInt8](repeating: 65, count: 64 * 1024)
        let server = try LoopbackHTTPServer { _ in .init(body: big, closeDelimited: closeDelimited) }
        defer { server.stop() }
        let client = try providerClient(server, maxResponseBytes: 1000)
        let error = thrown { () throws(HTTPClientError) in try client.send(.init(url: "/v1/big")) }
        #expect(error?.code == .responseTooLarge)
        #expect(server.requests.count == 1)
    }

    @Test func aBadBaseURLIsRefused() throws {
        let http = try loopbackClient()
        let breaker = try CircuitBreaker()
        for base in ["http://api.example.com", "ftp://127.0.0.1/", "https://127.0.0.1/v1?key=x", "not a url"] {
            let error = thrown { () throws(HTTPClientError) in
                try ProviderClient(name: "p", baseURL: base, http: http, breaker: breaker,
                                   logger: LogCapture().logger())
            }
            #expect(error?.code == .insecureURL || error?.code == .invalidURL, "\(base)")
        }
    }

    /// Keys travel in headers and the query (as some providers want); none reaches a log line or an error text.
    @Test func noKeyAppearsInLogsOrErrors() throws {
        let key = Secret("sk-live-7f3a9c0e1d2b4a6f")
        let querySecret = "qs-5e8d1c7b93"
        let server = try LoopbackHTTPServer { request in
            let path = request.path
            if path.contains("/denied") { return .init(status: 401, text: "{\"error\":\"bad key\"}") }
            if path.contains("/flaky") { return .init(status: 503) }
            if path.contains("/slow") { return .init(text: "late", delay: .seconds(3)) }
            if path.contains("/big") { return .init(body: Array(repeating: 65, count: 4096)) }
            return .init(text: "ok")
        }
        defer { server.stop() }
        let capture = LogCapture()
        let client = try providerClient(server, retry: RetryPolicy(baseDelay: .milliseconds(5)),
                                        breaker: try CircuitBreaker(configuration: .init(failureThreshold: 100)),
                                        capture: capture, maxResponseBytes: 1000)
        let gone = try LoopbackHTTPServer { _ in .init() }
        gone.stop()
        let tripping = try providerClient(gone, name: "gone", retry: .never,
                                          breaker: try CircuitBreaker(configuration: .init(failureThreshold: 1)),
                                          capture: capture)
        func request(_ name: String) -> HTTPClientRequest {
            HTTPClientRequest(url: "/v1/\(name)?api_key=\(querySecret)&page=2",
                              headers: [("Authorization", "Bearer \(key.value)"), ("X-Api-Key", key.value)],
                              timeout: .milliseconds(200))
        }

        var texts: [String] = []
        for (target, name) in [(client, "ok"), (client, "denied"), (client, "flaky"), (client, "slow"),
                               (client, "big"), (tripping, "refused"), (tripping, "open")] {
            if let error = thrown({ () throws(HTTPClientError) in try target.send(request(name)) }) {
                texts += [error.description, error.debugDescription, "\(error)", String(reflecting: error)]
            }
        }

        #expect(server.requests.first?.headers["authorization"] == "Bearer \(key.value)")
        #expect(texts.count == 4 * 4)
        #expect(capture.lines.count == 7)
        for text in capture.lines + texts {
            #expect(!text.contains(key.value), "\(text)")
            #expect(!text.contains(querySecret), "\(text)")
            #expect(!text.contains("Bearer"), "\(text)")
            #expect(!text.contains("bad key"), "\(text)")
        }
        let paths = try capture.records(message: "provider call").compactMap { $0["http_path"] }
        #expect(paths.count == 7)
        #expect(paths.contains(.string("/v1/ok")))
    }
}
