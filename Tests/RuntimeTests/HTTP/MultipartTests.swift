import Runtime
import RuntimeTesting
import Testing

/// Builds multipart bodies for the tests.
struct MultipartBuilder {
    var boundary = "xYzZY"
    var lineBreak = "\r\n"
    var preamble = ""
    var epilogue = ""
    var parts: [(headers: [String], body: [UInt8])] = []

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func field(_ name: String, _ value: String) {
        parts.append(([#"Content-Disposition: form-data; name="\#(name)""#], Array(value.utf8)))
    }

    mutating func file(_ name: String, filename: String, type: String, _ body: [UInt8]) {
        parts.append(([#"Content-Disposition: form-data; name="\#(name)"; filename="\#(filename)""#, "Content-Type: \(type)"], body))
    }

    var bytes: [UInt8] {
        var out = Array(preamble.utf8)
        if !preamble.isEmpty { out += Array(lineBreak.utf8) }
        for part in parts {
            out += Array("--\(boundary)\(lineBreak)".utf8)
            for header in part.headers { out += Array("\(header)\(lineBreak)".utf8) }
            out += Array(lineBreak.utf8) + part.body + Array(lineBreak.utf8)
        }
        return out + Array("--\(boundary)--\(lineBreak)\(epilogue)".utf8)
    }

    /// The SendGrid Inbound Parse shape (wire-formats §A1): text fields plus one file attachment.
    static var sendGrid: MultipartBuilder {
        var builder = MultipartBuilder()
        builder.field("headers", "Received: by mx.sendgrid.net\r\nSubject: Trip to Lisbon\r\n")
        builder.field("dkim", "{@example.com : pass}")
        builder.field("to", "quotes@in.acme-travel.example")
        builder.field("from", "Ana Silva <ana@example.com>")
        builder.field("subject", "Trip to Lisbon for 2 adults")
        builder.field("text", "Hello,\r\nwe would like a quote.\r\n--\r\nAna\r\n")
        builder.field("envelope", #"{"to":["quotes@in.acme-travel.example"],"from":"ana@example.com"}"#)
        builder.field("charsets", #"{"to":"UTF-8","subject":"UTF-8","from":"UTF-8","text":"utf-8"}"#)
        builder.field("SPF", "pass")
        builder.field("sender_ip", "203.0.113.7")
        builder.field("attachments", "1")
        builder.field("attachment-info", #"{"attachment1":{"filename":"itinerary.pdf","type":"application/pdf"}}"#)
        builder.file("attachment1", filename: "itinerary.pdf", type: "application/pdf",
                     Array("%PDF-1.4\r\n".utf8) + [0, 255, 13, 10, 45, 45, 13, 10] + Array("--xYzZ\r\n%%EOF".utf8))
        return builder
    }
}

/// The comparable content of a part.
struct PartSummary: Equatable {
    var name: String
    var filename: String?
    var contentType: String?
    var body: [UInt8]
    init(_ part: MultipartPart) { (name, filename, contentType, body) = (part.name, part.filename, part.contentType, part.body) }
    init(name: String, filename: String? = nil, contentType: String? = nil, body: [UInt8]) {
        (self.name, self.filename, self.contentType, self.body) = (name, filename, contentType, body)
    }
}

func parse(_ bytes: [UInt8], _ contentType: String = "multipart/form-data; boundary=xYzZY",
           limits: Multipart.Limits = .init()) throws(HTTPError) -> [PartSummary] {
    try Multipart.parse(body: bytes, contentType: contentType, limits: limits).map(PartSummary.init)
}

func expectMalformed(_ bytes: [UInt8], _ contentType: String = "multipart/form-data; boundary=xYzZY",
                     limits: Multipart.Limits = .init(), sourceLocation: SourceLocation = #_sourceLocation) {
    let error = #expect(throws: HTTPError.self, sourceLocation: sourceLocation) {
        try Multipart.parse(body: bytes, contentType: contentType, limits: limits)
    }
    #expect(error?.status == 400, sourceLocation: sourceLocation)
    #expect(error?.code == .malformedMultipart, sourceLocation: sourceLocation)
    #expect(error?.message.isEmpty == false, sourceLocation: sourceLocation)
}

@Suite struct MultipartTests {
    @Test func parsesTheSendGridInboundForm() throws {
        let builder = MultipartBuilder.sendGrid
        let parts = try Multipart.parse(body: builder.bytes, contentType: builder.contentType)
        #expect(parts.count == 13)
        #expect(parts.first(named: "subject")?.text == "Trip to Lisbon for 2 adults")
        #expect(parts.first(named: "text")?.text == "Hello,\r\nwe would like a quote.\r\n--\r\nAna\r\n")
        #expect(parts.first(named: "envelope")?.filename == nil)
        #expect(parts.first(named: "SPF")?.text == "pass")
        let attachment = try #require(parts.first(named: "attachment1"))
        #expect(attachment.filename == "itinerary.pdf")
        #expect(attachment.contentType == "application/pdf")
        #expect(attachment.headers["content-type"] == "application/pdf")
        #expect(attachment.body == builder.parts[12].body)
        #expect(parts.map(PartSummary.init).map(\.body) == builder.parts.map(\.body))
    }

    @Test(arguments: [
        "multipart/form-data; boundary=xYzZY",
        #"multipart/form-data; boundary="xYzZY""#,
        "Multipart/Form-Data; charset=utf-8; BOUNDARY=xYzZY",
        #"multipart/form-data ;boundary = "xYzZY" ; charset=utf-8"#,
    ])
    func readsTheBoundaryQuotedOrNot(contentType: String) throws {
        var builder = MultipartBuilder()
        builder.field("a", "1")
        #expect(try parse(builder.bytes, contentType) == [PartSummary(name: "a", body: Array("1".utf8))])
    }

    @Test func acceptsBoundariesWithSpacesAndPunctuation() throws {
        for boundary in ["simple boundary", "----WebKitFormBoundary7MA4YWxkTrZu0gW", "'()+_,-./:=?", String(repeating: "b", count: 70)] {
            var builder = MultipartBuilder()
            builder.boundary = boundary
            builder.field("a", "1")
            #expect(try parse(builder.bytes, #"multipart/form-data; boundary="\#(boundary)""#).count == 1)
        }
    }

    @Test func ignoresPreambleEpilogueAndTransportPadding() throws {
        var builder = MultipartBuilder()
        builder.preamble = "This is a message with multiple parts in MIME format.\r\n--xYzZYnot-a-boundary"
        builder.epilogue = "\r\nepilogue --xYzZY\r\nContent-Disposition: form-data; name=\"ghost\"\r\n\r\nboo"
        builder.field("a", "1")
        var bytes = builder.bytes
        let padded = Array("--xYzZY \t\r\n".utf8)
        bytes.replaceSubrange(try #require(bytes.firstRange(of: Array("--xYzZY\r\n".utf8))), with: padded)
        #expect(try parse(bytes) == [PartSummary(name: "a", body: Array("1".utf8))])
    }

    @Test func acceptsBareLineFeeds() throws {
        var builder = MultipartBuilder.sendGrid
        builder.lineBreak = "\n"
        let parts = try Multipart.parse(body: builder.bytes, contentType: builder.contentType)
        #expect(parts.count == 13)
        #expect(parts.first(named: "attachment1")?.filename == "itinerary.pdf")
        #expect(parts.first(named: "attachment1")?.body == builder.parts[12].body)
    }

    @Test func decodesFilenameParameters() throws {
        let cases: [(String, String?)] = [
            (#"form-data; name="f"; filename="a \"quoted\" name.txt""#, #"a "quoted" name.txt"#),
            (#"form-data; name="f"; filename="rates.pdf"; filename*=UTF-8''%E2%82%AC%20rates.pdf"#, "€ rates.pdf"),
            (#"form-data; name="f"; filename*=utf-8'en'na%C3%AFve.txt"#, "naïve.txt"),
            (#"form-data; name="f"; filename*=iso-8859-1''%A3%20rates"#, "£ rates"),
            (#"form-data; name="f"; filename=plain.txt"#, "plain.txt"),
            (#"FORM-DATA; NAME="f""#, nil),
        ]
        for (disposition, filename) in cases {
            let bytes = Array("--xYzZY\r\nContent-Disposition: \(disposition)\r\n\r\nx\r\n--xYzZY--".utf8)
            let parts = try parse(bytes)
            #expect(parts == [PartSummary(name: "f", filename: filename, body: [UInt8(ascii: "x")])], "\(disposition)")
        }
    }

    @Test func refusesBadFilenameStar() {
        for value in ["UTF-8''%E2%8", "koi8-r''%C1", "no-quotes"] {
            expectMalformed(Array("--xYzZY\r\nContent-Disposition: form-data; name=\"f\"; filename*=\(value)\r\n\r\nx\r\n--xYzZY--".utf8))
        }
    }

    @Test func joinsFoldedHeadersAndKeepsAllHeaders() throws {
        let bytes = Array("--xYzZY\r\nContent-Disposition: form-data;\r\n\tname=\"a\"\r\nX-Extra:  yes \r\n\r\n1\r\n--xYzZY--".utf8)
        let part = try #require(try Multipart.parse(body: bytes, contentType: "multipart/form-data; boundary=xYzZY").first)
        #expect(part.name == "a")
        #expect(part.headers["x-extra"] == "yes")
        #expect(part.contentType == nil)
    }

    @Test func parsesEmptyValuesAndAnEmptyForm() throws {
        let empty = Array("--xYzZY\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n--xYzZY--".utf8)
        #expect(try parse(empty) == [PartSummary(name: "a", body: [])])
        let tight = Array("--xYzZY\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--xYzZY--".utf8)
        #expect(try parse(tight) == [PartSummary(name: "a", body: [])])
        // What browsers send for an empty FormData.
        #expect(try parse(Array("--xYzZY--\r\n".utf8)) == [])
    }

    @Test func keepsNearMissBoundariesInContent() throws {
        let content = Array("a\r\n--xYzZYX\r\n--xYzZ\r\nb--xYzZY\r\n--xYzZY-x\r\n\n--xYzZY\tz".utf8)
        var builder = MultipartBuilder()
        builder.parts = [([#"Content-Disposition: form-data; name="a""#], content)]
        #expect(try parse(builder.bytes) == [PartSummary(name: "a", body: content)])
    }

    @Test func roundTripsRandomContent() throws {
        var random = SeededRandom(seed: 7578)
        let alphabet = Array("ab-\r\n xYzZ".utf8) + [0, 255]
        for _ in 0..<200 {
            var builder = MultipartBuilder()
            builder.lineBreak = Bool.random(using: &random) ? "\r\n" : "\n"
            var expected: [PartSummary] = []
            for index in 0..<Int.random(in: 0...6, using: &random) {
                let body = Bool.random(using: &random)
                    ? random.bytes(Int.random(in: 0...300, using: &random), from: alphabet)
                    : random.bytes(Int.random(in: 0...300, using: &random))
                guard body.firstRange(of: Array("\n--xYzZY".utf8)) == nil else { continue }
                if builder.lineBreak == "\n", body.last == 13 { continue }  // "\r\n" before a boundary is one line break
                builder.file("p\(index)", filename: "f\(index).bin", type: "application/octet-stream", body)
                expected.append(PartSummary(name: "p\(index)", filename: "f\(index).bin",
                                            contentType: "application/octet-stream", body: body))
            }
            #expect(try parse(builder.bytes) == expected)
        }
    }

    @Test func truncationAtEveryOffsetFailsCleanly() throws {
        let sample = MultipartBuilder.sendGrid.bytes
        let full = try parse(sample)
        let complete = try #require(sample.firstRange(of: Array("--xYzZY--".utf8))).upperBound
        for length in 0...sample.count {
            let prefix = Array(sample[..<length])
            if length >= complete {
                #expect(try parse(prefix) == full)
            } else {
                expectMalformed(prefix)
            }
        }
    }

    @Test func limitsHeaderBytesPerPart() throws {
        // The header block counts up to and including the blank line: here 41 + 2 + 2 bytes.
        let header = #"Content-Disposition: form-data; name="a""#
        let bytes = Array("--xYzZY\r\n\(header)\r\n\r\n1\r\n--xYzZY--".utf8)
        #expect(try parse(bytes, limits: .init(maxHeaderBytes: header.utf8.count + 4)).count == 1)
        expectMalformed(bytes, limits: .init(maxHeaderBytes: header.utf8.count + 3))
        let huge = Array("--xYzZY\r\n\(header)\r\nX-Pad: \(String(repeating: "p", count: 20_000))\r\n\r\n1\r\n--xYzZY--".utf8)
        expectMalformed(huge)
        expectMalformed(Array("--xYzZY\r\n".utf8) + [UInt8](repeating: 65, count: 100_000))
    }

    @Test func limitsPartCount() throws {
        var builder = MultipartBuilder()
        for index in 0..<3 { builder.field("f\(index)", "v") }
        #expect(try parse(builder.bytes, limits: .init(maxParts: 3)).count == 3)
        expectMalformed(builder.bytes, limits: .init(maxParts: 2))
        var many = MultipartBuilder()
        for index in 0...1000 { many.field("f\(index)", "v") }
        expectMalformed(many.bytes)
    }

    @Test func refusesMissingOrInvalidBoundaries() {
        let body = Array("--xYzZY\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xYzZY--".utf8)
        for contentType in [
            "multipart/form-data", "multipart/form-data; boundary=", #"multipart/form-data; boundary="""#,
            "multipart/form-data; boundary=\(String(repeating: "b", count: 71))", "multipart/form-data; boundary=a@b",
            #"multipart/form-data; boundary="ends with space ""#, #"multipart/form-data; boundary="unterminated"#,
            "multipart/form-data; boundary", "multipart/form-data; boundary=other",
        ] {
            expectMalformed(body, contentType)
        }
        let error = #expect(throws: HTTPError.self) { try Multipart.parse(body: body, contentType: "application/json") }
        #expect(error?.status == 415)
    }

    @Test func refusesMalformedParts() {
        for text in [
            "", "\r\n", "no boundary at all",
            "--xYzZY\r\n\r\nno disposition\r\n--xYzZY--",
            "--xYzZY\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--xYzZY--",
            "--xYzZY\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\n1\r\n--xYzZY--",
            "--xYzZY\r\nContent-Disposition form-data\r\n\r\n1\r\n--xYzZY--",
            "--xYzZY\r\n continued: first\r\n\r\n1\r\n--xYzZY--",
            "--xYzZY\r\nBad Name: x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xYzZY--",
            "--xYzZY\r\nContent-Disposition: form-data; name=\"a\"\r\n1\r\n--xYzZY--",
            "--xYzZY\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n--xYzZY--",
            "--xYzZY\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--xYzZY",
            "--xYzZY\r\nContent-Disposition: form-data; name=\"a\"\r\nX: \0\r\n\r\n1\r\n--xYzZY--",
        ] {
            expectMalformed(Array(text.utf8))
        }
    }

    @Test func survivesGarbage() {
        var random = SeededRandom(seed: 0xBAD_F00D)
        let valid = MultipartBuilder.sendGrid.bytes
        for round in 0..<2000 {
            var bytes: [UInt8]
            switch round % 3 {
            case 0: bytes = random.bytes(Int.random(in: 0...600, using: &random))
            case 1: bytes = Array("--xYzZY\r\n".utf8) + random.bytes(Int.random(in: 0...600, using: &random), from: Array("--xYzZY\r\n:;=\" ab".utf8))
            default:
                bytes = valid
                for _ in 0..<Int.random(in: 1...8, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            }
            do {
                _ = try Multipart.parse(body: bytes, contentType: "multipart/form-data; boundary=xYzZY")
            } catch {
                #expect(error.status == 400 && error.code == .malformedMultipart)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func scansNearMissFloodsInLinearTime() throws {
        let flood = Array(String(repeating: "\r\n--xYzZYX", count: 100_000).utf8)
        var builder = MultipartBuilder()
        builder.parts = [([#"Content-Disposition: form-data; name="a""#], flood)]
        let started = ContinuousClock.now
        #expect(try parse(builder.bytes).first?.body == flood)
        #expect(ContinuousClock.now - started < .seconds(10))
        var headers = MultipartBuilder()
        headers.parts = [([#"Content-Disposition: form-data; name="a""#] + Array(repeating: "X: y", count: 3000), [])]
        expectMalformed(headers.bytes)
    }

    @Test func requestConvenienceChecksTheMediaType() throws {
        let builder = MultipartBuilder.sendGrid
        let request = Request(method: .post, path: "/", headers: ["content-type": builder.contentType], body: builder.bytes)
        #expect(try request.multipart().count == 13)
        let json = Request(method: .post, path: "/", headers: ["content-type": "application/json"], body: builder.bytes)
        #expect(throws: HTTPError(.unsupportedMediaType, code: .unsupportedMediaType, message: "Send the body as multipart/form-data.")) {
            try json.multipart()
        }
        let missing = Request(method: .post, path: "/", body: builder.bytes)
        #expect(throws: HTTPError.self) { try missing.multipart() }
    }
}
