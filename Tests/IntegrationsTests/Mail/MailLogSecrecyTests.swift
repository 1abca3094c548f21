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

extension MailDatabaseTests {
    /// No API key or relay password appears in logs, outbox errors or job errors, whatever the outcome.
    @Suite struct MailLogSecrecyTests {
        @Test func keysNeverReachLogsOrRecordedErrors() throws {
            let tenant = try MailTestEnvironment.makeTenant("secrecy")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let secretKey = "SG.leak-check.KEYMATERIAL-0123456789"
            let relayPassword = "RELAYPASSWORD-9876"
            let fake = try FakeSendGridServer(apiKeys: [secretKey])
            fake.script(.status(401))
            let capture = LogCapture()
            let logger = capture.logger(label: "worker")
            var settings = fakeSendGridSettings(fake, key: secretKey, requireTenantKey: false)
            let config = try MailTestEnvironment.workerConfig(settings)
            let loop = WorkerLoop(config: config, registry: WorkerFunction.registry(config: config), thread: 0,
                                  stop: StopFlag(), logger: logger)
            let refused = try MailTestEnvironment.enqueue(MailTestEnvironment.message(tenant: tenant)).outboxID
            try MailTestEnvironment.drain(loop, until: refused)
            fake.script(.status(503))
            let gateway = try MailTestEnvironment.enqueue(MailTestEnvironment.message(tenant: tenant)).outboxID
            try MailTestEnvironment.drain(loop, until: gateway)

            let relay = try FakeSMTPServer(script: .init(recipientReply: 550))
            settings = MailSettings(smtpURL: Secret(relay.url(user: "user", password: relayPassword)), smtpStartTLS: false)
            let smtpConfig = try MailTestEnvironment.workerConfig(settings)
            let smtpLoop = WorkerLoop(config: smtpConfig, registry: WorkerFunction.registry(config: smtpConfig), thread: 0,
                                      stop: StopFlag(), logger: logger)
            let bounced = try MailTestEnvironment.enqueue(MailTestEnvironment.message(tenant: tenant)).outboxID
            try MailTestEnvironment.drain(smtpLoop, until: bounced)

            #expect(try MailTestEnvironment.outbox(refused)["status"] == "failed")
            #expect(try MailTestEnvironment.outbox(gateway)["status"] == "pending")
            #expect(try MailTestEnvironment.outbox(bounced)["status"] == "failed")
            #expect(relay.passwords == [relayPassword], "the relay did receive the password")
            let recorded = try [refused, gateway, bounced].flatMap { id in
                [try MailTestEnvironment.outbox(id)["last_error"] ?? "", try MailTestEnvironment.job(id)["last_error"] ?? ""]
            }
            let everything = capture.lines.joined() + recorded.joined(separator: "\n")
            #expect(!capture.lines.isEmpty)
            for secret in [secretKey, "KEYMATERIAL", relayPassword] {
                #expect(!everything.contains(secret), "\(secret) leaked")
            }
            #expect(!everything.contains("zoe@example.com"), "recipient addresses stay out of logs and errors")
        }
    }
}
