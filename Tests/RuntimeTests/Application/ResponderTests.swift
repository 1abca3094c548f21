import Logging
import Runtime
import RuntimeTesting
import Testing

/// Thrown by a handler to stand for a database or programming failure.
struct StorageExploded: Error, CustomStringConvertible {
    var description: String { "storage exploded: shard 7 unreachable" }
}

struct Counter: Sendable {
    let calls = Locked(0)
}

@Suite struct ResponderTests {
    let capture = LogCapture()

    func tester() -> FunctionTester<Counter> {
        var router = Router<Counter>()
        router.get("/api/v1/quotes/{id}") { _, context in
            context.services.calls.withLock { $0 += 1 }
            context.tenantID = "tenant-1"
            return try Response.json(["id": try context.parameter("id")])
        }
        router.post("/api/v1/quotes") { request, _ in
            let body = try request.decode(InquiryBody.self)
            return try Response.json(["adults": body.inquiry.adults], status: 201)
        }
        router.get("/boom") { _, _ in throw StorageExploded() }
        router.get("/gone") { _, _ in throw HTTPError(.conflict, code: "quote_expired", message: "The quote expired.") }
        router.get("/unavailable") { _, _ in throw HTTPError(.serviceUnavailable, code: .serviceUnavailable, message: "Later.") }
        router.get("/raw") { _, context in
            _ = try context.parameter("missing")
            return .empty()
        }
        router.get("/bytes") { _, _ in Response(body: [1, 2, 3]) }
        return FunctionTester(function: "quotes", router: router, services: Counter(), logger: capture.logger())
    }

    @Test func answersAMatchedRouteAndLogsIt() throws {
        let tester = tester()
        let response = tester.execute(.get, "/api/v1/quotes/QT-1?x=1", requestID: "req-42")
        #expect(response.status == 200)
        #expect(try response.decode([String: String].self) == ["id": "QT-1"])
        #expect(response.headers["x-request-id"] == "req-42")
        #expect(tester.services.calls.value == 1)
        let log = try #require(try capture.records().last)
        #expect(log["msg"] == .string("request"))
        #expect(log["status"] == .number(200))
        #expect(log["request_id"] == .string("req-42"))
        #expect(log["function"] == .string("quotes"))
        #expect(log["route"] == .string("/api/v1/quotes/{id}"))
        #expect(log["tenant_id"] == .string("tenant-1"))
        #expect(log["method"] == .string("GET"))
        #expect(log["duration_ms"] != nil)
    }

    @Test func unknownRouteIsA404WithTheRequestID() throws {
        let response = tester().execute(.get, "/nope", requestID: "req-404")
        #expect(response.status == 404)
        #expect(response.headers["x-request-id"] == "req-404")
        let error = try response.jsonObject()["error"]
        #expect(error?["code"] == .string("not_found"))
        #expect(error?["request_id"] == .string("req-404"))
        #expect(try capture.records().last?["route"] == .string("unmatched"))
    }

    @Test func wrongMethodIsA405WithAllow() throws {
        let response = tester().execute(.delete, "/api/v1/quotes")
        #expect(response.status == 405)
        #expect(response.headers["allow"] == "POST")
        #expect(try response.jsonObject()["error"]?["code"] == .string("method_not_allowed"))
    }

    @Test func otherErrorsBecomeAGeneric500LoggedWithDetail() throws {
        let response = tester().execute(.get, "/boom", requestID: "req-500")
        #expect(response.status == 500)
        #expect(!response.text.contains("shard 7"))
        let error = try response.jsonObject()["error"]
        #expect(error?["code"] == .string("internal_error"))
        #expect(error?["request_id"] == .string("req-500"))
        let log = try #require(try capture.records().last)
        #expect(log["level"] == .string("error"))
        #expect(log["status"] == .number(500))
        #expect(log["error"]?.string?.contains("shard 7 unreachable") == true)
        #expect(log["request_id"] == .string("req-500"))
        #expect(log["function"] == .string("quotes"))
        #expect(log["route"] == .string("/boom"))
        #expect((log["duration_ms"]?.number ?? -1) >= 0)
        #expect(log["tenant_id"] == .null)
        #expect(capture.lines.last?.contains(#""status":500"#) == true)
    }

    @Test func httpErrorsRenderThemselves() throws {
        let tester = tester()
        let conflict = tester.execute(.get, "/gone")
        #expect(conflict.status == 409)
        #expect(try conflict.jsonObject()["error"]?["code"] == .string("quote_expired"))
        #expect(try capture.records().last?["error_code"] == .string("quote_expired"))
        let unavailable = tester.execute(.get, "/unavailable")
        #expect(unavailable.status == 503)
        #expect(try capture.records().last?["level"] == .string("error"))
        #expect(tester.execute(.get, "/raw").status == 404)
    }

    @Test func decodesJSONBodiesThroughTheTester() throws {
        let tester = tester()
        let created = try tester.execute(.post, "/api/v1/quotes",
                                         json: InquiryBody(inquiry: .init(adults: 3, destination: "Porto"), tags: []))
        #expect(created.status == 201)
        #expect(try created.decode([String: Int].self) == ["adults": 3])
        let wrong = tester.execute(.post, "/api/v1/quotes", headers: ["content-type": "application/json"],
                                   body: Array(#"{"inquiry":{"adults":"x","destination":"P"},"tags":[]}"#.utf8))
        #expect(wrong.status == 422)
        #expect(try wrong.jsonObject()["error"]?["field"] == .string("inquiry.adults"))
    }

    @Test func headHasNoBodyAndBytesGetADefaultType() {
        let tester = tester()
        let head = tester.execute(.head, "/api/v1/quotes/1")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(tester.execute(.get, "/bytes").headers["content-type"] == "application/octet-stream")
    }

    @Test func rejectAnswersWithoutRouting() throws {
        let responder = tester().responder
        let request = FunctionTester<Counter>.request(.post, "/api/v1/quotes", requestID: "req-413")
        let response = responder.reject(request, HTTPError(.payloadTooLarge, code: .payloadTooLarge, message: "Too big."),
                                        logger: capture.logger())
        #expect(response.status == 413)
        #expect(response.headers["x-request-id"] == "req-413")
        let log = try #require(try capture.records().last)
        #expect(log["status"] == .number(413))
        #expect(log["error_code"] == .string("payload_too_large"))
    }
}
