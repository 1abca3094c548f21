import InboundFunction
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// The Inbound Parse webhook stores the whole post before it answers, once per message, and refuses what is not
/// SendGrid's.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct InboundWebhookTests {
    static let user = "sendgrid"
    static let password = "inbound-webhook-password-0123"
    static var basic: String {
        let url = Base64URL.encode(Array("\(user):\(password)".utf8))
        var text = String(url.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while text.utf8.count % 4 != 0 { text += "=" }
        return "Basic " + text
    }

    static func harness(configured: Bool = true) throws -> IdentityHarness {
        try IdentityHarness(extra: configured ? ["INBOUND_WEBHOOK_USERNAME": user, "INBOUND_WEBHOOK_PASSWORD": password] : [:],
                            function: "inbound", routes: InboundFunction.routes)
    }

    /// A multipart/form-data body as SendGrid posts it: text fields, then files.
    static func post(_ fields: [(String, String)], files: [(field: String, name: String, type: String, bytes: [UInt8])] = [])
        -> (body: [UInt8], contentType: String) {
        let boundary = "xYzZY" + String(Int.random(in: 100_000...999_999))
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    static func parsedMail(messageID: String?, subject: String = "Zanzibar in March") -> [(String, String)] {
        let id = messageID.map { "Message-ID: <\($0)>\r\n" } ?? ""
        return [
            ("headers", "Received: by mx.sendgrid.net\r\n\(id)From: Zoë <zoe@example.com>\r\nTo: quotes@acme.example\r\nSubject: \(subject)\r\n"),
            ("from", "Zoë <zoe@example.com>"), ("to", "quotes@acme.example"), ("subject", subject),
            ("text", "Hi, 2 adults, 7 nights in Zanzibar from 10 March 2027, budget R60,000. Zoë"),
            ("envelope", #"{"to":["quotes@acme.example"],"from":"zoe@example.com"}"#),
            ("charsets", #"{"to":"UTF-8","subject":"UTF-8","text":"UTF-8","from":"UTF-8"}"#), ("SPF", "pass"),
            ("attachments", "1"),
        ]
    }

    func send(_ harness: IdentityHarness, _ post: (body: [UInt8], contentType: String), auth: String? = basic,
              path: String = "/webhooks/email/inbound") -> IdentityHarness.Result {
        harness.call(.post, path, headers: auth.map { ["authorization": $0] } ?? [:], body: post.body,
                     contentType: post.contentType)
    }

    func count(_ key: String) throws -> Int {
        try IdentityHarness.owner().query("SELECT count(*) AS n FROM inbound_messages WHERE dedupe_key = \(key)").first?.int("n") ?? -1
    }

    @Test func aPostIsStoredWithItsAttachmentAndJobThenRedeliveriesAreDuplicates() throws {
        let harness = try Self.harness()
        let id = "msg-\(RequestID.generate())@mail.example.com"
        let pdf = Array("%PDF-1.4 itinerary".utf8)
        let post = Self.post(Self.parsedMail(messageID: id), files: [("attachment1", "itinerary.pdf", "application/pdf", pdf)])
        let first = send(harness, post)
        #expect(first.status == 200, "\(first.text)")
        #expect(first.json["status"]?.string == "stored")
        let stored = try #require(first.json["id"]?.string)
        let owner = try IdentityHarness.owner()
        let row = try #require(try owner.query("""
            SELECT form, message_id, fields->>'subject' AS subject, fields->>'text' AS text, status, job_id
            FROM inbound_messages WHERE id = \(stored)::uuid
            """).first)
        #expect(row["form"] == "parsed" && row["message_id"] == id.lowercased() && row["status"] == "received")
        #expect(row["text"]?.contains("Zanzibar") == true && row["subject"] == "Zanzibar in March")
        let attachment = try #require(try owner.query("""
            SELECT filename, content_type, content FROM inbound_attachments WHERE message_id = \(stored)::uuid
            """).first)
        #expect(attachment["filename"] == "itinerary.pdf" && attachment["content_type"] == "application/pdf")
        #expect(try attachment.bytes("content") == pdf)
        let job = try owner.query("SELECT kind, status FROM jobs WHERE id = \(try #require(row["job_id"]))::bigint").first
        #expect(job?["kind"] == "inbound.process" && job?["status"] == "queued")
        // SendGrid retries the same message five times: one row, one job, the same id answered.
        for _ in 0..<5 {
            let again = send(harness, Self.post(Self.parsedMail(messageID: id)))
            #expect(again.status == 200 && again.json["status"]?.string == "duplicate" && again.json["id"]?.string == stored)
        }
        #expect(try count("mid:" + id.lowercased()) == 1)
        #expect(try owner.query("SELECT count(*) AS n FROM jobs WHERE idempotency_key = \("inbound.process:" + stored)").first?["n"] == "1")
    }

    @Test func withoutAMessageIDTheSamePostIsADuplicateAndAnotherIsNot() throws {
        let harness = try Self.harness()
        let subject = "No id " + RequestID.generate()
        let fields = Self.parsedMail(messageID: nil, subject: subject)
        #expect(send(harness, Self.post(fields)).json["status"]?.string == "stored")
        #expect(send(harness, Self.post(fields)).json["status"]?.string == "duplicate")
        #expect(send(harness, Self.post(Self.parsedMail(messageID: nil, subject: subject + "!"))).json["status"]?.string == "stored")
    }

    @Test func theRawFormIsStoredWhole() throws {
        let harness = try Self.harness()
        let id = "raw-\(RequestID.generate())@example.org"
        let raw = "Message-ID:\r\n <\(id)>\r\nFrom: a@example.org\r\nSubject: =?UTF-8?B?w4lsw6huZQ==?=\r\n\r\nBody text\r\n"
        let result = send(harness, Self.post([("email", raw), ("to", "quotes@acme.example"), ("from", "a@example.org"),
                                              ("envelope", #"{"to":["quotes@acme.example"],"from":"a@example.org"}"#)]),
                          path: "/webhooks/email/inbound/acme")
        #expect(result.status == 200, "\(result.text)")
        let row = try IdentityHarness.owner().query("""
            SELECT form, url_tenant, message_id, fields->>'email' AS email FROM inbound_messages WHERE id = \(try #require(result.json["id"]?.string))::uuid
            """).first
        #expect(row?["form"] == "raw" && row?["url_tenant"] == "acme" && row?["message_id"] == id.lowercased())
        #expect(row?["email"] == raw)
    }

    @Test func whatIsNotSendGridsIsRefusedAndNothingIsStored() throws {
        let harness = try Self.harness()
        let id = "refused-\(RequestID.generate())@example.com"
        let post = Self.post(Self.parsedMail(messageID: id))
        #expect(send(harness, post, auth: nil).status == 401)
        #expect(send(harness, post, auth: "Basic c2VuZGdyaWQ6d3Jvbmc=").status == 401)
        #expect(send(harness, post, auth: "Bearer x").status == 401)
        let json = harness.call(.post, "/webhooks/email/inbound", headers: ["authorization": Self.basic], json: "{}")
        #expect(json.status == 415)
        #expect(send(harness, Self.post([("hello", "world")])).status == 400)
        #expect(send(harness, post, path: "/webhooks/email/inbound/Not%20A%20Tenant").status == 422)
        #expect(try count("mid:" + id) == 0)
        // No credentials configured: 503, so SendGrid keeps the mail and retries.
        let unconfigured = try Self.harness(configured: false)
        #expect(send(unconfigured, post).status == 503)
        #expect(try count("mid:" + id) == 0)
    }
}
