import Logging
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// `GET /api/v1/admin/outbox…` and `/api/v1/tenant/outbox…` (issue 4): lists without bodies, details without
/// attachment bytes, sensitive bodies withheld, tenants confined to their own mail.
@Suite(.enabled(if: IdentityHarness.enabled)) struct OutboxAPITests {
    func enqueue(_ tenant: String, sensitive: Bool = false) throws -> Int64 {
        let message = MailMessage(
            tenantID: tenant, idempotencyKey: "api:" + RequestID.generate(), from: MailAddress("quotes@acme.example", name: "Acme"),
            to: [MailAddress("zoe@example.com")], subject: "Quote", text: "Body text", html: "<p>Body</p>",
            headers: ["In-Reply-To": "<x@example.com>"],
            attachments: [MailAttachment(filename: "q.pdf", contentType: "application/pdf", content: [1, 2, 3, 4])],
            sensitive: sensitive)
        let database = Database(url: try #require(IdentityHarness.environment["DATABASE_URL"]), logger: Logger(label: "tests"))
        return try database.withTenant(tenant) { try Mailer.enqueue(message, on: $0) }.outboxID
    }

    @Test func platformAdminsListAndReadEveryTenantsMail() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("outbox-admin")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let id = try enqueue(tenant.id)
        #expect(harness.call(.get, "/api/v1/admin/outbox").status == 401)
        let list = harness.call(.get, "/api/v1/admin/outbox?tenant_id=\(tenant.id)&status=pending", admin: true)
        #expect(list.status == 200)
        let items = try #require(list.json["data"]?.array)
        #expect(items.count == 1 && list.json["total"] == .number(1))
        let item = try #require(items.first)
        #expect(item["id"] == .number(Double(id)) && item["status"] == .string("pending") && item["subject"] == .string("Quote"))
        #expect(item["text"] == nil && item["html"] == nil && item["attachment_count"] == .number(1))
        #expect(harness.call(.get, "/api/v1/admin/outbox?tenant_id=\(tenant.id)&status=sent", admin: true).json["total"] == .number(0))
        #expect(harness.call(.get, "/api/v1/admin/outbox?status=lost", admin: true).status == 422)
        let detail = harness.call(.get, "/api/v1/admin/outbox/\(id)", admin: true)
        #expect(detail.status == 200 && detail.json["text"] == .string("Body text") && detail.json["body_withheld"] == .bool(false))
        #expect(detail.json["headers"]?["In-Reply-To"] == .string("<x@example.com>"))
        let attachment = try #require(detail.json["attachments"]?.array?.first)
        #expect(attachment["size"] == .number(4) && attachment["content"] == nil)
        #expect(harness.call(.get, "/api/v1/admin/outbox/999999999", admin: true).status == 404)
    }

    @Test func tenantAdminsSeeOnlyTheirOwnMailAndNeverSensitiveBodies() throws {
        let harness = try IdentityHarness()
        let mine = try harness.makeTenant("outbox-mine")
        let other = try harness.makeTenant("outbox-other")
        defer { IdentityHarness.dropTenant(mine.id); IdentityHarness.dropTenant(other.id) }
        let own = try enqueue(mine.id, sensitive: true)
        let foreign = try enqueue(other.id)
        let token = try harness.login(mine.adminEmail, mine.adminPassword).access
        let list = harness.call(.get, "/api/v1/tenant/outbox", token: token)
        let ids = (list.json["data"]?.array ?? []).compactMap { $0["id"]?.number }
        #expect(list.status == 200 && ids.contains(Double(own)) && !ids.contains(Double(foreign)))
        #expect((list.json["data"]?.array ?? []).allSatisfy { $0["tenant_id"] == .string(mine.id) })
        let detail = harness.call(.get, "/api/v1/tenant/outbox/\(own)", token: token)
        #expect(detail.status == 200 && detail.json["body_withheld"] == .bool(true) && (detail.json["text"] ?? .null) == .null)
        #expect(!detail.text.contains("Body text"))
        #expect(harness.call(.get, "/api/v1/tenant/outbox/\(foreign)", token: token).status == 404)
        #expect(harness.call(.get, "/api/v1/tenant/outbox").status == 401)
    }
}
