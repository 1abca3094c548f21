import Quoting
import Runtime
import SharedPlatform
import Testing

@Suite struct InvoiceEmailTests {
    typealias F = EmailFixtures

    static func render(
        _ invoice: InvoiceView = F.invoice(), branding: DocumentBranding = F.branding,
        templates: JSONValue? = nil
    ) throws -> RenderedEmail {
        try InvoiceEmail.render(invoice, branding: branding, templates: templates)
    }

    @Test func theEmailShowsAmountDueDueDateBankingAndTheReference() throws {
        let email = try Self.render(F.invoice(paid: 500_000))
        #expect(email.subject == "Invoice INV-20270402-D4E5F6 from Acme Travel")
        for part in [email.html, email.text] {
            #expect(part.contains("R 20,000.00"), "amount due")
            #expect(part.contains("9 April 2027"), "due date")
            #expect(part.contains("R 25,000.00"), "total")
            #expect(part.contains("R 5,000.00"), "paid")
            #expect(part.contains("First National Bank") && part.contains("Acme Travel (Pty) Ltd"))
            #expect(part.contains("62812345678") && part.contains("250655") && part.contains("FIRNZAJJ"))
            #expect(part.contains("ACME-INV-20270402-D4E5F6"), "payment reference")
            #expect(part.contains("Zoë Ñúñez"))
        }
        #expect(email.text.contains("Amount due: R 20,000.00"))
        #expect(email.text.contains("Please pay R 20,000.00 by 9 April 2027."))
        #expect(email.text.contains("Payment reference: ACME-INV-20270402-D4E5F6"))
        #expect(email.text.contains("Account number: 62812345678"))
        #expect(email.html.contains("<strong>ACME-INV-20270402-D4E5F6</strong>"))
        #expect(email.html.contains("Payment details"))
        #expect(email.text.contains("- Child (9): 1 x R 5,000.00 = R 5,000.00"))
    }

    @Test func withoutAPrefixTheReferenceIsTheInvoiceNumber() throws {
        var branding = F.branding
        branding.banking = [:]
        let email = try Self.render(branding: branding)
        #expect(email.text.contains("Payment reference: INV-20270402-D4E5F6\n"))
        #expect(!email.text.contains("PAYMENT DETAILS"))
        #expect(!email.html.contains("Payment details"))
        // The email quotes the same reference as the PDF (one rule: InvoicePDF.paymentReference).
        for prefix in [" ", "AFS"] {
            var branding = F.branding
            branding.banking["reference_prefix"] = prefix
            var invoice = F.invoice()
            invoice.invoiceID = "INV-1"
            #expect(InvoiceEmail.context(invoice, branding: branding)["payment_reference"]?.string
                    == (prefix == "AFS" ? "AFS-INV-1" : "INV-1"))
        }
    }

    @Test func discountAndTaxLinesAppearOnlyWhenSet() throws {
        let plain = try Self.render()
        #expect(!plain.text.contains("Discount") && !plain.text.contains("Tax"))
        let adjusted = try Self.render(F.invoice(discount: 250_000, tax: 337_500))
        #expect(adjusted.text.contains("Discount (10%): -R 2,500.00"))
        #expect(adjusted.text.contains("Tax (15%): R 3,375.00"))
        #expect(adjusted.text.contains("Amount due: R 25,875.00"))
        #expect(adjusted.html.contains("Tax (15%)"))
    }

    @Test func aPaidInvoiceSaysSoInsteadOfAskingForPayment() throws {
        let email = try Self.render(F.invoice(status: "paid", paid: 2_500_000))
        #expect(email.text.contains("This invoice is paid in full."))
        #expect(!email.text.contains("Please pay"))
        #expect(email.html.contains("paid in full"))
        let overdue = try Self.render(F.invoice(status: "overdue"))
        #expect(overdue.text.contains("(this invoice is now overdue)"))
    }

    @Test func hostileValuesAreEscapedInTheHTML() throws {
        var invoice = F.invoice(notes: "Pay <b>now</b> & \"thanks\"\nsecond line")
        invoice.customerName = "<script>alert(1)</script>"
        invoice.items[0].description = #"Tom & Jerry's "Inn""#
        let email = try Self.render(invoice)
        #expect(!email.html.contains("<script") && !email.html.contains("<b>now"))
        #expect(email.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(email.html.contains("Tom &amp; Jerry&#39;s &quot;Inn&quot;"))
        #expect(email.html.contains("Pay &lt;b&gt;now&lt;/b&gt; &amp; &quot;thanks&quot;\nsecond line"))
        #expect(email.text.contains(#"Tom & Jerry's "Inn""#))
        #expect(email.text.contains("Notes: Pay <b>now</b> & \"thanks\"\nsecond line"))
    }

    @Test func tagsBalance() throws {
        for invoice in [F.invoice(), F.invoice(status: "paid", paid: 2_500_000), F.invoice(discount: 1, tax: 1)] {
            let html = try Self.render(invoice).html
            #expect(F.count("<table", in: html) == F.count("</table>", in: html))
            #expect(F.count("<tr>", in: html) == F.count("</tr>", in: html))
            #expect(F.count("<td", in: html) == F.count("</td>", in: html))
            #expect(F.count("<p ", in: html) == F.count("</p>", in: html))
            #expect(!html.contains("{{"))
        }
    }

    @Test func theContextListsBankingByKey() {
        let context = InvoiceEmail.context(F.invoice(), branding: F.branding)
        #expect(context["banking"]?["swift_code"] == .string("FIRNZAJJ"))
        #expect(context["banking_lines"]?.array?.count == 5)
        #expect(
            context["banking_lines"]?.array?.first
                == .object([
                    "label": .string("Bank"),
                    "value": .string("First National Bank"),
                ]))
        #expect(context["invoice"]?["due_date_iso"] == .string("2027-04-09"))
        #expect(context["invoice"]?["paid"] == .null)
        #expect(context["has_banking"] == .bool(true))
        #expect(context["is_paid"] == .bool(false))
    }
}
