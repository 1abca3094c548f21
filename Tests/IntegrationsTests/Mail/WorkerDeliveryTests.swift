import FoundationEssentials
import Integrations
import Logging
import ProviderFakes
import Runtime
import RuntimeHTTPClient
import RuntimePostgres
import RuntimeTesting
import SharedPlatform
import Testing
import WorkerFunction

extension MailDatabaseTests {
    @Suite struct WorkerDeliveryTests {
        static let key = "SG.worker-tests.0123456789abcdef"

        func loop(_ settings: MailSettings, tenantKey: @escaping TenantMailKeyLookup = { _, _ in nil },
                  logger: Logger = MailTestEnvironment.logger) throws -> WorkerLoop {
            let config = try MailTestEnvironment.workerConfig(settings)
            return WorkerLoop(config: config, registry: WorkerFunction.registry(config: config, tenantKey: tenantKey), thread: 0,
                              stop: StopFlag(), logger: logger)
        }

        @Test func aQueuedMailIsDeliveredAndRecorded() throws {
            let tenant = try MailTestEnvironment.makeTenant("deliver")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let fake = try FakeSendGridServer(apiKeys: [Self.key])
            let message = MailTestEnvironment.message(tenant: tenant)
            let id = try MailTestEnvironment.enqueue(message).outboxID
            try MailTestEnvironment.drain(try loop(fakeSendGridSettings(fake, key: Self.key, requireTenantKey: false)), until: id)
            let row = try MailTestEnvironment.outbox(id)
            let accepted = try #require(fake.accepted.first { $0.idempotencyKey == message.idempotencyKey })
            #expect(row["status"] == "sent" && row["provider_message_id"] == accepted.messageID && row["has_sent_at"] == "t")
            #expect(try row["transport"] == "sendgrid:platform" && row.int("attempts") == 1)
            #expect(try row.string("history").contains(#""status": "sending""#))
            #expect(try MailTestEnvironment.job(id).string("status") == "done")
            #expect(fake.acceptedCount(idempotencyKey: message.idempotencyKey) == 1)
        }

        @Test func theTenantsOwnKeyIsUsedAndTheMasterKeyNeverForTenantMail() throws {
            let tenant = try MailTestEnvironment.makeTenant("tenant-key")
            let bare = try MailTestEnvironment.makeTenant("no-key")
            defer { MailTestEnvironment.dropTenant(tenant); MailTestEnvironment.dropTenant(bare) }
            let tenantKey = "SG.tenant-own-key.abcdefghijklmnop"
            let fake = try FakeSendGridServer(apiKeys: [Self.key, tenantKey])
            let baseURL = fake.baseURL
            let lookup: TenantMailKeyLookup = { id, _ in
                id == tenant ? SendGridCredential(apiKey: Secret(tenantKey), baseURL: baseURL, scope: .tenant) : nil
            }
            let worker = try loop(fakeSendGridSettings(fake, key: Self.key), tenantKey: lookup)
            let own = try MailTestEnvironment.enqueue(MailTestEnvironment.message(tenant: tenant)).outboxID
            let refused = try MailTestEnvironment.enqueue(MailTestEnvironment.message(tenant: bare)).outboxID
            let platform = try MailTestEnvironment.enqueue(MailTestEnvironment.message(tenant: bare, origin: .platform)).outboxID
            for id in [own, refused, platform] { try MailTestEnvironment.drain(worker, until: id) }
            #expect(try MailTestEnvironment.outbox(own)["transport"] == "sendgrid:tenant")
            let refusedRow = try MailTestEnvironment.outbox(refused)
            #expect(refusedRow["status"] == "failed" && refusedRow["last_error"]?.hasPrefix("tenant_sendgrid_key_missing") == true)
            #expect(try MailTestEnvironment.outbox(platform)["transport"] == "sendgrid:platform")
            #expect(fake.accepted.map(\.apiKey).sorted() == [Self.key, tenantKey].sorted())
        }

        @Test func a503IsRetriedThenDelivered() throws {
            let tenant = try MailTestEnvironment.makeTenant("retry")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let fake = try FakeSendGridServer(apiKeys: [Self.key])
            fake.script(.status(503))
            let message = MailTestEnvironment.message(tenant: tenant)
            let id = try MailTestEnvironment.enqueue(message).outboxID
            let worker = try loop(fakeSendGridSettings(fake, key: Self.key, requireTenantKey: false))
            try MailTestEnvironment.drain(worker, until: id)
            let waiting = try MailTestEnvironment.outbox(id)
            #expect(waiting["status"] == "pending" && waiting["last_error"]?.contains("503") == true)
            let job = try MailTestEnvironment.job(id)
            #expect(job["status"] == "queued" && (job["due_in"].flatMap(Double.init) ?? 0) > 0.5)
            try MailTestEnvironment.makeDue(id)
            try MailTestEnvironment.drain(worker, until: id)
            let row = try MailTestEnvironment.outbox(id)
            #expect(try row["status"] == "sent" && row.int("attempts") == 2)
            #expect(fake.acceptedCount(idempotencyKey: message.idempotencyKey) == 1)
        }

