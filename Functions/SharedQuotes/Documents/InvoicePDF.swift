internal import Runtime
internal import RuntimePDF
internal import SharedPlatform

/// The branded invoice PDF: header band, company, bill-to and invoice details, the line items, subtotal,
/// discount, tax, total, paid and balance due, travellers, notes, and the tenant's banking details with the
/// payment reference. Pages break wherever needed; every page has a footer with "Page n of m".
///
/// Pure: the same view and branding always give the same layout. Only banking keys the tenant set are shown;
/// there are no country-specific disclaimers.
public enum InvoicePDF {
    /// The PDF bytes for `invoice` in `branding`'s colours, logo and banking details.
    /// - Throws: `PDFError` when cairo fails (out of memory); never for any content of the view.
    public static func render(_ invoice: InvoiceView, branding: DocumentBranding) throws -> [UInt8] {
        let style = DocumentStyle(branding)
        let metadata = PDFMetadata(title: "Invoice \(invoice.invoiceID)", author: branding.companyName,
                                   subject: "Invoice for \(invoice.customerName)")
        return try PDFFlow.render(metadata: metadata, footer: style.footer("Invoice \(invoice.invoiceID)")) { flow in
            style.drawHeaderBand(flow, title: "INVOICE", lines: [
                "Invoice \(invoice.invoiceID)", "Issued: \(invoice.issuedOn.formatted)",
                "Due: \(invoice.dueDate.formatted)",
            ])
            style.drawColumns([
                InfoColumn("From", [(nil, branding.companyName, true)] + branding.contactLines.map { (nil, $0, false) },
                           weight: 0.3),
                InfoColumn("Bill to", [(nil, invoice.customerName, true), (nil, invoice.customerEmail, false),
                                       (nil, invoice.customerPhone ?? "", false)], weight: 0.3),
                InfoColumn("Details", [
                    ("Number", invoice.invoiceID, true), ("Issue date", invoice.issuedOn.formatted, false),
                    ("Due date", invoice.dueDate.formatted, false), ("Status", statusText(invoice.status), false),
                    ("Destination", invoice.destination ?? "", false), ("Quote", invoice.quoteID ?? "", false),
                ], weight: 0.4, labelWidth: 64),
            ], flow)
            drawItems(invoice, style, flow)
            drawTravelers(invoice.travelers, style, flow)
            let notes = DocumentStyle.trimmed(invoice.notes)
            if !notes.isEmpty {
                style.heading("Notes", flow, keepWith: 24)
                flow.text(notes, font: DocumentStyle.body, color: style.text, spacingAfter: 14)
            }
            drawBanking(invoice, branding, style, flow)
        }
    }

    static func drawItems(_ invoice: InvoiceView, _ style: DocumentStyle, _ flow: PDFFlow) {
        let table = DocumentTable(columns: [
            .init(title: "#", weight: 0.06, alignment: .center), .init(title: "Description", weight: 0.5),
            .init(title: "Qty", weight: 0.1, alignment: .center),
            .init(title: "Unit price", weight: 0.17, alignment: .right),
            .init(title: "Amount", weight: 0.17, alignment: .right),
        ], style: style)
        let rows = invoice.items.enumerated().map { index, item in
            [String(index + 1), item.description, String(item.quantity),
             Money(item.unit_price, invoice.currency).formatted, Money(item.amount, invoice.currency).formatted]
        }
        table.draw(rows: rows, in: flow)
        flow.space(6)
        var totals: [(label: String, value: String, emphasis: Bool)] = [("Subtotal", invoice.subtotal.formatted, false)]
        if invoice.discountPercent != 0 || invoice.discount.amount != 0 {
            let label = "Discount (\(percentText(invoice.discountPercent)))"
            totals.append((label, "−" + invoice.discount.formatted, false))
        }
        if invoice.taxPercent != 0 || invoice.tax.amount != 0 {
            totals.append(("Tax (\(percentText(invoice.taxPercent)))", invoice.tax.formatted, false))
        }
        totals += [("Total", invoice.total.formatted, true), ("Paid", invoice.paid.formatted, false),
                   ("Balance due", invoice.balance.formatted, true)]
        style.drawTotals(totals, flow)
        flow.space(18)
    }

    static func drawTravelers(_ travelers: [InvoiceTraveler], _ style: DocumentStyle, _ flow: PDFFlow) {
        guard !travelers.isEmpty else { return }
        style.heading("Travellers", flow)
        DocumentTable(columns: [
            .init(title: "Name", weight: 0.32), .init(title: "Type", weight: 0.12),
            .init(title: "Date of birth", weight: 0.2), .init(title: "Passport", weight: 0.18),
            .init(title: "Nationality", weight: 0.18),
        ], style: style).draw(rows: travelers.map { traveler in
            [traveler.name, statusText(traveler.type), traveler.date_of_birth?.formatted ?? "", traveler.passport ?? "",
             traveler.nationality ?? ""]
        }, in: flow)
        flow.space(18)
    }

    /// `Partially paid` for `partially_paid`.
    static func statusText(_ status: String) -> String {
        let words = status.split(separator: "_").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// `15%`, `7.5%`, `12.25%` (to two decimals); `0%` for a value that is not a finite percentage.
    static func percentText(_ percent: Double) -> String {
        guard percent.isFinite, abs(percent) < 1_000_000 else { return "0%" }
        let hundredths = Int((percent * 100).rounded())
        let sign = hundredths < 0 ? "-" : "", magnitude = abs(hundredths)
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)%" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)%" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
