extension PDFFlow {
    /// Lays out a whole document with `body` twice: once to count the pages (output discarded), then for real with
    /// "Page n of m" in every footer. `body` must draw the same thing both times (a pure function of its inputs).
    /// - Throws: what `body` throws, or a ``PDFError``.
    public static func render(metadata: PDFMetadata, margins: PDFMargins = PDFMargins(), footer: PDFFooter? = nil,
                              body: (PDFFlow) throws -> Void) throws -> [UInt8] {
        var pageCount: Int?
        if footer != nil {
            let counting = PDFFlow(document: try PDFDocument(keepOutput: false), margins: margins, footer: footer)
            try body(counting)
            _ = try counting.finish()
            pageCount = counting.document.pageNumber
        }
        let flow = PDFFlow(document: try PDFDocument(metadata: metadata), margins: margins, footer: footer,
                           pageCount: pageCount)
        try body(flow)
        return try flow.finish()
    }
}
