internal import RuntimePDF

/// A table drawn into a ``PDFFlow``: a header row in the tint colour, wrapped cells, thin rules between rows, and
/// the header repeated at the top of each new page the table reaches.
///
/// A row taller than a whole page (a very long description) is drawn as stacked "Column: value" paragraphs, which
/// may split across pages, so nothing is ever cut off.
struct DocumentTable {
    struct Column {
        var title: String
        /// Share of the table width (weights are normalised).
        var weight: Double
        var alignment: PDFAlignment = .left
    }

    var columns: [Column]
    var style: DocumentStyle
    var font = DocumentStyle.body
    var headerFont = DocumentStyle.smallBold
    var padding = 4.0

    /// The column widths for a table `width` points wide.
    func widths(_ width: Double) -> [Double] {
        let total = columns.reduce(0) { $0 + max($1.weight, 0) }
        return columns.map { total > 0 ? width * max($0.weight, 0) / total : width / Double(columns.count) }
    }

    /// The height of one row of `cells` (missing cells are empty) in `font`.
    func height(of cells: [String], font: PDFFont, widths: [Double], in document: PDFDocument) -> Double {
        zip(cells, widths).map { document.measureText($0, width: $1 - 2 * padding, font: font).height }.max()
            .map { $0 + 2 * padding } ?? 2 * padding
    }

    /// The height of the whole table, header included, ignoring page breaks.
    func height(rows: [[String]], in flow: PDFFlow) -> Double {
        let widths = widths(flow.width)
        return rows.reduce(height(of: columns.map(\.title), font: headerFont, widths: widths, in: flow.document)) {
            $0 + height(of: $1, font: font, widths: widths, in: flow.document)
        }
    }

    /// Draws the header and `rows` at the cursor; rows listed in `bold` use the bold font.
    func draw(rows: [[String]], in flow: PDFFlow, bold: Set<Int> = []) {
        let widths = widths(flow.width), document = flow.document
        let headerHeight = height(of: columns.map(\.title), font: headerFont, widths: widths, in: document)
        let firstRow = rows.first.map { height(of: $0, font: font, widths: widths, in: document) } ?? 0
        flow.ensureSpace(headerHeight + min(firstRow, flow.pageContentHeight / 2))
        drawHeader(flow, widths: widths, height: headerHeight)
        for (index, cells) in rows.enumerated() {
            let rowFont = bold.contains(index) ? DocumentStyle.bodyBold : font
            let rowHeight = height(of: cells, font: rowFont, widths: widths, in: document)
            if rowHeight > flow.pageContentHeight - headerHeight {
                drawStacked(cells, flow)
                continue
            }
            if flow.ensureSpace(rowHeight) { drawHeader(flow, widths: widths, height: headerHeight) }
            var x = flow.left
            for (column, (cell, width)) in zip(columns, zip(cells, widths)) {
                document.drawText(cell, x: x + padding, y: flow.y + padding, width: width - 2 * padding, font: rowFont,
                                  color: style.text, alignment: column.alignment)
                x += width
            }
            flow.space(rowHeight)
            document.strokeLine(x1: flow.left, y1: flow.y, x2: flow.left + flow.width, y2: flow.y, color: style.line,
                                lineWidth: 0.4)
        }
    }

    private func drawHeader(_ flow: PDFFlow, widths: [Double], height: Double) {
        flow.document.fillRect(x: flow.left, y: flow.y, width: flow.width, height: height, color: style.tint)
        var x = flow.left
        for (column, width) in zip(columns, widths) {
            flow.document.drawText(column.title, x: x + padding, y: flow.y + padding, width: width - 2 * padding,
                                   font: headerFont, color: style.primary.mixed(with: .black, 0.25),
                                   alignment: column.alignment)
            x += width
        }
        flow.space(height)
    }

    /// A row too tall for any page: one "Column: value" paragraph per non-empty cell.
    private func drawStacked(_ cells: [String], _ flow: PDFFlow) {
        flow.space(padding)
        for (column, cell) in zip(columns, cells) where !cell.isEmpty {
            flow.text(column.title.isEmpty ? cell : "\(column.title): \(cell)", font: font, color: style.text,
                      indent: padding, spacingAfter: 2)
        }
        flow.rule(color: style.line, lineWidth: 0.4, spacing: 2)
    }
}
