internal import RuntimePDF

/// One block of a row of ``DocumentStyle/drawColumns(_:_:)``: a small title over label/value rows.
struct InfoColumn {
    var title: String
    /// A `nil` label makes the value span the whole block.
    var rows: [(label: String?, value: String, bold: Bool)]
    /// Share of the row's width when drawn beside other blocks (weights are normalised).
    var weight: Double
    /// Width of the label column in points (at most 45% of the block).
    var labelWidth: Double

    init(_ title: String, _ rows: [(label: String?, value: String, bold: Bool)], weight: Double = 1,
         labelWidth: Double = 70) {
        self.title = title
        self.rows = rows.filter { !$0.value.isEmpty }
        self.weight = weight
        self.labelWidth = labelWidth
    }

    /// Draws the block at (`x`, `y`) when `drawing`, else only measures; returns its height.
    @discardableResult
    func draw(in document: PDFDocument, x: Double, y: Double, width: Double, style: DocumentStyle,
              drawing: Bool) -> Double {
        var cursor = y
        let titleHeight = document.measureText(title, width: width, font: DocumentStyle.smallBold).height
        if drawing {
            document.drawText(title.uppercased(), x: x, y: cursor, width: width, font: DocumentStyle.smallBold,
                              color: style.muted)
            document.strokeLine(x1: x, y1: cursor + titleHeight + 2, x2: x + width, y2: cursor + titleHeight + 2,
                                color: style.line)
        }
        cursor += titleHeight + 6
        let labelWidth = min(labelWidth, width * 0.45)
        for row in rows {
            let font = row.bold ? DocumentStyle.bodyBold : DocumentStyle.body
            let valueX = row.label == nil ? x : x + labelWidth
            let valueWidth = row.label == nil ? width : width - labelWidth
            var height = document.measureText(row.value, width: valueWidth, font: font).height
            if let label = row.label {
                let labelHeight = document.measureText(label, width: labelWidth - 4, font: DocumentStyle.body).height
                height = max(height, labelHeight)
                if drawing {
                    document.drawText(label, x: x, y: cursor, width: labelWidth - 4, font: DocumentStyle.body,
                                      color: style.muted)
                }
            }
            if drawing {
                document.drawText(row.value, x: valueX, y: cursor, width: valueWidth, font: font, color: style.text)
            }
            cursor += height + 2
        }
        return cursor - y
    }
}
