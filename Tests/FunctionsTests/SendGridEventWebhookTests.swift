import InboundFunction
import Logging
import ProviderFakes
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// `POST /webhooks/sendgrid/events` on the inbound function, in-process, against the test database.
@Suite(.enabled(if: ProcessEnvironment.current()["DATABASE_URL"] != nil || ProcessEnvironment.current()["REQUIRE_SERVICES"] == "1"),
       .serialized)
struct SendGridEventWebhookTests {
    let signer = FakeSendGridEventSigner()

    private func respond(_ body: [UInt8], headers: [(String, String)], key: String?) throws -> Response {
        var extra = ["DEBUG_ROUTES": "0"]
        if let key { extra["SENDGRID_EVENT_PUBLIC_KEY"] = key }
        let url = try #require(ProcessEnvironment.current()["DATABASE_URL"])
        let function = FunctionUnderTest.all[0]
        var request = Request(method: .post, path: "/webhooks/sendgrid/events", headers: ["content-type": "application/json"], body: body)
        for (name, value) in headers { request.headers[name] = value }
        return function.respond(request, config: function.config(extra, databaseURL: url))
    }

    @Test func signedEventsAreRecordedOnceOnTheirMail() throws {
        let owner = try PGConnection(conninfo: try #require(ProcessEnvironment.current()["DATABASE_OWNER_URL"]))
        let key = "event-test-" + RequestID.generate()
        let mail = MailMessage(tenantID: nil, idempotencyKey: key, origin: .platform, from: MailAddress("no-reply@platform.example"),
                               to: [MailAddress("guest@example.com")], subject: "Your quote", text: "Hello")
        let enqueued = try Mailer.enqueue(mail, on: owner)
        let events = Array("""
            [{"event":"delivered","timestamp":1700000000,"sg_event_id":"ev-1-\(key)","outbox_id":"\(enqueued.outboxID)","outbox_key":"\(key)"},
             {"event":"bounce","timestamp":1700000100,"sg_event_id":"ev-2-\(key)","reason":"550 mailbox unavailable","outbox_id":"\(enqueued.outboxID)","outbox_key":"\(key)"},
             {"event":"open","timestamp":1700000200,"sg_event_id":"ev-3","outbox_id":"\(enqueued.outboxID)","outbox_key":"not-the-key"}]
            """.utf8)
        let first = try respond(events, headers: try signer.headers(for: events), key: signer.publicKey)
        #expect(first.status == 200)
        #expect(String(decoding: first.body, as: UTF8.self) == #"{"ignored":1,"recorded":2}"#)
        let again = try respond(events, headers: try signer.headers(for: events), key: signer.publicKey)
        #expect(String(decoding: again.body, as: UTF8.self) == #"{"ignored":3,"recorded":0}"#, "events are recorded once")
        let row = try #require(try owner.query("""
            SELECT jsonb_array_length(history) AS n, last_error FROM outbox WHERE id = \(Int(enqueued.outboxID))
            """).first)
        #expect(row["last_error"]?.hasPrefix("bounce: 550") == true)
        #expect(try row.int("n") >= 2)
    }

    @Test func unsignedOrUnconfiguredPostsAreRefused() throws {
        let body = Array(#"[{"event":"delivered"}]"#.utf8)
        #expect(try respond(body, headers: [], key: signer.publicKey).status == 401)
        var tampered = try signer.headers(for: body)
        tampered = tampered.map { ($0.0, $0.0.lowercased().hasSuffix("timestamp") ? String((Int($0.1) ?? 0) - 1) : $0.1) }
        #expect(try respond(body, headers: tampered, key: signer.publicKey).status == 401)
        #expect(try respond(body, headers: try signer.headers(for: body), key: FakeSendGridEventSigner().publicKey).status == 401)
        #expect(try respond(body, headers: try signer.headers(for: body), key: nil).status == 503)
    }
}
