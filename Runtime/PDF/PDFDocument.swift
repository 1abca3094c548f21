/// A PDF being drawn page by page in memory: rectangles, lines, wrapped Unicode text (pango) and PNG images
/// (cairo). Coordinates are points from the top-left corner of the page; y grows downwards.
///
/// Owns a cairo PDF surface, a drawing context on it and one pango layout, freed when the document is released.
/// Drawing never throws: the first failure (cairo's, or pango's) is recorded and ``finish()`` reports it. Text is
/// always plain text (never pango markup), so user strings cannot change formatting. Threading: one document is
/// used by one thread; not Sendable.
public final class PDFDocument {
    /// ISO A4 portrait in points (210 × 297 mm).
    public static let a4 = (width: 595.2756, height: 841.8898)

    /// Page width in points.
    public let pageWidth: Double
    /// Page height in points.
    public let pageHeight: Double
    /// The page being drawn, from 1.
    public private(set) var pageNumber = 1
    private let surface: CairoPDFSurface
    private let context: CairoContext
    private let layout: PangoTextLayout
    private var finished = false
    /// The first failure of a drawing call that cairo does not track itself (pango), reported by ``finish()``.
    private var failure: PDFError?

    /// A one-page document of `width` × `height` points (A4 by default).
    /// - Parameter keepOutput: `false` for a layout pass whose bytes are thrown away (``finish()`` returns `[]`).
    /// - Throws: ``PDFError/Code/cairo`` when cairo or pango cannot start.
    public init(width: Double = PDFDocument.a4.width, height: Double = PDFDocument.a4.height,
                metadata: PDFMetadata = PDFMetadata(), keepOutput: Bool = true) throws(PDFError) {
        pageWidth = width
        pageHeight = height
        surface = try CairoPDFSurface(width: width, height: height, keepOutput: keepOutput)
        surface.setMetadata(metadata)
        context = try CairoContext(surface: surface)
        layout = try PangoTextLayout(context: context)
    }

    /// Fills a rectangle.
    public func fillRect(x: Double, y: Double, width: Double, height: Double, color: PDFColor) {
        context.fill(x: x, y: y, width: width, height: height, color: color)
    }

    /// Outlines a rectangle with a line centred on its edges.
    public func strokeRect(x: Double, y: Double, width: Double, height: Double, color: PDFColor,
                           lineWidth: Double = 0.5) {
        context.strokeRect(x: x, y: y, width: width, height: height, color: color, lineWidth: lineWidth)
    }

    /// Draws a straight line.
    public func strokeLine(x1: Double, y1: Double, x2: Double, y2: Double, color: PDFColor, lineWidth: Double = 0.5) {
        context.strokeLine(from: (x1, y1), to: (x2, y2), color: color, lineWidth: lineWidth)
    }

    /// Draws `text` with its top-left corner at (`x`, `y`), wrapped to `width` points (`width <= 0`: no wrapping),
    /// and returns the height it took. Newlines start new lines; control characters are dropped.
    @discardableResult
    public func drawText(_ text: String, x: Double, y: Double, width: Double, font: PDFFont,
                         color: PDFColor = .black, alignment: PDFAlignment = .left) -> Double {
        guard setLayout(PDFText.clean(text), font: font, width: width, alignment: alignment) else { return 0 }
        context.show(layout, x: x, y: y, color: color)
        return layout.size.height
    }

    /// The size `text` would take if drawn by ``drawText(_:x:y:width:font:color:alignment:)``, without drawing.
    public func measureText(_ text: String, width: Double, font: PDFFont) -> (width: Double, height: Double) {
        guard setLayout(PDFText.clean(text), font: font, width: width, alignment: .left) else { return (0, 0) }
        return layout.size
    }

    /// `text` cut into consecutive pieces of whole wrapped lines: the first at most `firstHeight` points tall when
    /// drawn at `width` (empty when not even one line fits), the others at most `maxHeight` (at least one line
    /// each). A newline at a cut is dropped; otherwise the pieces joined give the cleaned text.
    public func splitText(_ text: String, width: Double, font: PDFFont, firstHeight: Double,
                          maxHeight: Double) -> [String] {
        let text = PDFText.clean(text)
        guard setLayout(text, font: font, width: width, alignment: .left) else { return [text] }
        let starts = layout.lineStarts
        guard starts.count > 1 else { return [text] }
        let lineHeight = layout.size.height / Double(starts.count)
        let bytes = Array(text.utf8)
        var pieces: [String] = [], start = 0, line = 0, room = firstHeight
        while line < starts.count {
            let fitting = max(Int((room + 0.01) / lineHeight), pieces.isEmpty ? 0 : 1)
            let endLine = min(line + fitting, starts.count)
            let end = endLine < starts.count ? starts[endLine] : bytes.count
            var piece = bytes[start..<end]
            if endLine < starts.count, piece.last == UInt8(ascii: "\n") { piece = piece.dropLast() }
            pieces.append(String(decoding: piece, as: UTF8.self))
            (start, line, room) = (end, endLine, maxHeight)
        }
        return pieces
    }

    /// Draws `image` scaled to fit inside `width` × `height` (aspect ratio kept, never enlarged past 4×), its
    /// top-left corner at (`x`, `y`), and returns the size drawn.
    @discardableResult
    public func draw(_ image: PDFImage, x: Double, y: Double, width: Double, height: Double)
        -> (width: Double, height: Double) {
        let scale = min(width / Double(image.pixelWidth), height / Double(image.pixelHeight), 4)
        guard scale > 0, scale.isFinite else { return (0, 0) }
        context.paint(image, x: x, y: y, scale: scale)
        return (Double(image.pixelWidth) * scale, Double(image.pixelHeight) * scale)
    }

    /// Lays out `text`; on failure records it for ``finish()`` and returns `false`.
    private func setLayout(_ text: String, font: PDFFont, width: Double, alignment: PDFAlignment) -> Bool {
        do {
            try layout.set(text, font: font, width: width, alignment: alignment)
            return true
        } catch {
            if failure == nil { failure = error }
            return false
        }
    }

    /// Ends the current page and starts the next.
    public func newPage() {
        context.showPage()
        pageNumber += 1
    }

    /// Ends the last page and returns the whole file (empty when made with `keepOutput: false`).
    /// - Throws: ``PDFError/Code/cairo`` when any drawing or output failed; ``PDFError/Code/finished`` when called
    ///   twice.
    public func finish() throws(PDFError) -> [UInt8] {
        guard !finished else { throw PDFError(.finished, detail: "finish() was already called") }
        finished = true
        if let failure { throw failure }
        try context.status()
        try surface.finish()
        return surface.sink.bytes
    }
}
