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

/// Every mail suite that uses PostgreSQL, serialized: worker loops claim any due `mail.deliver` job.
@Suite(.serialized, .enabled(if: MailTestEnvironment.databaseEnabled)) struct MailDatabaseTests {}

extension MailDatabaseTests {
    @Suite struct OutboxEnqueueTests {
        @Test func enqueueWritesTheRowAttachmentsAndOneJobInTheSameTransaction() throws {
            let tenant = try MailTestEnvironment.makeTenant("enqueue")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let message = MailTestEnvironment.message(tenant: tenant)
            let first = try MailTestEnvironment.enqueue(message)
            let second = try MailTestEnvironment.enqueue(message)
            #expect(first.created && !second.created && first.outboxID == second.outboxID)
            let owner = try MailTestEnvironment.owner()
            #expect(try owner.query("SELECT count(*) AS n FROM outbox WHERE idempotency_key = \(message.idempotencyKey)").first?.int("n") == 1)
            let job = try #require(try owner.query("""
                SELECT kind, tenant_id, payload::text AS payload, max_attempts FROM jobs
                WHERE idempotency_key = \(Mailer.jobKey(message.idempotencyKey))
                """).first)
            #expect(try job.string("kind") == "mail.deliver" && job["tenant_id"] == tenant)
            #expect(try job.string("payload") == #"{"outbox_id": \#(first.outboxID)}"#)
            #expect(try job.int("max_attempts") == Mailer.maxAttempts)
            let row = try #require(try owner.query("""
                SELECT status, to_address, to_list::text AS to_list, cc_list::text AS cc_list, from_name, reply_to_name,
                       html_body, headers->>'In-Reply-To' AS in_reply_to, attachment_count, attachment_bytes, sensitive
                FROM outbox WHERE id = \(first.outboxID)
                """).first)
            #expect(row["status"] == "pending" && row["to_address"] == "zoe@example.com")
            #expect(row["to_list"] == #"[{"name": "Zoë Ñúñez", "email": "zoe@example.com"}]"#)
            #expect(row["cc_list"] == #"[{"email": "desk@acme.example"}]"#)
            #expect(row["from_name"] == "Acme Travel" && row["reply_to_name"] == "Acme Desk")
            #expect(row["in_reply_to"] == "<inquiry-1@example.com>" && row["sensitive"] == "f")
            #expect(try row.int("attachment_count") == 1 && row.int("attachment_bytes") == message.attachments[0].content.count)
            let attachment = try #require(try owner.query("""
                SELECT filename, content FROM outbox_attachments WHERE outbox_id = \(first.outboxID)
                """).first)
            #expect(try attachment.bytes("content") == message.attachments[0].content)
        }

        @Test func aRolledBackTransactionLeavesNeitherMailNorJob() throws {
            let tenant = try MailTestEnvironment.makeTenant("rollback")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let message = MailTestEnvironment.message(tenant: tenant)
            struct Abort: Error {}
            #expect(throws: Abort.self) {
                try MailTestEnvironment.database().withTenant(tenant) { connection in
                    try Mailer.enqueue(message, on: connection)
                    throw Abort()
                }
            }
            let owner = try MailTestEnvironment.owner()
            #expect(try owner.query("SELECT 1 FROM outbox WHERE idempotency_key = \(message.idempotencyKey)").isEmpty)
            #expect(try owner.query("SELECT 1 FROM jobs WHERE idempotency_key = \(Mailer.jobKey(message.idempotencyKey))").isEmpty)
        }

        @Test func rowLevelSecurityKeepsATenantToItsOwnMail() throws {
            let tenant = try MailTestEnvironment.makeTenant("rls")
            let other = try MailTestEnvironment.makeTenant("rls-other")
            defer { MailTestEnvironment.dropTenant(tenant); MailTestEnvironment.dropTenant(other) }
            #expect(throws: PGError.self) {
                try MailTestEnvironment.database().withTenant(tenant) {
                    try Mailer.enqueue(MailTestEnvironment.message(tenant: other), on: $0)
                }
            }
            let id = try MailTestEnvironment.enqueue(MailTestEnvironment.message(tenant: tenant)).outboxID
            let seen = try MailTestEnvironment.database().withTenant(other) { connection in
                try connection.query("SELECT count(*) AS n FROM outbox_attachments WHERE outbox_id = \(id)").first?.int("n")
            }
            #expect(seen == 0)
        }

        @Test func accountMailGoesThroughTheSamePathAndIsSensitive() throws {
            let tenant = try MailTestEnvironment.makeTenant("account")
            defer { MailTestEnvironment.dropTenant(tenant) }
            let key = "password-reset:" + RequestID.generate()
            try MailTestEnvironment.database().withTenant(tenant) { connection in
                try OutboxMail(tenantID: tenant, idempotencyKey: key, to: "user@example.com", from: OutboxMail.platformSender,
                               subject: "Reset", text: "token=abc").write(on: connection)
            }
            let owner = try MailTestEnvironment.owner()
            let row = try #require(try owner.query("SELECT origin, sensitive, job_id FROM outbox WHERE idempotency_key = \(key)").first)
            #expect(row["origin"] == "platform" && row["sensitive"] == "t" && row["job_id"] != nil)
        }

        @Test func invalidMailIsRefusedWithTheField() throws {
            var message = MailTestEnvironment.message(tenant: nil)
            message.headers = ["Subject": "override"]
            #expect(throws: HTTPError.invalid("headers", "The header Subject cannot be set.")) { try message.validated() }
            message = MailTestEnvironment.message(tenant: nil)
            message.subject = "two\r\nlines"
            #expect(throws: HTTPError.self) { try message.validated() }
            message = MailTestEnvironment.message(tenant: nil)
            message.to = [MailAddress("zoe@example.com", name: "Zoë; Bcc")]
            #expect(throws: HTTPError.self) { try message.validated() }
            message = MailTestEnvironment.message(tenant: nil)
            message.attachments = [MailAttachment(filename: "x.bin", content: Array(repeating: 0, count: MailMessage.maxAttachmentBytes + 1))]
            #expect(throws: HTTPError.self) { try message.validated() }
        }
    }
}
