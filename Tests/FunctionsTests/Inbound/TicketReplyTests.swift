import InboundFunction
import InboundMail
import Integrations
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// `POST …/{id}/reply` really emails the customer, threaded, from the tenant's sender, with the text escaped in HTML.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct TicketReplyTests {
    struct Mail {
        let to: String, from: String, fromName: String?, replyTo: String?, subject: String, text: String, html: String
        let headers: JSONValue, key: String
    }

    func mail(_ outboxID: Int) throws -> Mail {
        let row = try #require(try IdentityHarness.owner().query("""
            SELECT to_address, from_address, from_name, reply_to, subject, text_body, html_body, headers::text AS headers,
                   idempotency_key FROM outbox WHERE id = \(outboxID)
            """).first)
        return Mail(to: try row.string("to_address"), from: try row.string("from_address"), fromName: row["from_name"],
                    replyTo: row["reply_to"], subject: try row.string("subject"), text: try row.string("text_body"),
                    html: row["html_body"] ?? "",
                    headers: (try? JSON.decode(JSONValue.self, from: Array(try row.string("headers").utf8))) ?? .null,
                    key: try row.string("idempotency_key"))
    }

    @Test func replyIsThreadedEscapedAndRecorded() throws {
        let t = try TicketWorld.make("ry")
        defer { t.drop() }
        let (id, ref) = try t.emailTicket(subject: "Zanzibar <script>alert(1)</script>",
                                          message: "Please <script>alert('x')</script> quote")
        let consultant = try t.world.addConsultant("Rita Reply")
        #expect(t.call(.patch, "/api/v1/inbound/tickets/\(id)", json: #"{"assigned_to":"\#(consultant.id)"}"#).status == 200)
        let text = "Dear Zoë,\n\nthanks — <b>we</b> & our <script>alert(2)</script> partners will quote today.\nRita"
        let replied = t.call(.post, "/api/v1/inbound/tickets/\(ref)/reply", json: #"{"message":\#(String(decoding: try JSON.encode(text), as: UTF8.self))}"#,
                             token: consultant.token)
        #expect(replied.status == 200, "\(replied.text)")
        let outboxID = try #require(replied.json["outbox_id"]?.number.map { Int($0) })
        let sent = try mail(outboxID)
        #expect(sent.to == "zoe@example.com" && sent.from == "quotes@\(t.tenant.id).example.com" && sent.fromName == "Sunny Travel")
        #expect(sent.replyTo == "rita.reply@\(t.tenant.id).example.com", "no tenant reply_to: the assignee, like a quote's consultant")
        #expect(sent.subject == "Re: Zanzibar <script>alert(1)</script>")
        #expect(sent.text == text)
        #expect(sent.html.contains("&lt;script&gt;alert(2)&lt;/script&gt;") && !sent.html.contains("<script>"))
        #expect(sent.html.contains("&lt;b&gt;we&lt;/b&gt; &amp; our") && sent.html.contains("<br>Rita"))
        #expect(sent.headers == .object(["In-Reply-To": .string("<inq-1@mail.example>"), "References": .string("<inq-1@mail.example>")]))
        let ticket = try #require(replied.json["ticket"])
        #expect(ticket["status"]?.string == "in_progress")
        let entry = try #require(ticket["conversation"]?.array?.last)
        #expect(entry["role"]?.string == "agent" && entry["content"]?.string == text && entry["author"]?.string == consultant.id)
        let ours = try #require(entry["message_id"]?.string)
        #expect(ours.hasPrefix("<") && ours.hasSuffix("@\(t.tenant.id).example.com>"), "a Message-ID on the sender's domain")
        let message = MailMessage(tenantID: t.tenant.id, idempotencyKey: sent.key, from: MailAddress(sent.from), to: [MailAddress(sent.to)],
                                  subject: sent.subject, text: sent.text)
        #expect(ours == SMTPTransport.messageID(for: message), "the id the SMTP transport writes")
        #expect(try t.activities(id).suffix(2).map(\.kind) == ["replied", "status_change"])

        // The customer answers; our second reply threads under their answer and references the whole exchange.
        try t.withTenant { connection in
            try Tickets.append(["role": .string("customer"), "content": .string("Thanks!"), "at": .string(Timestamp.now()),
                                "message_id": .string("<answer-2@mail.example>")], to: id, on: connection)
        }
        #expect(t.call(.patch, "/api/v1/tenant/config", json: #"{"email":{"reply_to":"desk@agency.example"}}"#).status == 200)
        let second = t.call(.post, "/api/v1/inbound/tickets/\(id)/reply", json: #"{"message":"Re: attached soon."}"#)
        #expect(second.status == 200, "\(second.text)")
        let again = try mail(try #require(second.json["outbox_id"]?.number.map { Int($0) }))
        #expect(again.headers["In-Reply-To"]?.string == "<answer-2@mail.example>")
        #expect(again.headers["References"]?.string == "<inq-1@mail.example> \(ours) <answer-2@mail.example>")
        #expect(again.subject == "Re: Zanzibar <script>alert(1)</script>")
        #expect(again.key != sent.key && again.replyTo == "desk@agency.example", "the tenant's reply_to comes first")
        #expect(second.json["ticket"]?["status"]?.string == "in_progress")
    }

    @Test func replyRefusals() throws {
        let t = try TicketWorld.make("rz")
        defer { t.drop() }
        let (id, _) = try t.emailTicket(subject: "RE: my trip", messageID: nil)
        let plain = t.call(.post, "/api/v1/inbound/tickets/\(id)/reply", json: #"{"message":"Hello"}"#)
        #expect(plain.status == 200, "\(plain.text)")
        let sent = try mail(try #require(plain.json["outbox_id"]?.number.map { Int($0) }))
        #expect(sent.subject == "RE: my trip" && sent.headers == .object([:]), "no ids: no threading headers, no second Re:")
        for body in [#"{"message":""}"#, #"{"message":"   "}"#, #"{}"#,
                     #"{"message":"\#(String(repeating: "x", count: 20_001))"}"#] {
            let refused = t.call(.post, "/api/v1/inbound/tickets/\(id)/reply", json: body)
            #expect(refused.status == 422 && refused.json["error"]?["field"]?.string == "message")
        }
        let (phoneOnly, _) = try t.emailTicket(email: nil)
        let noEmail = t.call(.post, "/api/v1/inbound/tickets/\(phoneOnly)/reply", json: #"{"message":"Hello"}"#)
        #expect(noEmail.status == 422 && noEmail.json["error"]?["field"]?.string == "customer.email")
        try t.force(id, status: "closed")
        #expect(t.call(.post, "/api/v1/inbound/tickets/\(id)/reply", json: #"{"message":"Hello"}"#).status == 409)
        let (other, _) = try t.emailTicket()
        #expect(t.call(.patch, "/api/v1/tenant/config", json: #"{"email":{"from_address":null}}"#).status == 200)
        let unconfigured = t.call(.post, "/api/v1/inbound/tickets/\(other)/reply", json: #"{"message":"Hello"}"#)
        #expect(unconfigured.status == 409 && unconfigured.errorCode == "sender_not_configured", "\(unconfigured.text)")
        #expect(try t.status(other) == "open")
        let mails = try IdentityHarness.owner().query("SELECT count(*) AS n FROM outbox WHERE tenant_id = \(t.tenant.id)").first?["n"]
        #expect(mails == "1", "only the first reply was queued")
    }
}
