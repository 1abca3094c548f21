internal import RuntimePDF
internal import SharedPlatform

extension InvoicePDF {
    /// The `banking.*` keys shown, in this order, with their labels (`reference_prefix` only feeds the reference).
    static let bankingFields = [("bank_name", "Bank"), ("account_name", "Account name"),
                                ("account_number", "Account number"), ("branch_code", "Branch code"),
                                ("swift_code", "SWIFT / BIC")]

    /// What the customer quotes with a payment — `<reference_prefix>-<invoiceID>`, or the invoice id alone when the
    /// tenant set no prefix. The one rule for the PDF and the invoice email.
    public static func paymentReference(invoiceID: String, branding: DocumentBranding) -> String {
        let prefix = DocumentStyle.trimmed(branding.banking["reference_prefix"] ?? "")
        return prefix.isEmpty ? invoiceID : prefix + "-" + invoiceID
    }

    /// "Payment details": the banking keys the tenant set, then the payment reference.
    static func drawBanking(_ invoice: InvoiceView, _ branding: DocumentBranding, _ style: DocumentStyle,
                            _ flow: PDFFlow) {
        var rows: [(label: String?, value: String, bold: Bool)] = bankingFields.compactMap { key, label in
            let value = DocumentStyle.trimmed(branding.banking[key] ?? "")
            return value.isEmpty ? nil : (label, value, false)
        }
        rows.append(("Reference", paymentReference(invoiceID: invoice.invoiceID, branding: branding), true))
        let column = InfoColumn("Payment details", rows, labelWidth: 100)
        let width = min(flow.width, 320)
        let height = column.draw(in: flow.document, x: 0, y: 0, width: width, style: style, drawing: false)
        flow.ensureSpace(height + 30)
        column.draw(in: flow.document, x: flow.left, y: flow.y, width: width, style: style, drawing: true)
        flow.space(height + 4)
        if invoice.balance.amount > 0 {
            flow.text("Please quote the reference with your payment.", font: DocumentStyle.small, color: style.muted,
                      spacingAfter: 8)
        }
    }
}
