import FoundationEssentials
import Runtime
import RuntimeTesting
import Testing

struct InquiryBody: Codable, Equatable {
    struct Inquiry: Codable, Equatable {
        var adults: Int
        var children: Int?
        var destination: String
    }
    var inquiry: Inquiry
    var tags: [String]
}

@Suite struct JSONTests {
    func request(_ body: String, type: String? = "application/json") -> Request {
        Request(method: .post, path: "/", headers: type.map { ["content-type": $0] } ?? [:], body: Array(body.utf8))
    }

    @Test func decodesAValidBody() throws {
        let body = #"{"inquiry":{"adults":2,"destination":"Lisbon"},"tags":["family"]}"#
        #expect(try request(body).decode(InquiryBody.self)
            == InquiryBody(inquiry: .init(adults: 2, children: nil, destination: "Lisbon"), tags: ["family"]))
        #expect(try request(body, type: "application/json; charset=utf-8").decode(InquiryBody.self).tags == ["family"])
        #expect(try request(body, type: "application/vnd.travel+json").decode(InquiryBody.self).inquiry.adults == 2)
    }

    @Test(arguments: ["{", "not json", "[1,2", #"{"inquiry":}"#, "\u{0}"])
    func malformedIsA400(body: String) {
        let error = #expect(throws: HTTPError.self) { try request(body).decode(InquiryBody.self) }
        #expect(error?.status == 400)
        #expect(error?.code == .malformedJSON)
    }

    @Test func emptyBodyIsA400() {
        let error = #expect(throws: HTTPError.self) { try request("").decode(InquiryBody.self) }
        #expect(error?.status == 400)
        #expect(error?.code == .malformedJSON)
    }

    @Test(arguments: [
        (#"{"inquiry":{"adults":"two secret","destination":"x"},"tags":[]}"#, "inquiry.adults"),
        (#"{"inquiry":{"destination":"x"},"tags":[]}"#, "inquiry.adults"),
        (#"{"inquiry":{"adults":null,"destination":"x"},"tags":[]}"#, "inquiry.adults"),
        (#"{"inquiry":{"adults":1,"destination":"x"},"tags":["a",7]}"#, "tags[1]"),
        (#"{"inquiry":[],"tags":[]}"#, "inquiry"),
    ])
    func wrongShapeIsA422NamingTheField(body: String, field: String) {
        let error = #expect(throws: HTTPError.self) { try request(body).decode(InquiryBody.self) }
        #expect(error?.status == 422)
        #expect(error?.code == .invalidField)
        #expect(error?.field == field)
        #expect(error?.message.hasPrefix(field) == true)
        #expect(error?.message.contains("secret") == false)
    }

    @Test func deepNestingIsA400() throws {
        let ok = String(repeating: "[", count: JSON.maxDepth) + String(repeating: "]", count: JSON.maxDepth)
        _ = try JSON.decode(JSONValue.self, from: Array(ok.utf8))
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = #expect(throws: HTTPError.self) { try JSON.decode(JSONValue.self, from: Array(deep.utf8)) }
        #expect(error?.status == 400)
        #expect(error?.code == .malformedJSON)
        // Brackets inside strings do not count.
        let inString = #"{"a":""# + String(repeating: "[", count: 200) + #"\"["}"#
        #expect(try JSON.decode([String: String].self, from: Array(inString.utf8))["a"]?.count == 202)
    }

    @Test(arguments: [nil, "text/plain", "application/x-www-form-urlencoded", "application/jsonx"] as [String?])
    func otherContentTypesAreA415(type: String?) {
        let error = #expect(throws: HTTPError.self) { try request("{}", type: type).decode([String: Int].self) }
        #expect(error?.status == 415)
        #expect(error?.code == .unsupportedMediaType)
    }

    @Test func encoderSortsKeysAndWritesISODates() throws {
        struct Sample: Encodable {
            var zeta = 1
            var alpha = "a/b"
            var at = Date(timeIntervalSince1970: 0)
        }
        #expect(String(decoding: try JSON.encode(Sample()), as: UTF8.self)
            == #"{"alpha":"a/b","at":"1970-01-01T00:00:00Z","zeta":1}"#)
        let response = try Response.json(["k": 1], status: 201)
        #expect(response.status == 201)
        #expect(response.headers["content-type"] == JSON.contentType)
    }
}