        @Test func retryAfterIsHonoured() throws {
            let tenant = try MailTestEnvironment.makeTenant("retry-after")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let fake = try FakeSendGridServer(apiKeys: [Self.key])
            fake.script(.tooManyRequests(retryAfter: 120))
            let id = try MailTestEnvironment.enqueue(MailTestEnvironment.message(tenant: tenant)).outboxID
            try MailTestEnvironment.drain(try loop(fakeSendGridSettings(fake, key: Self.key, requireTenantKey: false)), until: id)
            let due = try MailTestEnvironment.job(id)["due_in"].flatMap(Double.init) ?? 0
            #expect(due > 115 && due <= 120)
        }

        @Test func a400FailsPermanentlyWithoutRetry() throws {
            let tenant = try MailTestEnvironment.makeTenant("permanent")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let fake = try FakeSendGridServer(apiKeys: [Self.key])
            fake.script(.status(400))
            let id = try MailTestEnvironment.enqueue(MailTestEnvironment.message(tenant: tenant)).outboxID
            try MailTestEnvironment.drain(try loop(fakeSendGridSettings(fake, key: Self.key, requireTenantKey: false)), until: id)
            let row = try MailTestEnvironment.outbox(id)
            #expect(try row["status"] == "failed" && row["last_error"]?.contains("400") == true && row.int("attempts") == 1)
            #expect(try MailTestEnvironment.job(id).string("status") == "done")
            #expect(fake.requests.count == 1)
        }

        @Test func withoutConfigurationTheMailStaysInTheOutbox() throws {
            let tenant = try MailTestEnvironment.makeTenant("stored")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let id = try MailTestEnvironment.enqueue(MailTestEnvironment.message(tenant: tenant)).outboxID
            try MailTestEnvironment.drain(try loop(MailSettings()), until: id)
            let row = try MailTestEnvironment.outbox(id)
            #expect(try row["status"] == "stored" && row["transport"] == "outbox" && row.int("attempts") == 0)
        }

        @Test func smtpDeliveryThroughTheWorker() throws {
            let tenant = try MailTestEnvironment.makeTenant("smtp")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let relay = try FakeSMTPServer()
            let settings = MailSettings(smtpURL: Secret(relay.url(user: "u", password: "smtp-S3CRET")), smtpStartTLS: false)
            let message = MailTestEnvironment.message(tenant: tenant)
            let id = try MailTestEnvironment.enqueue(message).outboxID
            try MailTestEnvironment.drain(try loop(settings), until: id)
            let row = try MailTestEnvironment.outbox(id)
            #expect(row["status"] == "sent" && row["transport"] == "smtp")
            #expect(row["provider_message_id"] == SMTPTransport.messageID(for: message))
            #expect(relay.deliveries.count == 1)
        }

        /// The real loop on its own thread: woken by `NOTIFY jobs`, it delivers within a second, and stops when asked.
        @Test func theLoopWakesOnNotifyAndStops() throws {
            let tenant = try MailTestEnvironment.makeTenant("thread")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let fake = try FakeSendGridServer(apiKeys: [Self.key])
            var config = try MailTestEnvironment.workerConfig(fakeSendGridSettings(fake, key: Self.key, requireTenantKey: false))
            config.pollInterval = .seconds(30)
            let loopConfig = config
            let stop = StopFlag()
            let registry = WorkerFunction.registry(config: config)
            let thread = try TestThread.start {
                WorkerLoop(config: loopConfig, registry: registry, thread: 0, stop: stop, logger: MailTestEnvironment.logger).run()
            }
            TestThread.sleep(.milliseconds(500))
            let message = MailTestEnvironment.message(tenant: tenant)
            let id = try MailTestEnvironment.enqueue(message).outboxID
            let deadline = ContinuousClock.now + .seconds(5)
            while try MailTestEnvironment.outbox(id)["status"] != "sent", ContinuousClock.now < deadline {
                TestThread.sleep(.milliseconds(50))
            }
            #expect(try MailTestEnvironment.outbox(id)["status"] == "sent")
            stop.set()
            try MailTestEnvironment.owner().query("SELECT pg_notify('jobs', 'test.stop')")
            thread.join()
        }
    }
}
