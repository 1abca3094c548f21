import Runtime
import Testing

@Suite struct HeadersTests {
    @Test func namesAreCaseInsensitive() {
        var headers: Headers = ["Content-Type": "text/plain"]
        #expect(headers["content-type"] == "text/plain")
        #expect(headers["CONTENT-TYPE"] == "text/plain")
        headers["content-TYPE"] = "application/json"
        #expect(headers.count == 1)
        #expect(headers["Content-Type"] == "application/json")
        #expect(headers.map(\.name) == ["content-type"])
        headers["content-type"] = nil
        #expect(!headers.contains("content-type"))
    }

    @Test func addKeepsRepeatedFieldsInOrder() {
        var headers = Headers()
        headers.add("Set-Cookie", "a=1")
        headers.add("set-cookie", "b=2")
        #expect(headers.count == 2)
        #expect(headers["set-cookie"] == "a=1")
        #expect(headers.filter { $0.name == "set-cookie" }.map(\.value) == ["a=1", "b=2"])
    }

    @Test(arguments: ["a\r\nSet-Cookie: evil=1", "a\nb", "a\rb", "a\0b"])
    func refusesInjectionInValues(value: String) {
        var headers = Headers()
        headers.add("x-test", value)
        headers["x-other"] = value
        let literal: Headers = ["x-literal": value]
        #expect(headers.count == 0)
        #expect(literal.count == 0)
    }

    @Test func refusesInjectionAndEmptinessInNames() {
        var headers = Headers()
        headers.add("x-a\r\nx-b", "1")
        headers.add("", "1")
        headers.add("x\0", "1")
        #expect(headers.count == 0)
    }
}

@Suite struct RequestIDTests {
    @Test func generatesNginxShapedIDs() {
        let ids = (0..<100).map { _ in RequestID.generate() }
        #expect(Set(ids).count == 100)
        for id in ids {
            #expect(id.utf8.count == 32)
            #expect(id.allSatisfy { "0123456789abcdef".contains($0) })
        }
    }

    @Test(arguments: ["abc", "0f8fad5b-d9cb-469f-a165-70867728950e", "A.b_c-9", String(repeating: "a", count: 128)])
    func keepsWellFormedIDs(candidate: String) {
        #expect(RequestID.sanitize(candidate) == candidate)
    }

    @Test(arguments: [nil, "", "a b", "a\r\nb", "id\"}", "é", "a/b", String(repeating: "a", count: 129)] as [String?])
    func replacesMalformedIDs(candidate: String?) {
        let id = RequestID.sanitize(candidate)
        #expect(id != candidate)
        #expect(id.utf8.count == 32)
    }

    @Test func mediaTypeIsLowerCasedWithoutParameters() {
        #expect(Request(method: .post, path: "/", headers: ["content-type": " Application/JSON ; charset=utf-8"]).mediaType
            == "application/json")
        #expect(Request(method: .post, path: "/").mediaType == nil)
    }
}
