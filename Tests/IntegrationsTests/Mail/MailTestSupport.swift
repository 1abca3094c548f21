import FoundationEssentials
import Glibc
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

/// The database and binaries the mail suites use (`make test` sets them).
///
/// The mail and worker suites run workers that claim *any* due `mail.deliver` job, so they get a database of
/// their own (`travel_mail_tests`, created afresh once per test run when `DATABASE_SUPERUSER_URL` is set): mails
/// that other suites enqueue in parallel (invitations, password resets) can then never consume their scripted
/// provider answers.
enum MailTestEnvironment {
    static let values = ProcessEnvironment.current()
    static var appURL: String? { isolated?.app ?? values["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var ownerURL: String? { isolated?.owner ?? values["DATABASE_OWNER_URL"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The suites' own database, created and migrated on first use; nil when it cannot be made (then the shared one).
    private static let isolated: (app: String, owner: String)? = {
        let name = "travel_mail_tests"
        guard let superuser = values["DATABASE_SUPERUSER_URL"], let app = values["DATABASE_URL"],
              let owner = values["DATABASE_OWNER_URL"], app.contains("/travel?"), owner.contains("/travel?"),
              let connection = try? PGConnection(conninfo: superuser)
        else { return nil }
        let rename = { (url: String) in url.components(separatedBy: "/travel?").joined(separator: "/\(name)?") }
        do {
            try connection.query(PGQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
            try connection.query(PGQuery(unsafeSQL: "CREATE DATABASE \(name) OWNER travel_owner"))
            try Migrator(directory: migrations).migrate(on: try PGConnection(conninfo: rename(owner)), logger: logger)
        } catch {
            return nil
        }
        return (rename(app), rename(owner))
    }()
    static var binDirectory: String? { values["BIN_DIR"].flatMap { $0.isEmpty ? nil : $0 } }
    static var required: Bool { values["REQUIRE_SERVICES"] == "1" }
    static var databaseEnabled: Bool { appURL != nil || required }
    static var liveEnabled: Bool { (appURL != nil && binDirectory != nil) || required }
    static let logger = Logger(label: "mail-tests") { _ in SwiftLogNoOpLogHandler() }

    static var migrations: String {
        values["MIGRATIONS_DIR"] ?? String(#filePath.split(separator: "/Tests/")[0]) + "/Functions/SharedPlatform/Migrations"
    }

    static func owner() throws -> PGConnection {
        try PGConnection(conninfo: try #require(ownerURL, "DATABASE_OWNER_URL is not set"))
    }

    static func database(logger: Logger = logger) throws -> Database {
        Database(url: try #require(appURL, "DATABASE_URL is not set"), logger: logger)
    }

    /// Migrates (idempotent) and creates a tenant for one test.
    static func makeTenant(_ label: String) throws -> String {
        try Migrator(directory: migrations).migrate(on: try owner(), logger: logger)
        let id = "m-\(label)-" + String(RequestID.generate().prefix(8)).lowercased()
        try owner().query("INSERT INTO tenants (tenant_id, company_name) VALUES (\(id), \("Mail " + label))")
        return id
    }

    static func dropTenant(_ id: String) {
        _ = try? owner().query("DELETE FROM tenants WHERE tenant_id = \(id)")
    }

    /// The outbox row `id` as the owner sees it.
    static func outbox(_ id: Int64) throws -> PGRow {
        try #require(try owner().query("""
            SELECT status, attempts, transport, provider_message_id, last_error, sent_at IS NOT NULL AS has_sent_at,
                   history::text AS history, job_id FROM outbox WHERE id = \(id)
            """).first)
    }

    static func job(_ outboxID: Int64) throws -> PGRow {
        try #require(try owner().query("""
            SELECT j.id, j.status, j.attempts, j.last_error, extract(epoch FROM j.run_at - now())::float8 AS due_in
            FROM jobs j JOIN outbox o ON o.job_id = j.id WHERE o.id = \(outboxID)
            """).first)
    }

    /// Makes the mail's job due now (skipping its backoff).
    static func makeDue(_ outboxID: Int64) throws {
        try owner().query("UPDATE jobs SET run_at = now() WHERE id = (SELECT job_id FROM outbox WHERE id = \(outboxID))")
    }

    /// A mail with every feature: cc, reply-to, threading headers, HTML and a PDF attachment.
    static func message(tenant: String?, key: String = "test:" + RequestID.generate(), origin: MailMessage.Origin = .tenant)
        -> MailMessage
    {
        MailMessage(
            tenantID: tenant, idempotencyKey: key, origin: origin, from: MailAddress("quotes@acme.example", name: "Acme Travel"),
            to: [MailAddress("zoe@example.com", name: "Zoë Ñúñez")], cc: [MailAddress("desk@acme.example")],
            replyTo: MailAddress("desk@acme.example", name: "Acme Desk"), subject: "Your quote QT-20270412-ABC123 ✈",
            text: "Hello Zoë,\nyour quote is attached.", html: "<p>Hello Zoë,</p><p>your quote is attached.</p>",
            headers: ["In-Reply-To": "<inquiry-1@example.com>", "References": "<inquiry-1@example.com>"],
            attachments: [MailAttachment(filename: "QT-20270412-ABC123.pdf", contentType: "application/pdf",
                                         content: Array("%PDF-1.7 fake\u{0}\u{1}\u{2}".utf8))])
    }

    /// Enqueues `message` in its tenant's transaction (or as platform when it has none).
    static func enqueue(_ message: MailMessage) throws -> Mailer.Enqueued {
        let database = try database()
        if let tenant = message.tenantID {
            return try database.withTenant(tenant) { try Mailer.enqueue(message, on: $0) }
        }
        return try database.asPlatform { try Mailer.enqueue(message, on: $0) }
    }

    static func workerConfig(_ mail: MailSettings, id: String = "test-" + RequestID.generate().prefix(8)) throws -> WorkerConfig {
        WorkerConfig(databaseURL: try #require(appURL), workerID: id, concurrency: 1, pollInterval: .milliseconds(200),
                     mail: mail)
    }

    /// Runs the loop until the outbox row `id` leaves `pending`/`sending` or no job is due (other tests' jobs may
    /// be claimed on the way; that is harmless).
    static func drain(_ loop: WorkerLoop, until id: Int64, maxJobs: Int = 50) throws {
        for _ in 0..<maxJobs {
            let status = try outbox(id).string("status")
            if !["pending", "sending"].contains(status) { return }
            guard try loop.runOnce() else { return }
        }
    }
}

/// The mail settings for a fake SendGrid with `key`.
func fakeSendGridSettings(_ fake: FakeSendGridServer, key: String, requireTenantKey: Bool = true) -> MailSettings {
    MailSettings(sendGridKey: Secret(key), sendGridBaseURL: fake.baseURL, requireTenantKey: requireTenantKey,
                 timeout: .seconds(10), allowLoopbackHTTP: true)
}
