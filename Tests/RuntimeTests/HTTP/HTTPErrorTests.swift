import Runtime
import RuntimeTesting
import Testing

@Suite struct HTTPErrorTests {
    @Test func rendersTheErrorBodyShape() throws {
        let response = HTTPError(.conflict, code: .conflict, message: "Already booked.").response(requestID: "req-1")
        #expect(response.status == 409)
        #expect(response.headers["content-type"] == JSON.contentType)
        let body = try response.jsonObject()
        #expect(body.keys.sorted() == ["error"])
        #expect(body["error"] == .object(["code": .string("conflict"), "message": .string("Already booked."),
                                          "request_id": .string("req-1")]))
    }

    @Test func includesTheFieldFor422() throws {
        let response = HTTPError.invalid("inquiry.adults", "inquiry.adults must be an integer.").response(requestID: "r")
        #expect(response.status == 422)
        #expect(try response.jsonObject()["error"]?["field"] == .string("inquiry.adults"))
        #expect(try response.jsonObject()["error"]?["code"] == .string("invalid_field"))
    }

    @Test func escapesEverythingJSONNeeds() throws {
        let nasty = "quote \" backslash \\ newline \n cr \r tab \t bell \u{7} nul \u{0} emoji 🧳 é </script>"
        let response = HTTPError(.badRequest, code: "odd\"code", message: nasty).response(requestID: "id\\\"")
        let error = try response.jsonObject()["error"]
        #expect(error?["message"] == .string(nasty))
        #expect(error?["code"] == .string("odd\"code"))
        #expect(error?["request_id"] == .string("id\\\""))
        #expect(!response.body.contains(10) && !response.body.contains(0))
        #expect(HTTPError.quoted("\u{1F}") == #""\u001f""#)
    }

    @Test func addsItsHeaders() {
        let response = HTTPError(.tooManyRequests, code: .rateLimited, message: "Slow down.",
                                 headers: ["Retry-After": "30", "Allow": "GET"]).response(requestID: "r")
        #expect(response.status == 429)
        #expect(response.headers["retry-after"] == "30")
        #expect(response.headers["allow"] == "GET")
    }

    @Test func namedConstructors() {
        #expect(HTTPError.notFound().status == 404)
        #expect(HTTPError.notFound().code == .notFound)
        #expect(HTTPError.badRequest("x") == HTTPError(.badRequest, code: .badRequest, message: "x"))
        #expect(HTTPError.invalid("f", "m").field == "f")
        #expect(HTTPStatus.reason(413) == "Content Too Large")
        #expect(HTTPStatus.reason(599) == "Status 599")
    }
}
