import Runtime
import Testing

@Suite struct FormURLEncodedTests {
    func pairs(_ text: String) -> [String] { FormURLEncoded.parse(text).map { "\($0.name)=\($0.value)" } }

    @Test func decodesPairsInOrder() {
        #expect(pairs("a=1&b=two+words&c=%E2%82%AC&d&e=") == ["a=1", "b=two words", "c=€", "d=", "e="])
        #expect(pairs("x=1&x=2") == ["x=1", "x=2"])
        #expect(pairs("k=a=b") == ["k=a=b"])
    }

    @Test func skipsEmptyPieces() {
        #expect(pairs("&&a=1&&") == ["a=1"])
        #expect(pairs("").isEmpty)
    }

    @Test func keepsInvalidEscapesAndReplacesInvalidUTF8() {
        #expect(pairs("a=%zz&b=%&c=%4&d=100%") == ["a=%zz", "b=%", "c=%4", "d=100%"])
        #expect(pairs("a=%FF") == ["a=\u{FFFD}"])
        #expect(pairs("%61%3D=%26") == ["a==&"])
    }

    @Test func plusIsASpaceOnlyInForms() {
        #expect(FormURLEncoded.decode(Array("a+b%20c".utf8), plusIsSpace: true) == "a b c")
        #expect(FormURLEncoded.decode(Array("a+b%20c".utf8), plusIsSpace: false) == "a+b c")
    }

    @Test func stopsAtMaxPairs() {
        let text = (0..<1500).map { "k\($0)=v" }.joined(separator: "&")
        let parsed = FormURLEncoded.parse(text)
        #expect(parsed.count == FormURLEncoded.maxPairs)
        #expect(parsed.last?.name == "k999")
    }

    @Test func requestQueryItems() {
        let request = Request(method: .get, path: "/", queryString: "q=lisbon+trip&page=2&q=porto")
        #expect(request.query("q") == "lisbon trip")
        #expect(request.query("page") == "2")
        #expect(request.query("missing") == nil)
        #expect(request.queryItems.count == 3)
    }

    @Test func requestFormNeedsTheFormMediaType() throws {
        let body = Array("name=Ana+Silva&adults=2".utf8)
        let form = Request(method: .post, path: "/", headers: ["content-type": "application/x-www-form-urlencoded; charset=UTF-8"],
                           body: body)
        #expect(try form.form().map(\.value) == ["Ana Silva", "2"])
        #expect(try Request(method: .post, path: "/", headers: ["content-type": "application/x-www-form-urlencoded"]).form().isEmpty)
        for type in ["application/json", "multipart/form-data; boundary=x", "text/plain"] {
            let request = Request(method: .post, path: "/", headers: ["content-type": type], body: body)
            let error = #expect(throws: HTTPError.self) { try request.form() }
            #expect(error?.status == 415)
            #expect(error?.code == .unsupportedMediaType)
        }
        #expect(throws: HTTPError.self) { try Request(method: .post, path: "/", body: body).form() }
    }
}
