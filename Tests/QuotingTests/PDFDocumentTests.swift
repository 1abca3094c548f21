import RuntimePDF
import Testing

/// RuntimePDF on its own: Unicode text, plain-text safety, page flow, images and errors, checked with poppler.
@Suite struct PDFDocumentTests {
    @Test func unicodeTextAndMetadataSurviveIntoTheFile() throws {
        let document = try PDFDocument(metadata: PDFMetadata(title: "Zoë’s quote", author: "Acme"))
        let lines = ["Zoë Ñúñez-Øster", "Καλημέρα κόσμε", "Здравствуй, мир", "€1,200.00 ₹5,000.00 ₦10 £3 ★★★"]
        var y = 40.0
        for line in lines { y += document.drawText(line, x: 40, y: y, width: 400, font: .regular(12)) + 6 }
        let pdf = try document.finish()
        let info = try PDFTestTools.info(pdf)
        #expect(info.status == 0)
        #expect(info.pages == 1)
        #expect(info.field("Title") == "Zoë’s quote")
        #expect(info.field("Author") == "Acme")
        let text = try PDFTestTools.text(pdf)
        for line in lines { #expect(text.contains(line), "missing \(line)") }
    }

    @Test func userTextIsNeverMarkup() throws {
        let document = try PDFDocument()
        document.drawText("<b>bold</b> & <script>alert(1)</script> &amp;", x: 40, y: 40, width: 500, font: .bold(11))
        let text = try PDFTestTools.text(try document.finish())
        #expect(text.contains("<b>bold</b> & <script>alert(1)</script> &amp;"))
    }

    @Test func controlCharactersAreDroppedAndLineEndingsKept() throws {
        let document = try PDFDocument()
        document.drawText("one\u{0}two\r\nthree\rfour\u{7}", x: 40, y: 40, width: 500, font: .regular(11))
        let lines = try PDFTestTools.text(try document.finish()).split(separator: "\n").map {
            $0.trimmingCharacters(in: " ")
        }
        #expect(Array(lines.prefix(3)) == ["onetwo", "three", "four"])
    }

    @Test func measuringMatchesDrawingAndWrapsToTheWidth() throws {
        let document = try PDFDocument()
        let oneLine = document.measureText("word", width: 300, font: .regular(10))
        let wrapped = document.measureText(String(repeating: "word ", count: 100), width: 300, font: .regular(10))
        #expect(oneLine.height > 8 && oneLine.height < 20)
        #expect(wrapped.width <= 300)
        #expect(wrapped.height > oneLine.height * 5)
        #expect(document.drawText("word", x: 0, y: 0, width: 300, font: .regular(10)) == oneLine.height)
    }

    @Test func flowSplitsTextAcrossPagesWithNumberedFooters() throws {
        let body = (1...300).map { "Line \($0) of a long paragraph" }.joined(separator: "\n")
        let footer = PDFFooter(text: "Footer Ω")
        let pdf = try PDFFlow.render(metadata: PDFMetadata(title: "Long"), footer: footer) { flow in
            flow.text("Heading", font: .bold(14), spacingAfter: 6)
            flow.text(body, font: .regular(10))
        }
        let info = try PDFTestTools.info(pdf)
        let pages = try #require(info.pages)
        #expect(pages >= 5)
        let text = try PDFTestTools.text(pdf)
        for number in [1, 150, 299, 300] { #expect(text.contains("Line \(number) of a long paragraph")) }
        #expect(text.contains("Page 1 of \(pages)"))
        #expect(PDFTestTools.page(text, pages).contains("Page \(pages) of \(pages)"))
        #expect(PDFTestTools.page(text, pages).contains("Footer Ω"))
        // Every line exactly once: nothing lost or repeated at the page breaks.
        let lines = text.split(separator: "\n").filter { $0.contains("of a long paragraph") }
        #expect(lines.count == 300)
    }

    @Test func aPNGIsDecodedAndEmbedded() throws {
        let image = try PDFImage(png: PDFFixtures.png)
        #expect(image.pixelWidth == 8 && image.pixelHeight == 4)
        let document = try PDFDocument()
        let drawn = document.draw(image, x: 40, y: 40, width: 100, height: 100)
        #expect(drawn.width == 32 && drawn.height == 16)  // at most 4× enlarged, aspect ratio kept
        #expect(try PDFTestTools.imageCount(try document.finish()) == 1)
    }

    @Test func notPNGsAndOversizedImagesAreRefused() {
        var truncated = PDFFixtures.png
        truncated.removeLast(20)
        var huge = PDFFixtures.png
        huge[16...19] = [0x00, 0x01, 0x00, 0x00]  // width 65 536 in IHDR
        let cases: [([UInt8], PDFError.Code)] = [
            (PDFFixtures.jpeg, .invalidImage), ([], .invalidImage), (truncated, .invalidImage), (huge, .imageTooLarge),
            (PDFFixtures.png + [UInt8](repeating: 0, count: PDFImage.maxBytes), .imageTooLarge),
        ]
        for (bytes, code) in cases {
            #expect(throws: PDFError.self) { try PDFImage(png: bytes) }
            do {
                _ = try PDFImage(png: bytes)
            } catch {
                #expect(error.code == code)
            }
        }
    }

    @Test func finishingTwiceThrows() throws {
        let document = try PDFDocument()
        _ = try document.finish()
        #expect(throws: PDFError(.finished, detail: "finish() was already called")) { _ = try document.finish() }
    }

    @Test func coloursParseFromHex() {
        #expect(PDFColor(hex: "#FF0000") == PDFColor(red: 1, green: 0, blue: 0))
        #expect(PDFColor(hex: "0f0") == PDFColor(red: 0, green: 1, blue: 0))
        #expect(PDFColor(hex: "#12345") == nil)
        #expect(PDFColor(hex: "#GG0000") == nil)
        #expect(PDFColor(hex: "") == nil)
        #expect(PDFColor.white.isLight && !PDFColor.black.isLight)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
    }
}
