import Glibc
import Synchronization
import Runtime
import RuntimeTesting
import Testing

/// The real executables, over a real unix socket, spoken to as nginx would (STYLE "Live" tests).
@Suite(.enabled(if: LiveEnvironment.enabled), .serialized)
struct LiveFunctionTests {
    static let functions = ["inbound", "quotes", "helpdesk", "tenant-admin", "analytics"]

    @Test(arguments: functions)
    func eachExecutableAnswersHealthAndReadiness(name: String) throws {
        let live = try LiveFunction(name)
        let health = try live.client.request("GET", "/api/v1/\(name)/healthz")
        #expect(health.status == 200)
        #expect(health.text.contains(#""function":"\#(name)""#))
        #expect(health.headers["x-request-id"]?.isEmpty == false)
        let ready = try live.client.request("GET", "/api/v1/\(name)/readyz")
        #expect(ready.status == (LiveEnvironment.databaseURL == nil ? 503 : 200))
        live.process.signal(SIGTERM)
        #expect(live.process.waitExit(timeout: .seconds(5)) == 0)
    }

    @Test func sigtermLetsAnInFlightRequestFinishThenExitsZero() throws {
        let live = try LiveFunction("quotes")
        let client = live.client
        let slow = Locked<FastCGIResponse?>(nil)
        let thread = try TestThread.start {
            let response = try? client.request("GET", "/api/v1/quotes/debug/sleep?ms=1500")
            slow.mutex.withLock { $0 = response }
        }
        TestThread.sleep(.milliseconds(300))
        live.process.signal(SIGTERM)
        thread.join()
        let finished = slow.mutex.withLock { $0 }
        #expect(finished?.status == 200)
        #expect(finished?.text == #"{"slept_ms":1500}"#)
        #expect(live.process.waitExit(timeout: .seconds(5)) == 0)
        #expect(access(live.socketPath, F_OK) != 0, "the socket file should be removed")
        #expect(live.process.stderr.contains(#""msg":"stopped""#))
    }

    @Test func garbageOnTheSocketDoesNotStopTheNextRequest() throws {
        let live = try LiveFunction("inbound")
        var generator = SystemRandomNumberGenerator()
        for size in [1, 7, 8, 100, 5000] {
            let garbage = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? live.client.exchange(raw: garbage)
        }
        _ = try? live.client.sendAndDisconnect(raw: [1, 1, 0, 1, 0, 8, 0, 0, 0, 1, 0, 0])
        let after = try live.client.request("GET", "/api/v1/inbound/healthz")
        #expect(after.status == 200)
        #expect(live.process.isRunning)
    }

    @Test func fileDescriptorsDoNotLeakOverAThousandRequests() throws {
        let live = try LiveFunction("analytics")
        // Warm up: every worker thread opens its database connection on the first request it serves.
        for _ in 0..<200 { _ = try live.client.request("GET", "/api/v1/analytics/readyz") }
        let before = live.process.openFileCount
        for index in 0..<1000 {
            let path = index % 3 == 0 ? "/api/v1/analytics/readyz" : index % 3 == 1 ? "/api/v1/analytics/healthz" : "/nope"
            _ = try live.client.request("GET", path)
        }
        let after = live.process.openFileCount
        #expect(before > 0)
        #expect(abs(after - before) <= 3, "fds before \(before), after \(after)")
    }

    @Test func anOversizedBodyIs413WithoutBeingRead() throws {
        let live = try LiveFunction("tenant-admin", extraEnvironment: ["MAX_BODY_BYTES": "4096"])
        let response = try live.client.request("POST", "/api/v1/tenant-admin/debug/echo",
                                               headers: [("content-type", "application/json")],
                                               body: Array(repeating: UInt8(ascii: "a"), count: 200_000))
        #expect(response.status == 413)
        #expect(response.text.contains(#""code":"payload_too_large""#))
        #expect(try live.client.request("GET", "/api/v1/tenant-admin/healthz").status == 200)
    }

    @Test(.enabled(if: LiveEnvironment.databaseURL != nil || LiveEnvironment.environment["REQUIRE_SERVICES"] == "1"))
    func theDeadlineStopsASlowQuery() throws {
        _ = try #require(LiveEnvironment.databaseURL, "DATABASE_URL is not set")
        let live = try LiveFunction("helpdesk", extraEnvironment: ["REQUEST_TIMEOUT_MS": "300"])
        let response = try live.client.request("GET", "/api/v1/helpdesk/debug/db-sleep?ms=3000")
        #expect(response.status == 504)
        #expect(response.text.contains(#""code":"deadline_exceeded""#))
    }

    @Test func badConfigurationExitsNonZeroWithEveryProblemNamed() throws {
        let live = try LiveFunction("quotes", extraEnvironment: ["FCGI_THREADS": "zero", "ADMIN_API_TOKEN": "tiny-token"],
                                    waitForSocket: false)
        #expect(live.process.waitExit(timeout: .seconds(10)) == 1)
        let log = live.process.stderr
        #expect(log.contains("FCGI_THREADS"))
        #expect(log.contains("ADMIN_API_TOKEN"))
        #expect(!log.contains("tiny-token"))
        #expect(access(live.socketPath, F_OK) != 0)
    }
}
