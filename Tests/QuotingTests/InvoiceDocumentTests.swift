import Runtime
import SharedPlatform
import Testing

@testable import Quoting

/// The invoice PDF, rendered for real and read back with `pdfinfo` and `pdftotext`.
@Suite struct InvoiceDocumentTests {
    private func render(_ invoice: InvoiceView, _ branding: DocumentBranding = PDFFixtures.branding())
        throws -> (text: String, pages: Int) {
        let pdf = try InvoicePDF.render(invoice, branding: branding)
        PDFTestTools.dump(pdf, "invoice-\(invoice.items.count)")
        let info = try PDFTestTools.info(pdf)
        #expect(info.status == 0, "pdfinfo: \(info.output)")
        return (PDFTestTools.squeezed(try PDFTestTools.text(pdf)), info.pages ?? 0)
    }

    @Test func anInvoiceShowsItemsTotalsBalanceTravellersAndBanking() throws {
        let invoice = PDFFixtures.invoice()
        let (text, pages) = try render(invoice)
        #expect(pages == 1)
        for expected in [
            "INVOICE", "INV-20270401-0042", "Zoë Ñúñez-Øster", "Ἀλέξανδρος Øster", "3 May 2018", "X1234567",
            "Issue date 1 March 2027", "Due date 31 March 2027", "Partially paid", "QT-20270329-a1b2c3",
            "1 Service 1: Transfer Αθήνα → Пирей 2 €125.00 €250.00",
            "3 Service 3: Transfer Αθήνα → Пирей 2 €375.00 €750.00",
            "Subtotal \(invoice.subtotal.formatted)", "Discount (10%) −\(invoice.discount.formatted)",
            "Tax (15%) \(invoice.tax.formatted)", "Total \(invoice.total.formatted)", "Paid \(invoice.paid.formatted)",
            "Balance due \(invoice.balance.formatted)", "Thank you for travelling with us.",
            "Bank First Test Bank", "Account number 62001234567", "SWIFT / BIC FTBAZAJJ",
            "Reference INV-20270401-0042",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // Only the banking keys the tenant set; no hard-coded bank or disclaimers.
        #expect(!text.contains("Branch code") && !text.contains("Account name"))
        #expect(!text.contains("First National Bank") && !text.contains("birth certificate"))
    }

    @Test func theReferencePrefixComesFromBankingWhenSet() throws {
        var branding = PDFFixtures.branding()
        branding.banking["reference_prefix"] = "AFS"
        #expect(try render(PDFFixtures.invoice(), branding).text.contains("Reference AFS-INV-20270401-0042"))
        func reference(_ company: String) -> String {
            InvoicePDF.paymentReference(invoiceID: "INV-1", branding: DocumentBranding(companyName: company))
        }
        #expect(reference("") == "INV-1")
        #expect(reference("sól & mar viagens") == "INV-1")
    }

    @Test func manyItemsFlowOntoMorePagesAndTheBalanceIsOnTheLast() throws {
        let invoice = PDFFixtures.invoice(items: 80, currency: "INR")
        let pdf = try InvoicePDF.render(invoice, branding: PDFFixtures.branding(logo: PDFFixtures.png))
        PDFTestTools.dump(pdf, "invoice-80")
        let pages = try #require(try PDFTestTools.info(pdf).pages)
        #expect(pages >= 3)
        let text = try PDFTestTools.text(pdf)
        let last = PDFTestTools.squeezed(PDFTestTools.page(text, pages))
        #expect(last.contains("Balance due \(invoice.balance.formatted)"))
        #expect(last.contains("Page \(pages) of \(pages)"))
        let all = PDFTestTools.squeezed(text)
        #expect(all.contains("80 Service 80: Transfer Αθήνα → Пирей 2 ₹10,000.00 ₹20,000.00"))
        // The table header is repeated on each page the table reaches.
        #expect(PDFTestTools.squeezed(PDFTestTools.page(text, 2)).contains("# Description Qty Unit price Amount"))
    }

    @Test func percentagesPrintWithoutNeedlessDecimals() {
        #expect(InvoicePDF.percentText(15) == "15%")
        #expect(InvoicePDF.percentText(7.5) == "7.5%")
        #expect(InvoicePDF.percentText(12.25) == "12.25%")
        #expect(InvoicePDF.percentText(0.05) == "0.05%")
        #expect(InvoicePDF.percentText(.nan) == "0%")
    }
}
