import FoundationEssentials
import Glibc
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
    /// Issue 4's acceptance: killing the worker between "outbox row written" and "provider accepted" gives exactly
    /// one delivery after restart. The fake holds its 202 for 3 s; the worker is SIGKILLed while it waits, so the
    /// fake never accepts that request; the restarted worker recovers its interrupted job and delivers once.
    @Suite(.enabled(if: MailTestEnvironment.liveEnabled)) struct WorkerCrashTests {
        static let key = "SG.crash-test-key.0123456789abcdefXYZ"

        func environment(_ fake: FakeSendGridServer, workerID: String) throws -> [String: String] {
            ["DATABASE_URL": try #require(MailTestEnvironment.appURL), "WORKER_ID": workerID, "WORKER_CONCURRENCY": "1",
             "WORKER_POLL_MS": "200", "SENDGRID_API_KEY": Self.key, "SENDGRID_BASE_URL": fake.baseURL,
             "SENDGRID_REQUIRE_TENANT_KEY": "0", "PROVIDER_LOOPBACK_HTTP": "1", "LLVM_PROFILE_FILE": "/dev/null"]
        }

        func waitFor(_ timeout: Duration, _ condition: () throws -> Bool) rethrows -> Bool {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if try condition() { return true }
                TestThread.sleep(.milliseconds(50))
            }
            return try condition()
        }

        @Test func killedMidSendDeliversExactlyOnceAfterRestart() throws {
            let tenant = try MailTestEnvironment.makeTenant("crash")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let fake = try FakeSendGridServer(apiKeys: [Self.key])
            fake.setAcceptDelay(.seconds(3))
            let message = MailTestEnvironment.message(tenant: tenant)
            let id = try MailTestEnvironment.enqueue(message).outboxID
            let workerID = "crash-" + RequestID.generate().prefix(8)
            let sent = { fake.requests.contains { String(decoding: $0.body, as: UTF8.self).contains(message.idempotencyKey) } }

            let first = try ChildProcess.worker(environment: try environment(fake, workerID: workerID))
            #expect(waitFor(.seconds(10), sent), "the worker never called the fake: \(first.stderr)")
            #expect(try MailTestEnvironment.outbox(id)["status"] == "sending")
            first.signal(SIGKILL)
            #expect(first.waitExit(timeout: .seconds(5)) == 128 + SIGKILL)
            TestThread.sleep(.milliseconds(3500))
            #expect(fake.acceptedCount(idempotencyKey: message.idempotencyKey) == 0, "the fake must not accept for a dead client")
            #expect(try MailTestEnvironment.outbox(id)["status"] == "sending")

            fake.setAcceptDelay(.zero)
            let second = try ChildProcess.worker(environment: try environment(fake, workerID: workerID))
            #expect(try waitFor(.seconds(10)) { try MailTestEnvironment.outbox(id)["status"] == "sent" }, "\(second.stderr)")
            second.signal(SIGTERM)
            #expect(second.waitExit(timeout: .seconds(10)) == 0, "graceful stop: \(second.stderr)")

            #expect(fake.acceptedCount(idempotencyKey: message.idempotencyKey) == 1)
            let requests = fake.requests.filter { String(decoding: $0.body, as: UTF8.self).contains(message.idempotencyKey) }
            #expect(requests.count == 2)
            let row = try MailTestEnvironment.outbox(id)
            #expect(try row.int("attempts") == 2 && row["provider_message_id"] == fake.accepted.last?.messageID)
            #expect(try row.string("history").contains(#""resumed": true"#))
            let logs = first.stderr + second.stderr
            #expect(logs.contains("requeued interrupted jobs") && logs.contains("\"msg\":\"mail sent\""))
            #expect(!logs.contains(Self.key) && !logs.contains("crash-test-key"), "the SendGrid key leaked into the logs")
        }

        @Test func aBadConfigurationExitsNonZeroListingTheProblems() throws {
            let fake = try FakeSendGridServer(apiKeys: [])
            var environment = try environment(fake, workerID: "bad-config")
            environment["WORKER_CONCURRENCY"] = "0"
            environment["SMTP_URL"] = "gopher://user:SMTPSECRET@relay.example.com"
            let worker = try ChildProcess.worker(environment: environment)
            #expect(worker.waitExit(timeout: .seconds(10)) == 1)
            #expect(worker.stderr.contains("WORKER_CONCURRENCY") && !worker.stderr.contains("SMTPSECRET"))
        }
    }
}
