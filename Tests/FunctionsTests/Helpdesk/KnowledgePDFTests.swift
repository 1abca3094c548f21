import RuntimeTesting
import Testing

@Suite struct KnowledgePDFTests {
    @Test func builderMakesAPDFOfTheAskedSize() {
        let pdf = PDFFixture.make(pages: [["Hello"]], paddingBytes: 1000)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(pdf.count > 1000)
    }
}
