/// Extracts a document's text as blocks (headings and paragraphs), per format. Pure except for PDFs, which run
/// `pdftotext` through ``Subprocess``. Never traps on any input.
public struct TextExtractor: Sendable {
    /// The `pdftotext` executable (absolute path).
    public var pdftotextPath: String
    /// The wall-clock limit for one PDF.
    public var pdfTimeout: Duration
    /// The most text accepted from one PDF, in bytes.
    public var maxTextBytes: Int

    public init(pdftotextPath: String = "/usr/bin/pdftotext", pdfTimeout: Duration = .seconds(60), maxTextBytes: Int = 32 << 20) {
        self.pdftotextPath = pdftotextPath
        self.pdfTimeout = pdfTimeout
        self.maxTextBytes = maxTextBytes
    }

    /// The blocks of `bytes` read as `format`.
    /// - Throws: ``KnowledgeError`` when the content cannot be read or holds no text; other errors (the PDF tool
    ///   cannot be started) are platform failures worth retrying.
    public func extract(_ bytes: [UInt8], format: DocumentFormat) throws -> [TextBlock] {
        let blocks: [TextBlock]
        switch format {
        case .txt:
            blocks = PlainParagraphs.blocks(TextNormalizer.lines(TextDecoding.decode(bytes)))
        case .md:
            blocks = MarkdownExtractor.blocks(TextDecoding.decode(bytes))
        case .html:
            blocks = HTMLExtractor.blocks(TextDecoding.decode(bytes))
        case .pdf:
            let pages = try PDFExtractor(executable: pdftotextPath, timeout: pdfTimeout, maxOutputBytes: maxTextBytes).pages(bytes)
            blocks = PlainParagraphs.blocks(TextNormalizer.lines(PageCleaner.clean(pages: pages)))
        case .docx:
            blocks = try DOCXExtractor.blocks(bytes)
        }
        guard blocks.contains(where: { if case .paragraph = $0 { return true } else { return false } }) else {
            if format == .pdf { throw KnowledgeError("no_text", "The PDF has no extractable text (scanned PDF?).") }
            throw KnowledgeError.noText
        }
        return blocks
    }
}
