import QuotesFunction
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// The whole path a consultant walks: a generated quote is accepted with one of its options, converted to an
/// invoice carrying that option's items and total, and the invoice is rendered and emailed.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct QuoteToInvoiceTests {
    @Test func anAcceptedOptionBecomesAnInvoiceThatIsRenderedAndSent() throws {
        let world = try QuoteWorld.make("toinv")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let created = world.call(.post, "/api/v1/quotes/generate", json: QuoteWorld.inquiry(ages: [7]))
        let id = try #require(created.json["quote"]?["quote_id"]?.string)
        let chosen = try #require(created.json["quote"]?["options"]?.array?[1])
        #expect(world.call(.patch, "/api/v1/quotes/\(id)/status", json: #"{"status":"accepted","selected_option":1}"#).status == 200)
        let converted = world.call(.post, "/api/v1/invoices/convert-quote", json: #"{"quote_id":"\#(id)"}"#)
        #expect(converted.status == 201, "\(converted.text)")
        let invoice = try #require(converted.json["invoice"])
        // Palm Beach (option 2): 2 adults sharing × 11,000 + 1 child × 5,500 = 27,500.
        #expect(invoice["total"]?["amount"]?.number == chosen["total"]?["amount"]?.number)
        #expect(invoice["total"]?["amount"]?.number == 2_750_000)
        let items = try #require(invoice["items"]?.array)
        #expect(items.count == chosen["items"]?.array?.count)
        #expect(items.map { $0["quantity"]?.number } == [2, 1])
        #expect(world.call(.get, "/api/v1/quotes/\(id)").json["quote"]?["status"]?.string == "converted")

        let number = try #require(invoice["invoice_id"]?.string)
        let pdf = world.call(.get, "/api/v1/invoices/\(number)/pdf")
        #expect(pdf.status == 200 && pdf.response.headers["content-type"] == "application/pdf")
        #expect(pdf.response.body.starts(with: Array("%PDF".utf8)))
        let sent = world.call(.post, "/api/v1/invoices/\(number)/send", json: #"{"cc":"Accounts@Example.com"}"#)
        #expect(sent.status == 200, "\(sent.text)")
        #expect(sent.json["status"]?.string == "sent")
        let mail = try #require(try IdentityHarness.owner().query("""
            SELECT o.subject, o.cc_list::text AS cc, a.filename FROM outbox o JOIN outbox_attachments a ON a.outbox_id = o.id
            WHERE o.tenant_id = \(world.tenant.id) AND a.filename LIKE 'Invoice_%'
            """).first)
        #expect(mail["filename"] == "Invoice_\(number).pdf")
        #expect(mail["cc"]?.contains("accounts@example.com") == true)
        #expect(world.call(.post, "/api/v1/invoices/\(number)/send").status == 200)
        // Cancelled: no more email, and a payment is refused.
        #expect(world.call(.patch, "/api/v1/invoices/\(number)/status", json: #"{"status":"cancelled"}"#).status == 200)
        #expect(world.call(.post, "/api/v1/invoices/\(number)/send").status == 409)
        let payment = world.call(.post, "/api/v1/invoices/\(number)/payments", json: #"{"amount":1000}"#)
        #expect(payment.status == 409)

        // Another tenant reaches none of it.
        let other = try QuoteWorld.make("toinv2", harness: world.harness)
        defer { IdentityHarness.dropTenant(other.tenant.id) }
        #expect(other.call(.get, "/api/v1/invoices/\(number)/pdf").status == 404)
        #expect(other.call(.post, "/api/v1/invoices/\(number)/send").status == 404)
    }
}
