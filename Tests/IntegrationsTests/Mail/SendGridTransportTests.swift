import FoundationEssentials
import Integrations
import ProviderFakes
import Runtime
import RuntimeHTTPClient
import RuntimePostgres
import RuntimeTesting
import SharedPlatform
import Testing
import WorkerFunction

@Suite struct SendGridTransportTests {
    static let key = "SG.test-key.0123456789abcdefghijklmnop"

    func transport(_ fake: FakeSendGridServer, key: String = key) throws -> SendGridTransport {
        let client = try HTTPClient(configuration: .init(timeout: .seconds(5), allowPlainHTTPToLoopback: true))
        return SendGridTransport(credential: SendGridCredential(apiKey: Secret(key), baseURL: fake.baseURL, scope: .tenant),
                                 http: client, timeout: .seconds(5))
    }

    func mail(_ key: String = "sg:" + RequestID.generate()) -> StoredMail {
        StoredMail(id: 42, message: MailTestEnvironment.message(tenant: "acme", key: key))
    }

    @Test func sendsTheMailSendShapeFieldByField() throws {
        let fake = try FakeSendGridServer(apiKeys: [Self.key])
        let receipt = try transport(fake).deliver(mail("shape-1"), deadline: nil)
        let accepted = try #require(fake.accepted.first)
        #expect(receipt == .accepted(providerMessageID: accepted.messageID))
        let request = try #require(fake.requests.first)
        #expect(request.method == "POST" && request.path == "/v3/mail/send")
        #expect(request.headers["authorization"] == "Bearer " + Self.key)
        #expect(request.headers["content-type"] == "application/json")
        let body = accepted.body
        let personalization = try #require(body["personalizations"]?.array?.first)
        #expect(body["personalizations"]?.array?.count == 1)
        #expect(personalization["to"] == .array([.object(["email": .string("zoe@example.com"), "name": .string("Zoë Ñúñez")])]))
        #expect(personalization["cc"] == .array([.object(["email": .string("desk@acme.example")])]))
        #expect(body["from"] == .object(["email": .string("quotes@acme.example"), "name": .string("Acme Travel")]))
        #expect(body["reply_to"] == .object(["email": .string("desk@acme.example"), "name": .string("Acme Desk")]))
        #expect(body["subject"] == .string("Your quote QT-20270412-ABC123 ✈"))
        #expect(body["content"] == .array([
            .object(["type": .string("text/plain"), "value": .string("Hello Zoë,\nyour quote is attached.")]),
            .object(["type": .string("text/html"), "value": .string("<p>Hello Zoë,</p><p>your quote is attached.</p>")]),
        ]))
        let attachment = try #require(body["attachments"]?.array?.first)
        #expect(attachment["filename"] == .string("QT-20270412-ABC123.pdf"))
        #expect(attachment["type"] == .string("application/pdf"))
        #expect(attachment["disposition"] == .string("attachment"))
        let decoded = try #require(attachment["content"]?.string.flatMap { Data(base64Encoded: $0) })
        #expect(Array(decoded) == Array("%PDF-1.7 fake\u{0}\u{1}\u{2}".utf8))
        #expect(body["headers"] == .object(["In-Reply-To": .string("<inquiry-1@example.com>"),
                                            "References": .string("<inquiry-1@example.com>"),
                                            "Message-ID": .string(SMTPTransport.messageID(for: mail("shape-1").message))]))
        #expect(body["custom_args"] == .object(["outbox_key": .string("shape-1"), "outbox_id": .string("42"),
                                                "tenant_id": .string("acme")]))
        #expect(accepted.idempotencyKey == "shape-1")
    }

    @Test func textOnlyMailOmitsEmptyParts() throws {
        let fake = try FakeSendGridServer(apiKeys: [Self.key])
        let message = MailMessage(tenantID: nil, idempotencyKey: "plain-1", from: MailAddress("a@b.example"),
                                  to: [MailAddress("c@d.example")], subject: "Hi", text: "Plain")
        _ = try transport(fake).deliver(StoredMail(id: 1, message: message), deadline: nil)
        let body = try #require(fake.accepted.first?.body)
        #expect(body["attachments"] == nil && body["reply_to"] == nil)
        #expect(body["headers"] == .object(["Message-ID": .string(SMTPTransport.messageID(for: message))]))
        #expect(body["personalizations"]?.array?.first?["cc"] == nil)
        #expect(body["content"]?.array?.count == 1)
        #expect(body["custom_args"]?["tenant_id"] == nil)
    }

    @Test(arguments: [400, 401, 403, 413])
    func clientErrorsArePermanent(status: Int) throws {
        let fake = try FakeSendGridServer(apiKeys: [Self.key])
        fake.script(.status(status))
        let error = try #require(throws: MailDeliveryError.self) { try transport(fake).deliver(mail(), deadline: nil) }
        #expect(error.kind == .permanent && error.status == status)
        #expect(fake.accepted.isEmpty)
    }

    @Test func aWrongKeyIsPermanentAndNeverEchoed() throws {
        let fake = try FakeSendGridServer(apiKeys: [Self.key])
        let wrong = "SG.wrong-key.SECRETSECRETSECRET"
        let error = try #require(throws: MailDeliveryError.self) { try transport(fake, key: wrong).deliver(mail(), deadline: nil) }
        #expect(error.kind == .permanent && error.status == 401)
        #expect(!error.description.contains("SECRETSECRET") && !String(reflecting: error).contains("SECRETSECRET"))
    }

    @Test(arguments: [500, 502, 503])
    func serverErrorsAreRetryable(status: Int) throws {
        let fake = try FakeSendGridServer(apiKeys: [Self.key])
        fake.script(.status(status))
        let error = try #require(throws: MailDeliveryError.self) { try transport(fake).deliver(mail(), deadline: nil) }
        #expect(error.kind == .retryable && error.status == status && error.retryAfter == nil)
    }

    @Test func tooManyRequestsCarriesRetryAfter() throws {
        let fake = try FakeSendGridServer(apiKeys: [Self.key])
        fake.script(.tooManyRequests(retryAfter: 7))
        let error = try #require(throws: MailDeliveryError.self) { try transport(fake).deliver(mail(), deadline: nil) }
        #expect(error.kind == .retryable && error.status == 429 && error.retryAfter == .seconds(7))
    }

    @Test func droppedConnectionsAndTimeoutsAreRetryable() throws {
        let fake = try FakeSendGridServer(apiKeys: [Self.key])
        fake.script(.drop, .slow(.seconds(3)))
        let dropped = try #require(throws: MailDeliveryError.self) { try transport(fake).deliver(mail(), deadline: nil) }
        #expect(dropped.kind == .retryable)
        let started = ContinuousClock.now
        let timedOut = try #require(throws: MailDeliveryError.self) {
            try transport(fake).deliver(mail(), deadline: Deadline(after: .milliseconds(500)))
        }
        #expect(timedOut.kind == .retryable && ContinuousClock.now - started < .seconds(2))
        #expect(fake.accepted.isEmpty, "a request the client gave up on is not accepted")
    }

    @Test func theFakeRefusesBadShapes() throws {
        let problems = FakeSendGridServer.validate([
            "personalizations": .array([.object(["to": .array([])])]),
            "from": .object(["email": .string("not-an-address")]),
            "content": .array([.object(["type": .string("text/html"), "value": .string("<p>x</p>")]),
                               .object(["type": .string("text/plain"), "value": .string("x")])]),
            "attachments": .array([.object(["content": .string("***"), "filename": .string("")])]),
            "headers": .object(["From": .string("x@y.example")]),
        ])
        let fields = Set(problems.compactMap(\.field))
        for field in ["personalizations.0.to", "subject", "from.email", "content.0.type", "attachments.0.content",
                      "attachments.0.filename", "headers.From"] {
            #expect(fields.contains(field), "expected a problem for \(field)")
        }
    }
}
