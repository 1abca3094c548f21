import Runtime
import RuntimePostgres
import Testing

/// Every CRM and invoice route, called with tenant A's token and tenant B's ids, answers 404 and changes nothing;
/// lists never show B's data. Deleting is for admins.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct CRMCrossTenantTests {
    @Test func aTenantCannotReachAnotherTenantsClientsOrInvoices() throws {
        let a = try CRMFixture("crm-a")
        let b = try CRMFixture("crm-b", harness: a.harness)
        defer { a.drop(); b.drop() }
        let client = try b.makeClient("Secret Client", "secret@b.example")
        let clientID = try #require(client["id"]?.string), clientCode = try #require(client["client_id"]?.string)
        let noteID = try #require(b.call(.post, "/api/v1/crm/clients/\(clientID)/activities",
                                         json: #"{"kind":"note","note":"B only"}"#).json["activity"]?["id"]?.string)
        let quote = try b.insertQuote(email: "secret@b.example", options: [CRMFixture.option("Hidden", "ZAR", [(1, 5_000)])],
                                      clientUUID: clientID)
        let invoice = try b.makeInvoice()
        let invoiceID = try #require(invoice["id"]?.string), invoiceCode = try #require(invoice["invoice_id"]?.string)
        #expect(b.call(.patch, "/api/v1/invoices/\(invoiceID)/status", json: #"{"status":"sent"}"#).status == 200)

        for reference in [clientID, clientCode] {
            for (method, path, body) in [
                (HTTPMethod.get, "/api/v1/crm/clients/\(reference)", nil as String?),
                (.patch, "/api/v1/crm/clients/\(reference)", #"{"name":"hijack"}"#),
                (.patch, "/api/v1/crm/clients/\(reference)/stage", #"{"stage":"LOST"}"#),
                (.get, "/api/v1/crm/clients/\(reference)/activities", nil),
                (.post, "/api/v1/crm/clients/\(reference)/activities", #"{"kind":"note","note":"x"}"#),
                (.delete, "/api/v1/crm/clients/\(reference)/activities/\(noteID)", nil),
                (.delete, "/api/v1/crm/clients/\(reference)", nil),
            ] {
                let result = a.call(method, path, json: body)
                #expect(result.status == 404, "\(method) \(path) → \(result.status)")
            }
        }
        for reference in [invoiceID, invoiceCode] {
            for (method, path, body) in [
                (HTTPMethod.get, "/api/v1/invoices/\(reference)", nil as String?),
                (.patch, "/api/v1/invoices/\(reference)", #"{"notes":"hijack"}"#),
                (.delete, "/api/v1/invoices/\(reference)", nil),
                (.patch, "/api/v1/invoices/\(reference)/travelers", #"[{"name":"X","type":"adult"}]"#),
                (.patch, "/api/v1/invoices/\(reference)/status", #"{"status":"cancelled"}"#),
                (.get, "/api/v1/invoices/\(reference)/payments", nil),
                (.post, "/api/v1/invoices/\(reference)/payments", #"{"amount":100}"#),
            ] {
                let result = a.call(method, path, json: body)
                #expect(result.status == 404, "\(method) \(path) → \(result.status)")
            }
        }
        for reference in [quote.uuid, quote.quoteID] {
            let result = a.call(.post, "/api/v1/invoices/convert-quote", json: #"{"quote_id":"\#(reference)","option":0}"#)
            #expect(result.status == 404, "convert \(reference) → \(result.status)")
        }

        // A's lists and summaries show nothing of B.
        for path in ["/api/v1/crm/clients", "/api/v1/crm/clients?search=secret", "/api/v1/invoices", "/api/v1/invoices?search=ana"] {
            let listed = a.call(.get, path)
            #expect(listed.status == 200 && listed.json["total"]?.number == 0, "\(path): \(listed.text)")
            #expect(!listed.text.contains(clientID) && !listed.text.contains(invoiceID))
        }
        #expect(a.call(.get, "/api/v1/crm/pipeline").json["stages"]?.array?.allSatisfy { $0["count"]?.number == 0 } == true)
        #expect(a.call(.get, "/api/v1/crm/stats").json["total_clients"]?.number == 0)

        // B's data is untouched.
        let after = b.call(.get, "/api/v1/crm/clients/\(clientID)").json["client"]
        #expect(after?["name"]?.string == "Secret Client" && after?["stage"]?.string == "QUOTED")
        #expect(b.call(.get, "/api/v1/crm/clients/\(clientID)/activities").json["total"]?.number == 2)
        let invoiceAfter = b.call(.get, "/api/v1/invoices/\(invoiceID)").json["invoice"]
        #expect(invoiceAfter?["status"]?.string == "sent" && invoiceAfter?["payments"]?.array?.isEmpty == true)
        #expect(invoiceAfter?["travelers"]?.array?.isEmpty == true && invoiceAfter?["notes"]?.string == "")
        #expect(try b.scalar("SELECT status AS v FROM quotes WHERE id = \(quote.uuid)::uuid") == "accepted")
    }

    @Test func consultantsWorkTheCRMButCannotDelete() throws {
        let fixture = try CRMFixture("crm-roles")
        defer { fixture.drop() }
        let email = "consultant@\(fixture.tenant.id).example.com"
        #expect(fixture.call(.post, "/api/v1/invitations", json: #"{"email":"\#(email)","role":"consultant"}"#).status == 201)
        let invitation = try fixture.harness.mailedToken(to: email, prefix: "inv_")
        let accepted = fixture.harness.call(.post, "/api/v1/invitations/accept",
                                            json: #"{"token":"\#(invitation)","password":"Consultant-pass-1","name":"Cleo"}"#)
        let consultant = try #require(accepted.json["access_token"]?.string)
        let consultantID = try #require(accepted.json["user"]?["id"]?.string)

        let created = fixture.call(.post, "/api/v1/crm/clients", json: #"{"name":"Rita","email":"rita@example.com","consultant_id":"\#(consultantID)"}"#,
                                   token: consultant)
        #expect(created.status == 201 && created.json["client"]?["consultant_id"]?.string == consultantID)
        let id = try #require(created.json["client"]?["id"]?.string)
        #expect(fixture.call(.get, "/api/v1/crm/clients?consultant_id=\(consultantID)").json["total"]?.number == 1)
        let adminNote = try #require(fixture.call(.post, "/api/v1/crm/clients/\(id)/activities",
                                                  json: #"{"kind":"note","note":"admin's"}"#).json["activity"]?["id"]?.string)
        #expect(fixture.call(.delete, "/api/v1/crm/clients/\(id)/activities/\(adminNote)", token: consultant).status == 403)
        #expect(fixture.call(.delete, "/api/v1/crm/clients/\(id)", token: consultant).status == 403)

        let invoice = fixture.call(.post, "/api/v1/invoices", json: """
            {"customer_name":"Rita","customer_email":"rita@example.com","items":[{"description":"Tour","quantity":1,"unit_price":100}]}
            """, token: consultant)
        #expect(invoice.status == 201)
        let invoiceID = try #require(invoice.json["invoice"]?["id"]?.string)
        #expect(fixture.call(.delete, "/api/v1/invoices/\(invoiceID)", token: consultant).status == 403)
        #expect(fixture.call(.delete, "/api/v1/invoices/\(invoiceID)").status == 204)
        #expect(fixture.call(.delete, "/api/v1/crm/clients/\(id)").status == 204)
    }
}
