import Logging
import Runtime
import RuntimeTesting
import Testing

/// What the live server's handlers saw, shared with the test.
final class Probe: Sendable {
    let echoes = Locked(0)
    let bigServed = Locked(0)
    let slowStarted = Locked(false)
}

/// The real FastCGI loop on a unix socket in a temp dir, driven by `FastCGIClient` like nginx would.
@Suite(.serialized) struct FastCGIServerLiveTests {
    static let maxBody = 256 * 1024
    let probe = Probe()
    let capture = LogCapture()

    func startServer() throws -> FastCGITestServer {
        let probe = self.probe
        var router = Router<Int>()
        router.get("/hello") { _, context in .text("hello from worker \(context.services)") }
        router.get("/items/{id}") { _, context in try Response.json(["id": try context.parameter("id")]) }
        router.post("/echo") { request, _ in
            probe.echoes.withLock { $0 += 1 }
            return Response(status: 200, headers: ["content-type": "application/octet-stream"], body: request.body)
        }
        router.get("/slow") { _, _ in
            probe.slowStarted.withLock { $0 = true }
            TestThread.sleep(.milliseconds(500))
            return .text("slow done")
        }
        router.get("/big") { _, _ in
            probe.bigServed.withLock { $0 += 1 }
            return Response(body: [UInt8](repeating: 0x61, count: 4 << 20))
        }
        let responder = Responder(function: "live", router: router, requestTimeout: .seconds(5))
        return try FastCGITestServer(responder: responder, threads: 4, maxBodyBytes: Self.maxBody,
                                     logger: capture.logger(level: .info), makeServices: { $0 })
    }

