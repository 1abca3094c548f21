import Knowledge
import RuntimeZip
import RuntimeTesting
import Testing

@Suite struct ExtractionTests {
    let extractor = TextExtractor()

    func paragraphs(_ blocks: [TextBlock]) -> [String] {
        blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } }
    }

    func headings(_ blocks: [TextBlock]) -> [String] {
        blocks.compactMap { if case .heading(let text) = $0 { text } else { nil } }
    }

    @Test func plainTextJoinsLinesAndSplitsParagraphs() throws {
        let blocks = try extractor.extract(Array("First line\ncontinues here.\r\n\r\nSecond  para-\ngraph.\n".utf8), format: .txt)
        #expect(paragraphs(blocks) == ["First line continues here.", "Second paragraph."])
    }

    @Test func textThatIsNotUTF8IsReadAsWindows1252() throws {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" costs ".utf8) + [0x80] + Array("5 ".utf8) + [0x93, 0x6F, 0x6B, 0x94]
        #expect(paragraphs(try extractor.extract(bytes, format: .txt)) == ["Café costs €5 “ok”"])
    }

    @Test func markdownKeepsHeadingsAndDropsMarkup() throws {
        let source = "# Visa rules\n\nYou need a **valid** passport, see [the embassy](https://example.com).\n\n## Fees\n- Adults: `R 500`\n"
        let blocks = try extractor.extract(Array(source.utf8), format: .md)
        #expect(headings(blocks) == ["Visa rules", "Fees"])
        #expect(paragraphs(blocks) == ["You need a valid passport, see the embassy.", "Adults: R 500"])
        #expect(blocks.first == .heading("Visa rules"))
    }

    @Test func htmlKeepsHeadingsSkipsScriptsAndDecodesEntities() throws {
        let html = """
            <html><head><title>T</title><style>p { color: red }</style></head><body><nav>Home | About</nav>
            <h2>Check&#8209;in &amp; out</h2><p>Check-in is from 14:00.<br>Late arrivals&nbsp;welcome.</p>
            <script>alert("x")</script><!-- hidden --><table><tr><td>Pool</td><td>07:00</td></tr></table></body></html>
            """
        let blocks = try extractor.extract(Array(html.utf8), format: .html)
        #expect(headings(blocks) == ["Check‑in & out"])
        #expect(paragraphs(blocks).contains("Check-in is from 14:00."))
        #expect(paragraphs(blocks).contains("Late arrivals welcome."))
        #expect(!paragraphs(blocks).joined().contains("alert"))
        #expect(!paragraphs(blocks).joined().contains("Home"))
    }

    static func docx(_ body: String, deflate: Bool) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", Array("<Types/>".utf8), deflate: deflate)
        zip.add("word/document.xml", Array("<w:document><w:body>\(body)</w:body></w:document>".utf8), deflate: deflate)
        return zip.bytes
    }

    static let docxBody = """
        <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Baggage</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">One bag of </w:t></w:r><w:r><w:t>23 kg &amp; one cabin bag.</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Class</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Allowance</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>Economy</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>23 kg</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        """

    @Test(arguments: [false, true]) func docxParagraphsHeadingsAndTableRows(deflate: Bool) throws {
        let blocks = try extractor.extract(Self.docx(Self.docxBody, deflate: deflate), format: .docx)
        #expect(blocks == [.heading("Baggage"), .paragraph("One bag of 23 kg & one cabin bag."),
                           .paragraph("Class | Allowance"), .paragraph("Economy | 23 kg")])
    }

    @Test func docxWithoutDocumentXMLIsRefused() {
        var zip = ZipWriter()
        zip.add("hello.txt", Array("hi".utf8))
        #expect(throws: KnowledgeError.self) { try extractor.extract(zip.bytes, format: .docx) }
    }

    @Test func pdfTextIsExtractedWithoutPageNumbersOrRunningHeaders() throws {
        let pages = (1...4).map { ["Sunny Travel Handbook", "Page \($0) text about Zanzibar beaches.", "\($0)"] }
        let blocks = try extractor.extract(PDFFixture.make(pages: pages), format: .pdf)
        let text = paragraphs(blocks).joined(separator: " ")
        #expect(text.contains("Page 3 text about Zanzibar beaches."))
        #expect(!text.contains("Sunny Travel Handbook"))
    }

    @Test func corruptPDFIsAnErrorWithPopplersReason() throws {
        let pdf = PDFFixture.make(pages: [["Hello world."]])
        let error = try #require(throws: KnowledgeError.self) { try extractor.extract(Array(pdf.prefix(pdf.count / 2)), format: .pdf) }
        #expect(error.message.hasPrefix("The PDF could not be read: "))
        #expect(!error.message.contains("/"))
    }

    @Test func pdfWithoutTextLayerIsAnError() throws {
        let error = try #require(throws: KnowledgeError.self) { try extractor.extract(PDFFixture.make(pages: [[]]), format: .pdf) }
        #expect(error.message.contains("no extractable text (scanned PDF?)"))
    }

    @Test func emptyTextIsAnError() {
        #expect(throws: KnowledgeError.self) { try extractor.extract(Array("  \n\n ".utf8), format: .txt) }
    }

    /// Random and truncated bytes through every extractor: errors are fine, traps are not.
    @Test func hostileInputNeverTraps() {
        var seed: UInt64 = 42
        for round in 0..<40 {
            let bytes = (0..<(round * 37)).map { _ -> UInt8 in
                seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
                return UInt8(truncatingIfNeeded: seed)
            }
            for format in [DocumentFormat.txt, .md, .html, .docx] { _ = try? extractor.extract(bytes, format: format) }
        }
        let docx = Self.docx(Self.docxBody, deflate: true)
        for cut in stride(from: 0, to: docx.count, by: 5) { _ = try? extractor.extract(Array(docx.prefix(cut)), format: .docx) }
        for markup in ["<", "<<>>", "&#xFFFFFFFF;", "<h1>", "</h9>", "# ", "[", "![](", "```", "<w:p", "&#0;"] {
            for format in [DocumentFormat.md, .html, .txt] { _ = try? extractor.extract(Array(markup.utf8), format: format) }
        }
    }
}
