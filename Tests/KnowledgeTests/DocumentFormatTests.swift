import Knowledge
import RuntimeZip
import Testing

@Suite struct DocumentFormatTests {
    let pdf = Array("%PDF-1.7\n...".utf8)
    var docx: [UInt8] {
        var zip = ZipWriter()
        zip.add("word/document.xml", Array("<w:document/>".utf8))
        return zip.bytes
    }

    @Test func extensionsWithMatchingContentAreAccepted() throws {
        #expect(try DocumentFormat.detect(bytes: pdf, filename: "guide.PDF", declaredType: "application/pdf") == .pdf)
        #expect(try DocumentFormat.detect(bytes: docx, filename: "a.docx", declaredType: nil) == .docx)
        #expect(try DocumentFormat.detect(bytes: Array("# Hi".utf8), filename: "a.md", declaredType: "text/plain") == .md)
        #expect(try DocumentFormat.detect(bytes: Array("<p>x".utf8), filename: "a.htm", declaredType: "text/html") == .html)
        #expect(try DocumentFormat.detect(bytes: Array("x".utf8), filename: "notes.txt", declaredType: "application/octet-stream") == .txt)
        #expect(try DocumentFormat.detect(bytes: pdf, filename: "scan", declaredType: nil) == .pdf)
    }

    @Test func mismatchesAreRefused() {
        #expect(throws: DocumentFormat.Refusal.self) { try DocumentFormat.detect(bytes: Array("hello".utf8), filename: "x.pdf", declaredType: nil) }
        #expect(throws: DocumentFormat.Refusal.self) { try DocumentFormat.detect(bytes: pdf, filename: "x.txt", declaredType: nil) }
        #expect(throws: DocumentFormat.Refusal.self) { try DocumentFormat.detect(bytes: pdf, filename: "x.docx", declaredType: nil) }
        #expect(throws: DocumentFormat.Refusal.self) { try DocumentFormat.detect(bytes: [0x41, 0, 0x42], filename: "x.txt", declaredType: nil) }
        #expect(throws: DocumentFormat.Refusal.self) { try DocumentFormat.detect(bytes: pdf, filename: "x.pdf", declaredType: "text/html") }
    }

    @Test func unsupportedTypesAreRefusedAsUnsupported() {
        #expect(throws: DocumentFormat.Refusal.unsupported("Files of type .exe are not supported; upload one of: txt, md, html, pdf, docx.")) {
            try DocumentFormat.detect(bytes: [0x4D, 0x5A], filename: "setup.exe", declaredType: nil)
        }
        #expect(throws: DocumentFormat.Refusal.self) { try DocumentFormat.detect(bytes: [1, 2], filename: "blob", declaredType: "image/png") }
    }

    @Test func languagesMapToTextSearchConfigurations() {
        #expect(KnowledgeLanguage.configuration(for: "en") == "english")
        #expect(KnowledgeLanguage.configuration(for: "pt-BR") == "portuguese")
        #expect(KnowledgeLanguage.configuration(for: "FR") == "french")
        #expect(KnowledgeLanguage.configuration(for: "zu") == "simple")
        #expect(KnowledgeLanguage.configuration(for: "german") == "german")
        #expect(KnowledgeLanguage.configuration(for: "en'; drop") == nil)
    }

    @Test func filenamesAreSanitised() {
        #expect(KnowledgeUpload.safeFilename("../../etc/passwd") == "passwd")
        #expect(KnowledgeUpload.safeFilename("C:\\Users\\me\\Guide \"2027\".pdf") == "Guide 2027.pdf")
        #expect(KnowledgeUpload.safeFilename("...") == "document")
        #expect(KnowledgeUpload.safeFilename("a\u{0}b\r\n.txt") == "ab.txt")
    }
}
