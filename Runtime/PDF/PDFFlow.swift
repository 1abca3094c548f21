/// Page margins in points.
public struct PDFMargins: Sendable, Hashable {
    /// Space above the content on every page.
    public var top: Double
    /// Space below the content; the footer is drawn inside it (keep it ≥ 40).
    public var bottom: Double
    /// Space left of the content.
    public var left: Double
    /// Space right of the content.
    public var right: Double

    /// Margins in points (defaults suit A4 with a footer).
    public init(top: Double = 48, bottom: Double = 56, left: Double = 42, right: Double = 42) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }
}

/// A footer drawn in the bottom margin of every page: a thin rule, ``text`` at the left and "Page n of m" at the
/// right.
public struct PDFFooter: Sendable, Hashable {
    /// The left-hand text, e.g. the company name and the document's id.
    public var text: String
    /// The font of both texts.
    public var font: PDFFont
    /// The colour of both texts (the rule is a lighter shade).
    public var color: PDFColor

    /// A footer showing `text`.
    public init(text: String, font: PDFFont = .regular(7.5), color: PDFColor = .gray(0.4)) {
        self.text = text
        self.font = font
        self.color = color
    }
}

/// A top-to-bottom layout over a ``PDFDocument``: a cursor ``y`` inside the margins, and a new page (with the
/// footer drawn on the one left) whenever the next block does not fit.
///
/// Layouts measure a block, call ``ensureSpace(_:)``, draw at ``y`` and advance it;
/// ``text(_:font:color:alignment:indent:spacingAfter:)`` does all of that and splits long text across pages, so
/// nothing is cut off. Threading: one thread; not Sendable.
public final class PDFFlow {
    /// The document drawn into.
    public let document: PDFDocument
    /// The content area on every page.
    public let margins: PDFMargins
    /// Where the next block starts on the current page.
    public var y: Double
    private let footer: PDFFooter?
    /// The total known from a layout pass, for "Page n of m"; `nil` prints "Page n".
    private let pageCount: Int?

    /// A flow starting at the top margin of `document`'s current page.
    public init(document: PDFDocument, margins: PDFMargins = PDFMargins(), footer: PDFFooter? = nil,
                pageCount: Int? = nil) {
        self.document = document
        self.margins = margins
        self.footer = footer
        self.pageCount = pageCount
        y = margins.top
    }

    /// The left edge of the content area.
    public var left: Double { margins.left }
    /// The width of the content area.
    public var width: Double { document.pageWidth - margins.left - margins.right }
    /// The lowest y content may reach.
    public var bottom: Double { document.pageHeight - margins.bottom }
    /// Height left on this page.
    public var remaining: Double { bottom - y }
    /// The content height of a fresh page: a block taller than this can never fit whole and must be split.
    public var pageContentHeight: Double { bottom - margins.top }

    /// Starts a new page unless `height` fits below ``y`` (or the page is still empty, so that a block taller than a
    /// page is drawn rather than looping); returns whether it did.
    @discardableResult
    public func ensureSpace(_ height: Double) -> Bool {
        guard height > remaining + 0.01, y > margins.top + 0.01 else { return false }
        newPage()
        return true
    }

    /// Draws the footer on the current page, then moves to the top of a new one.
    public func newPage() {
        drawFooter()
        document.newPage()
        y = margins.top
    }

    /// Moves the cursor down by `height` (it may pass ``bottom``; the next ``ensureSpace(_:)`` breaks the page).
    public func space(_ height: Double) { y += height }

    /// Draws `text` at the cursor across the content width (less `indent` on the left), starting a new page when
    /// needed and splitting text taller than the room left across as many pages as it takes; then advances
    /// ``y`` past it plus `spacingAfter`.
    public func text(_ text: String, font: PDFFont, color: PDFColor = .black, alignment: PDFAlignment = .left,
                     indent: Double = 0, spacingAfter: Double = 0) {
        let textWidth = width - indent
        let height = document.measureText(text, width: textWidth, font: font).height
        if height > remaining + 0.01 {
            let pieces = document.splitText(text, width: textWidth, font: font, firstHeight: max(remaining, 0),
                                            maxHeight: pageContentHeight)
            for (index, piece) in pieces.enumerated() {
                if index > 0 { newPage() }
                guard !piece.isEmpty else { continue }
                y += document.drawText(piece, x: left + indent, y: y, width: textWidth, font: font, color: color,
                                       alignment: alignment)
            }
        } else {
            y += document.drawText(text, x: left + indent, y: y, width: textWidth, font: font, color: color,
                                   alignment: alignment)
        }
        y += spacingAfter
    }

    /// A horizontal line across the content width at the cursor, with `spacing` above and below it.
    public func rule(color: PDFColor = .gray(0.8), lineWidth: Double = 0.5, spacing: Double = 6) {
        ensureSpace(spacing * 2 + lineWidth)
        y += spacing
        document.strokeLine(x1: left, y1: y, x2: left + width, y2: y, color: color, lineWidth: lineWidth)
        y += spacing + lineWidth
    }

    /// Draws the footer on the last page and returns the file (see ``PDFDocument/finish()``).
    public func finish() throws(PDFError) -> [UInt8] {
        drawFooter()
        return try document.finish()
    }

    private func drawFooter() {
        guard let footer else { return }
        let lineY = document.pageHeight - margins.bottom * 0.6
        document.strokeLine(x1: left, y1: lineY, x2: left + width, y2: lineY,
                            color: footer.color.mixed(with: .white, 0.5), lineWidth: 0.4)
        let page = pageCount.map { "Page \(document.pageNumber) of \($0)" } ?? "Page \(document.pageNumber)"
        let pageWidth = document.measureText(page, width: 0, font: footer.font).width
        document.drawText(page, x: left + width - pageWidth, y: lineY + 4, width: 0, font: footer.font,
                          color: footer.color)
        document.drawText(footer.text, x: left, y: lineY + 4, width: max(width - pageWidth - 12, 1), font: footer.font,
                          color: footer.color)
    }
}
