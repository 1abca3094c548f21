import FoundationEssentials
import Runtime
import RuntimeTesting
import SharedPlatform
import Testing

@Suite struct HealthRoutesTests {
    struct Health: Decodable { let status: String; let function: String; let version: String }
    struct ErrorBody: Decodable {
        struct Detail: Decodable { let code: String; let message: String; let request_id: String }
        let error: Detail
    }

    @Test(arguments: FunctionUnderTest.all)
    func healthzNamesTheFunctionAndVersion(function: FunctionUnderTest) throws {
        let response = function.respond(Request(method: .get, path: "/api/v1/\(function.name)/healthz", requestID: "r-1"),
                                        config: function.config(["APP_VERSION": "9.9.9"]))
        #expect(response.status == 200)
        #expect(response.headers["x-request-id"] == "r-1")
        #expect(response.headers["content-type"] == "application/json; charset=utf-8")
        let health = try JSONDecoder().decode(Health.self, from: Data(response.body))
        #expect(health.status == "ok")
        #expect(health.function == function.name)
        #expect(health.version == "9.9.9")
    }

    @Test(arguments: FunctionUnderTest.all)
    func readyzIs503WhenPostgresIsUnreachable(function: FunctionUnderTest) throws {
        let response = function.respond(Request(method: .get, path: "/api/v1/\(function.name)/readyz", requestID: "r-2"),
                                        config: function.config())
        #expect(response.status == 503)
        #expect(response.headers["retry-after"] == "5")
        let body = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body))
        #expect(body.error.code == "service_unavailable")
        #expect(body.error.request_id == "r-2")
        #expect(!body.error.message.contains("nonexistent"), "internal detail leaked")
    }

    @Test(.enabled(if: ProcessEnvironment.current()["DATABASE_URL"] != nil || ProcessEnvironment.current()["REQUIRE_SERVICES"] == "1"),
          arguments: FunctionUnderTest.all)
    func readyzIs200WithPostgres(function: FunctionUnderTest) throws {
        let url = try #require(ProcessEnvironment.current()["DATABASE_URL"])
        let response = function.respond(Request(method: .get, path: "/api/v1/\(function.name)/readyz"),
                                        config: function.config(databaseURL: url))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""postgres":"ok""#))
    }

    @Test(arguments: FunctionUnderTest.all)
    func debugRoutesExistOnlyWhenEnabled(function: FunctionUnderTest) {
        let request = Request(method: .get, path: "/api/v1/\(function.name)/debug/sleep", queryString: "ms=1")
        #expect(function.respond(request, config: function.config()).status == 404)
        #expect(function.respond(request, config: function.config(["DEBUG_ROUTES": "1"])).status == 200)
    }

    @Test func debugFailureIsAGeneric500WithTheDetailOnlyInTheLog() throws {
        let capture = LogCapture()
        let function = FunctionUnderTest.all[1]
        let response = function.respond(Request(method: .get, path: "/api/v1/quotes/debug/fail", requestID: "fail-1"),
                                        config: function.config(["DEBUG_ROUTES": "1"]), logger: capture.logger())
        #expect(response.status == 500)
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(body.contains(#""code":"internal_error""#))
        #expect(!body.contains("debug failure"))
        let line = try #require(capture.lines.last)
        #expect(line.contains(#""status":500"#))
        #expect(line.contains("debug failure requested"))
        #expect(line.contains(#""request_id":"fail-1""#))
        #expect(line.contains(#""function":"quotes""#))
        #expect(line.contains(#""route":"/api/v1/quotes/debug/fail""#))
        #expect(line.contains(#""duration_ms":"#))
        #expect(line.contains(#""tenant_id":null"#))
    }

    @Test func malformedJSONIs400AndWrongShapeIs422() throws {
        let function = FunctionUnderTest.all[0]
        let config = function.config(["DEBUG_ROUTES": "1"])
        func post(_ body: String, type: String = "application/json") -> Response {
            function.respond(Request(method: .post, path: "/api/v1/inbound/debug/echo", headers: ["content-type": type],
                                     body: Array(body.utf8)), config: config)
        }
        #expect(post(#"{"message": "hi"}"#).status == 200)
        #expect(post(#"{"message": "#).status == 400)
        #expect(post(#"{"message": 42}"#).status == 422)
        #expect(post(#"{"message": "hi"}"#, type: "text/plain").status == 415)
    }
}