    /// Waits up to 5 s for `condition`.
    func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + .seconds(5)
        while !condition() {
            if ContinuousClock.now > deadline { return false }
            TestThread.sleep(.milliseconds(5))
        }
        return true
    }

    @Test func answersAGet() throws {
        let server = try startServer()
        let client = server.client()
        let response = try client.request("GET", "/items/QT-7?x=1", headers: [("X-Request-ID", "live-req-1")])
        #expect(response.status == 200)
        #expect(response.text == #"{"id":"QT-7"}"#)
        #expect(response.headers["x-request-id"] == "live-req-1")
        #expect(response.headers["content-length"] == "13")
        #expect(response.protocolStatus == 0)
        let missing = try client.request("GET", "/missing")
        #expect(missing.status == 404)
        #expect(try JSONValue.object(from: missing.body)["error"]?["code"] == .string("not_found"))
        #expect(try capture.records(message: "serving").count == 1)
        #expect(server.stop())
        #expect(try capture.records(message: "stopped").count == 1)
    }

    @Test func readsABodySpreadOverManyRecords() throws {
        let server = try startServer()
        var random = SeededRandom(seed: 200)
        let body = random.bytes(200 * 1024)
        let response = try server.client().request("POST", "/echo", headers: [("Content-Type", "application/octet-stream")],
                                                   body: body)
        #expect(response.status == 200)
        #expect(response.body == body)
        let small = try server.client().request("POST", "/echo", body: Array(body.prefix(10_000)), chunkSize: 999)
        #expect(small.body == Array(body.prefix(10_000)))
        #expect(server.stop())
    }

    @Test func refusesBodiesOverTheCapWithoutReadingThem() throws {
        let server = try startServer()
        let client = server.client()
        // Declared too large and never sent: the answer cannot have waited for it.
        let params = FastCGIClient.params(method: "POST", uri: "/echo", bodyLength: 30 << 20)
        let declared = try client.send(params: params, body: [])
        #expect(declared.status == 413)
        let error = try JSONValue.object(from: declared.body)["error"]
        #expect(error?["code"] == .string("payload_too_large"))
        #expect(declared.headers["content-type"] == JSON.contentType)
        // Actually sent: the server answers and drains the rest when it closes.
        let sent = try client.request("POST", "/echo", body: [UInt8](repeating: 1, count: Self.maxBody + 1))
        #expect(sent.status == 413)
        #expect(probe.echoes.value == 0)
        #expect(try capture.records().contains { $0["status"] == .number(413) && $0["error_code"] == .string("payload_too_large") })
        // The body just at the cap is fine.
        #expect(try client.request("POST", "/echo", body: [UInt8](repeating: 1, count: Self.maxBody)).status == 200)
        #expect(server.stop())
    }

    @Test func answersSixtyFourConcurrentClients() throws {
        let server = try startServer()
        let client = server.client()
        let results = try TestThread.concurrently(64) { index -> String in
            do {
                let response = try client.request("GET", "/items/\(index)")
                return response.status == 200 ? response.text : "status \(response.status)"
            } catch {
                return "\(error)"
            }
        }
        #expect(results == (0..<64).map { #"{"id":"\#($0)"}"# })
        #expect(server.stop())
    }

    @Test func keepsServingAfterGarbage() throws {
        let server = try startServer()
        let client = server.client(timeout: .seconds(5))
        var random = SeededRandom(seed: 23016)
        let valid = FastCGIRecord.request(params: FastCGIClient.params(method: "GET", uri: "/hello"), body: [])
        var inputs: [[UInt8]] = [
            [], [1], Array(valid.prefix(4)), Array(valid.prefix(12)), Array(valid.prefix(valid.count - 9)),
            [9, 1, 0, 1, 0, 8, 0, 0] + [UInt8](repeating: 0, count: 8),  // wrong version
            FastCGIRecord.beginRequest(role: 2) + FastCGIRecord.stream(.params, payload: []),  // authorizer role
            FastCGIRecord.encode(.getValues, requestID: 0, content: FastCGIRecord.encodeParams([("FCGI_MAX_CONNS", "")])),
            FastCGIRecord.beginRequest() + FastCGIRecord.encode(.params, content: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 65]),
            FastCGIRecord.beginRequest() + FastCGIRecord.encode(.params, content: [0x8F, 0xFF, 0xFF, 0xF0, 1, 65, 66]),
            FastCGIRecord.beginRequest() + FastCGIRecord.encode(.stdin, content: [1, 2, 3]),
            FastCGIRecord.beginRequest(requestID: 2) + FastCGIRecord.stream(.params, requestID: 1, payload: []),
            FastCGIRecord.encode(.stdout, content: [1]) + valid,
        ]
        for _ in 0..<20 { inputs.append(random.bytes(Int.random(in: 1...2048, using: &random))) }
        for _ in 0..<10 {
            var mutated = valid
            mutated[Int.random(in: 0..<mutated.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            inputs.append(mutated)
        }
        for (index, input) in inputs.enumerated() {
            do { _ = try client.exchange(raw: input) } catch { Issue.record("input \(index): \(error)") }
            let next = try client.request("GET", "/hello")
            #expect(next.status == 200, "after input \(index)")
        }
        #expect(server.stop())
    }

    @Test func answers400WhenTheBodyEndsEarly() throws {
        let server = try startServer()
        let params = FastCGIClient.params(method: "POST", uri: "/echo", bodyLength: 100)
        let truncated = FastCGIRecord.beginRequest() + FastCGIRecord.stream(.params, payload: FastCGIRecord.encodeParams(params))
            + FastCGIRecord.encode(.stdin, content: [UInt8](repeating: 1, count: 50))
        let response = try FastCGIResponse(records: try server.client().exchange(raw: truncated))
        #expect(response.status == 400)
        #expect(probe.echoes.value == 0)
        #expect(try server.client().request("GET", "/hello").status == 200)
        #expect(server.stop())
    }

    @Test func survivesClientsThatLeaveMidResponse() throws {
        let server = try startServer()
        let client = server.client()
        let request = FastCGIRecord.request(params: FastCGIClient.params(method: "GET", uri: "/big"), body: [])
        for _ in 0..<3 { try client.sendAndDisconnect(raw: request) }
        #expect(eventually { probe.bigServed.value == 3 })
        for _ in 0..<8 { #expect(try client.request("GET", "/hello").status == 200) }
        let whole = try client.request("GET", "/big")
        #expect(whole.body.count == 4 << 20)
        // Every worker is still alive and free: all of them leave promptly on stop.
        #expect(server.stop(timeout: .seconds(10)))
    }

    @Test func stopLetsAnInFlightRequestFinish() throws {
        let server = try startServer()
        let client = server.client()
        let result = Locked<String?>(nil)
        let thread = try TestThread.start {
            let outcome: String
            do {
                let response = try client.request("GET", "/slow")
                outcome = "\(response.status) \(response.text)"
            } catch {
                outcome = "\(error)"
            }
            result.withLock { $0 = outcome }
        }
        #expect(eventually { probe.slowStarted.value })
        let started = ContinuousClock.now
        #expect(server.stop(timeout: .seconds(10)))
        #expect(ContinuousClock.now - started < .seconds(5))
        thread.join()
        #expect(result.value == "200 slow done")
        #expect(server.isStopped)
        #expect(throws: FastCGIClientError.self) { try client.request("GET", "/hello") }
    }
}
