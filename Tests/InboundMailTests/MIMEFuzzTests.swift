import Testing

@testable import InboundMail

/// Seeded random and mutated input: nothing traps, and what comes out keeps the type's invariants.
@Suite struct MIMEFuzzTests {
    static let seeds: [[UInt8]] = [
        MIMERawMessageTests.gmail, MIMERawMessageTests.outlook, MIMERawMessageTests.appleMail,
        "Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/alternative; boundary=b\n\n--b\n"
            + "Content-Type: text/html; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\n"
            + "<p>=93x=94 &amp; <b>y</b><script>z</script></p>\n--b--\n--a\nContent-Type: message/rfc822\n\n"
            + "Subject: =?UTF-8?B?w6k=?=\n\ninner\n--a--\n",
    ].map(MIMEFixture.eml)

    static let tokens: [[UInt8]] = [
        "--", "\r\n", "\n", "\r\n\r\n", "=?UTF-8?B?", "=?iso-8859-1?Q?", "?=", "=", "=C3", "=\r\n", "<", ">", "&#",
        "&#x",
        "&amp;", ";", "\"", "(", ")", ":", ",", "@", "boundary=", "Content-Type: multipart/mixed; boundary=",
        "Content-Transfer-Encoding: base64\r\n", "charset=", "filename*0*=", "''%", "<script>", "<!--", "\u{0}",
        "--000000000000a1b2c3d4e5f5", "--_004_DB9PR0301MB2345A1_--", "message/rfc822",
    ].map { Array($0.utf8) }

    @Test func threeThousandRandomAndMutatedMessagesNeverTrap() {
        var random = MIMESeededGenerator(seed: 0x1B0D_7A11_5EED)
        var parsed = 0
        var rejected = 0
        for round in 0..<3_000 {
            let input =
                round % 10 == 0 ? Self.randomBytes(&random) : Self.mutate(Self.seeds[round % Self.seeds.count], &random)
            do {
                let message = try InboundParser.raw(input)
                #expect(message.contentHash.count == 64)
                #expect(!message.text.utf8.contains(13) && !message.text.utf8.contains(0))
                parsed += 1
            } catch {
                #expect([.tooDeep, .tooManyParts, .tooLarge, .empty].contains(error.code))
                rejected += 1
            }
            let text = String(decoding: input, as: UTF8.self)
            _ = HTMLText.text(fromHTML: text)
            _ = EmailAddress.parseList(text)
            _ = EncodedWord.decode(text)
            _ = try? InboundParser.parsed(
                fields: [
                    "headers": input, "text": input, "html": input, "charsets": input,
                    "envelope": input, "from": input,
                ], files: [])
        }
        print("MIME fuzz: 3000 inputs, \(parsed) parsed, \(rejected) rejected with a limit error")
        #expect(parsed + rejected == 3_000)
    }

    @Test func deepAndWideRandomTreesHitLimitsNotTheStack() {
        var random = MIMESeededGenerator(seed: 42)
        for _ in 0..<200 {
            var text = "innermost"
            for level in 0..<Int.random(in: 0...60, using: &random) {
                let siblings = String(
                    repeating: "--b\(level)\nContent-Type: text/plain\n\nx\n",
                    count: Int.random(in: 0...4, using: &random))
                text =
                    "Content-Type: multipart/mixed; boundary=b\(level)\n\n\(siblings)--b\(level)\n\(text)\n--b\(level)--"
            }
            _ = try? InboundParser.raw(MIMEFixture.eml(text))
        }
    }

    /// Inputs that would take minutes if any scan were quadratic (each is 300 to 400 KB).
    @Test func pathologicalInputsStayLinear() throws {
        let heads = String(repeating: "<head>", count: 60_000)
        let headsText = HTMLText.text(fromHTML: heads + "done")
        #expect(headsText == "done")
        let references = HTMLText.text(fromHTML: String(repeating: "<p>&#x", count: 50_000)).hasPrefix("&#x")
        #expect(references)
        let words = String(repeating: "=?utf-8?q?", count: 30_000)
        let decodedLength = EncodedWord.decode(words).utf8.count
        #expect(decodedLength <= words.utf8.count)
        let addresses = EmailAddress.parseList(String(repeating: "a@b.c,", count: 50_000))
        #expect(addresses.count > 40_000, "input past 256 KiB is ignored")
        let lines = "Content-Type: multipart/mixed; boundary=x\r\n\r\n" + String(repeating: "--x \r\n", count: 30_000)
        #expect(throws: InboundParseError.self) { try InboundParser.raw(Array(lines.utf8)) }
        let headers = String(repeating: "X-A: b\r\n c\r\n", count: 30_000) + "\r\nbody"
        #expect(try InboundParser.raw(Array(headers.utf8)).text == "body")
    }

    static func randomBytes(_ random: inout MIMESeededGenerator) -> [UInt8] {
        (0..<Int.random(in: 0...2_000, using: &random)).map { _ in
            Bool.random(using: &random)
                ? UInt8.random(in: 32...126, using: &random) : UInt8.random(in: 0...255, using: &random)
        }
    }

    static func mutate(_ seed: [UInt8], _ random: inout MIMESeededGenerator) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            let position = Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where position < bytes.count: bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.insert(contentsOf: tokens[Int.random(in: 0..<tokens.count, using: &random)], at: position)
            case 2:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...200, using: &random)))
            case 3: bytes = Array(bytes[..<position])
            case 4:
                let end = min(bytes.count, position + Int.random(in: 1...300, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            }
        }
        return bytes
    }
}
