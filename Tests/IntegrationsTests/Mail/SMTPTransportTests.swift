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

@Suite struct SMTPTransportTests {
    func transport(_ fake: FakeSMTPServer, user: String? = "relay-user", password: String? = "relay-pass-S3CRET")
        throws -> SMTPTransport
    {
        let client = try SMTPClient(url: Secret(fake.url(user: user, password: password)),
                                    configuration: .init(timeout: .seconds(5), allowPlaintextToLoopback: true))
        #expect(client.tlsMode == .none)
        return SMTPTransport(client: client, now: { 1_783_000_000 })
    }

    func mail(_ key: String = "smtp:" + RequestID.generate()) -> StoredMail {
        StoredMail(id: 7, message: MailTestEnvironment.message(tenant: "acme", key: key))
    }

    @Test func deliversTheEnvelopeAndAMIMEMessage() throws {
        let fake = try FakeSMTPServer()
        let stored = mail("smtp-shape-1")
        let receipt = try transport(fake).deliver(stored, deadline: nil)
        let delivery = try #require(fake.deliveries.first)
        #expect(receipt == .accepted(providerMessageID: SMTPTransport.messageID(for: stored.message)))
        #expect(delivery.mailFrom == "quotes@acme.example")
        #expect(delivery.recipients == ["zoe@example.com", "desk@acme.example"])
        #expect(delivery.username == "relay-user" && fake.passwords == ["relay-pass-S3CRET"])
        let text = delivery.text
        #expect(text.contains("From: \"Acme Travel\" <quotes@acme.example>\r\n"))
        #expect(text.contains("To: =?UTF-8?B?") && text.contains(" <zoe@example.com>"))
        #expect(text.contains("Cc: <desk@acme.example>\r\n"))
        #expect(text.contains("Reply-To: \"Acme Desk\" <desk@acme.example>\r\n"))
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("In-Reply-To: <inquiry-1@example.com>\r\nReferences: <inquiry-1@example.com>\r\n"))
        #expect(text.contains("Message-ID: \(SMTPTransport.messageID(for: stored.message))\r\n"))
        #expect(text.contains("Date: Thu, 02 Jul 2026 "))
        #expect(text.contains("Content-Type: multipart/mixed;") && text.contains("Content-Type: multipart/alternative;"))
        let plain = try #require(text.firstRange(of: "text/plain"))
        let html = try #require(text.firstRange(of: "text/html"))
        #expect(plain.lowerBound < html.lowerBound)
        #expect(text.contains("Content-Disposition: attachment; filename=\"QT-20270412-ABC123.pdf\""))
        let encodedPDF = Data(Array("%PDF-1.7 fake\u{0}\u{1}\u{2}".utf8)).base64EncodedString()
        #expect(text.contains(encodedPDF))
    }

    @Test func theMessageIDIsStablePerIdempotencyKey() {
        let first = SMTPTransport.messageID(for: mail("same-key").message)
        #expect(first == SMTPTransport.messageID(for: mail("same-key").message))
        #expect(first != SMTPTransport.messageID(for: mail("other-key").message))
        #expect(first.hasPrefix("<") && first.hasSuffix("@acme.example>"))
    }

    @Test func aRefusedRecipientIsPermanentAndATemporaryOneRetryable() throws {
        let fake = try FakeSMTPServer(script: .init(recipientReply: 550))
        let permanent = try #require(throws: MailDeliveryError.self) { try transport(fake).deliver(mail(), deadline: nil) }
        #expect(permanent.kind == .permanent && permanent.status == 550)
        fake.setScript(.init(dataReply: 451))
        let temporary = try #require(throws: MailDeliveryError.self) { try transport(fake).deliver(mail(), deadline: nil) }
        #expect(temporary.kind == .retryable && temporary.status == 451)
        #expect(fake.deliveries.isEmpty)
        #expect(!permanent.description.contains("S3CRET") && !temporary.description.contains("S3CRET"))
    }

    /// STARTTLS is required on smtp:// unless plaintext to loopback was allowed: against a relay that does not
    /// offer it (or offers it and then fails), libcurl refuses to send (CURLE_USE_SSL_FAILED = 64).
    @Test(arguments: [false, true])
    func startTLSIsRequiredByDefault(advertised: Bool) throws {
        let fake = try FakeSMTPServer(script: .init(advertisesStartTLS: advertised))
        let client = try SMTPClient(url: Secret(fake.url()), configuration: .init(timeout: .seconds(5)))
        #expect(client.tlsMode == .startTLS)
        let error = try #require(throws: HTTPClientError.self) {
            try client.send(from: "a@b.example", to: ["c@d.example"], message: Array("Subject: x\r\n\r\nx\r\n".utf8))
        }
        #expect(error.curlCode == 64 || (advertised && error.curlCode == 35), "got \(String(reflecting: error))")
        #expect(fake.deliveries.isEmpty)
    }

    @Test func thePolicyRefusesOtherSchemesAndKeepsTLSForRemoteRelays() throws {
        let plaintext = SMTPClient.Configuration(allowPlaintextToLoopback: true)
        #expect(try SMTPClient(url: Secret("smtp://relay.example.com:587"), configuration: plaintext).tlsMode == .startTLS)
        #expect(try SMTPClient(url: Secret("smtps://relay.example.com:465")).tlsMode == .implicit)
        let error = try #require(throws: HTTPClientError.self) { try SMTPClient(url: Secret("http://user:pw@relay.example.com")) }
        #expect(error.code == .insecureURL && !error.description.contains("pw"))
    }

    @Test func aDeadRelayIsRetryable() throws {
        let fake = try FakeSMTPServer()
        let url = fake.url()
        fake.stop()
        let client = try SMTPClient(url: Secret(url), configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(2),
                                                                           allowPlaintextToLoopback: true))
        let error = try #require(throws: MailDeliveryError.self) {
            try SMTPTransport(client: client).deliver(mail(), deadline: nil)
        }
        #expect(error.kind == .retryable)
    }
}

@Suite struct MIMEMessageTests {
    @Test func nonASCIIHeadersBecomeEncodedWordsThatRoundTrip() throws {
        let message = MailMessage(tenantID: nil, idempotencyKey: "mime-1", from: MailAddress("a@b.example", name: "Zoë"),
                                  to: [MailAddress("c@d.example")], subject: String(repeating: "Ñandú ✈ ", count: 12),
                                  text: "x", attachments: [MailAttachment(filename: "Résumé.pdf", content: [1, 2, 3])])
        let text = String(decoding: MIMEMessage(message, messageID: "<x@b.example>", date: "D").bytes, as: UTF8.self)
        let subjectLines = text.split(separator: "\r\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("Subject:") }
            .prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        var decoded = ""
        for line in subjectLines {
            let word = String(line.replacing("Subject: ", with: "")).trimmingASCIIWhitespace()
            #expect(word.count <= 75 && word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let payload = String(word.dropFirst(10).dropLast(2))
            decoded += String(decoding: try #require(Data(base64Encoded: payload)), as: UTF8.self)
        }
        #expect(decoded == message.subject)
        #expect(text.contains("From: =?UTF-8?B?Wm/Dqw==?= <a@b.example>"))
        #expect(text.contains("filename*=UTF-8''R%C3%A9sum%C3%A9.pdf"))
        #expect(text.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 998 })
    }

    @Test func datesAreRFC5322() {
        #expect(MIMEMessage.date(epochSeconds: 0) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MIMEMessage.date(epochSeconds: 1_783_000_000).hasPrefix("Thu, 02 Jul 2026"))
    }
}
