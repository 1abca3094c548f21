internal import RuntimePDF

/// The look of a tenant's documents, from its ``DocumentBranding``: colours, fonts, the decoded logo, and the
/// pieces both the quote and the invoice draw (header band, section headings, info columns, totals).
///
/// A logo that is not a decodable PNG (or is too large) is ignored and the company name is drawn instead: a bad
/// upload must never stop a quote from going out. Not Sendable (it holds the decoded logo); made per render.
struct DocumentStyle {
    static let title = PDFFont.bold(19)
    static let heading = PDFFont.bold(11.5)
    static let body = PDFFont.regular(9.5)
    static let bodyBold = PDFFont.bold(9.5)
    static let small = PDFFont.regular(8)
    static let smallBold = PDFFont.bold(8)

    let branding: DocumentBranding
    let primary: PDFColor
    let accent: PDFColor
    /// Text on the primary colour: white, or near-black when the primary colour is light.
    let onPrimary: PDFColor
    /// A light tint of the primary colour for title bars and emphasised rows.
    let tint: PDFColor
    let text = PDFColor.gray(0.13)
    let muted = PDFColor.gray(0.42)
    let line = PDFColor.gray(0.8)
    let logo: PDFImage?

    init(_ branding: DocumentBranding) {
        self.branding = branding
        primary = PDFColor(hex: branding.primaryColor) ?? PDFColor(red: 0.18, green: 0.525, blue: 0.67)
        let accent = PDFColor(hex: branding.accentColor) ?? primary
        // An accent too light to read as text on white falls back to a darkened primary colour.
        self.accent = accent.isLight ? primary.mixed(with: .black, 0.2) : accent
        onPrimary = primary.isLight ? .gray(0.1) : .white
        tint = primary.mixed(with: .white, 0.88)
        logo = branding.logoPNG.flatMap { try? PDFImage(png: $0) }
    }

    /// The footer on every page: the company name and what the document is.
    func footer(_ what: String) -> PDFFooter {
        PDFFooter(text: [branding.companyName, what].filter { !$0.isEmpty }.joined(separator: " · "))
    }

    /// The band across the top of the first page, in the primary colour: the logo (or the company name) at the
    /// left, `title` and `lines` at the right. Leaves the cursor below it.
    func drawHeaderBand(_ flow: PDFFlow, title: String, lines: [String]) {
        let document = flow.document, padding = 20.0, half = flow.width / 2
        let rightText = lines.joined(separator: "\n")
        let titleHeight = document.measureText(title, width: half, font: Self.title).height
        let rightHeight = titleHeight + 4 + document.measureText(rightText, width: half, font: Self.body).height
        let nameHeight = document.measureText(branding.companyName, width: half - 10, font: Self.title).height
        let leftHeight = logo == nil ? nameHeight : 56
        let height = max(rightHeight, leftHeight) + 2 * padding
        document.fillRect(x: 0, y: 0, width: document.pageWidth, height: height, color: primary)
        if let logo {
            document.draw(logo, x: flow.left, y: padding, width: half - 10, height: 56)
        } else {
            document.drawText(branding.companyName, x: flow.left, y: padding, width: half - 10, font: Self.title,
                              color: onPrimary)
        }
        let right = flow.left + half
        document.drawText(title, x: right, y: padding, width: half, font: Self.title, color: onPrimary,
                          alignment: .right)
        document.drawText(rightText, x: right, y: padding + titleHeight + 4, width: half, font: Self.body,
                          color: onPrimary, alignment: .right)
        flow.y = height + 22
    }

    /// A section heading in the primary colour, kept on the same page as at least `keepWith` points of what follows.
    func heading(_ text: String, _ flow: PDFFlow, keepWith: Double = 48) {
        let height = flow.document.measureText(text, width: flow.width, font: Self.heading).height
        flow.ensureSpace(height + 4 + keepWith)
        flow.text(text, font: Self.heading, color: primary, spacingAfter: 4)
    }

    /// Side-by-side blocks, each a small title and label/value rows (a `nil` label spans the block), kept together.
    func drawColumns(_ columns: [InfoColumn], _ flow: PDFFlow) {
        guard !columns.isEmpty else { return }
        let gap = 18.0, document = flow.document
        let available = flow.width - gap * Double(columns.count - 1)
        let totalWeight = columns.reduce(0) { $0 + max($1.weight, 0.01) }
        let widths = columns.map { available * max($0.weight, 0.01) / totalWeight }
        let height = zip(columns, widths).map { column, width in
            column.draw(in: document, x: 0, y: 0, width: width, style: self, drawing: false)
        }.max() ?? 0
        flow.ensureSpace(height)
        var x = flow.left
        for (column, width) in zip(columns, widths) {
            column.draw(in: document, x: x, y: flow.y, width: width, style: self, drawing: true)
            x += width + gap
        }
        flow.space(height + 14)
    }

    /// Right-aligned label/amount rows (subtotals and totals); `emphasis` rows are bold on the tint.
    func drawTotals(_ rows: [(label: String, value: String, emphasis: Bool)], _ flow: PDFFlow) {
        let document = flow.document, valueWidth = 110.0, labelWidth = 170.0
        let valueX = flow.left + flow.width - valueWidth - 4, labelX = valueX - labelWidth - 8
        let heights = rows.map { row in
            let font = row.emphasis ? Self.bodyBold : Self.body
            return max(document.measureText(row.label, width: labelWidth, font: font).height,
                       document.measureText(row.value, width: valueWidth, font: font).height) + 6
        }
        flow.ensureSpace(min(heights.reduce(0, +), flow.pageContentHeight))
        for (row, height) in zip(rows, heights) {
            flow.ensureSpace(height)
            let font = row.emphasis ? Self.bodyBold : Self.body
            if row.emphasis {
                document.fillRect(x: labelX - 6, y: flow.y, width: valueX + valueWidth + 4 - (labelX - 6),
                                  height: height, color: tint)
            }
            document.drawText(row.label, x: labelX, y: flow.y + 3, width: labelWidth, font: font, color: text,
                              alignment: .right)
            document.drawText(row.value, x: valueX, y: flow.y + 3, width: valueWidth, font: font, color: text,
                              alignment: .right)
            flow.space(height)
        }
    }

    /// `text` without leading and trailing whitespace and newlines.
    static func trimmed(_ text: String) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
              let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[start...end])
    }
}
