import InboundFunction
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// The stored-message list, detail and re-process action, and the unroutable → fixed → re-processed path.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct InboundAdminMessagesTests {
    typealias Fixture = InboundAdminTests

    @Test func listFiltersByStatusAndPagesWithACursor() throws {
        let harness = try Fixture.harness()
        // Far-future rows sort first; clear leftovers of an interrupted run.
        try IdentityHarness.owner().query("DELETE FROM inbound_messages WHERE received_at > now() + interval '50 years'")
        let ids = try (1...5).map { day in
            try Fixture.insert(status: "ignored", to: "list\(day)@nowhere.example", received: "2199-01-0\(day)T00:00:00Z")
        }
        let dead = try Fixture.insert(status: "dead", to: "dead@nowhere.example", received: "2199-02-01T00:00:00Z")
        defer { Fixture.delete(ids + [dead]) }
        var seen: [String] = []
        var cursor: String? = nil
        repeat {
            let page = harness.call(.get, "/api/v1/inbound/admin/messages?status=ignored&limit=2" + (cursor.map { "&cursor=" + $0 } ?? ""),
                                    admin: true)
            #expect(page.status == 200, "\(page.text)")
            let rows = page.json["data"]?.array ?? []
            #expect(rows.count <= 2 && rows.allSatisfy { $0["status"]?.string == "ignored" })
            #expect(rows.allSatisfy { $0["text"] == nil && $0["attachments"]?.number == 0 })
            seen += rows.compactMap { $0["id"]?.string }
            cursor = page.json["next_cursor"]?.string
            #expect(page.json["next_cursor"] != nil, "next_cursor is always present")
        } while cursor != nil && seen.count < 5
        #expect(Array(seen.prefix(5)) == ids.reversed(), "newest first, each once")
        let first = harness.call(.get, "/api/v1/inbound/admin/messages?limit=1", admin: true).json["data"]?.array?.first
        #expect(first?["id"]?.string == dead && first?["to"]?.string == "dead@nowhere.example")
        #expect(first?["received_at"]?.string == "2199-02-01T00:00:00Z")
        for bad in ["status=lost", "limit=0", "limit=201", "limit=x", "cursor=abc", "cursor=" + Base64URL.encode(Array("1|x".utf8))] {
            let refused = harness.call(.get, "/api/v1/inbound/admin/messages?" + bad, admin: true)
            #expect(refused.status == 422, "\(bad): \(refused.text)")
        }
    }

    @Test func detailShowsCappedFieldsAttachmentsAndRoutingNow() throws {
        let harness = try Fixture.harness()
        let long = String(repeating: "é", count: 100_001)
        let id = try Fixture.insert(status: "unroutable", to: "nobody@detail.example", text: long)
        defer { Fixture.delete([id]) }
        try IdentityHarness.owner().query("""
            INSERT INTO inbound_attachments (message_id, position, field, filename, content_type, content)
            VALUES (\(id)::uuid, 0, 'attachment1', 'plan.pdf', 'application/pdf', '\\x255044462d'::bytea)
            """)
        let detail = harness.call(.get, "/api/v1/inbound/admin/messages/\(id.uppercased())", admin: true)
        #expect(detail.status == 200, "\(detail.text)")
        #expect(detail.json["message"]?["id"]?.string == id && detail.json["message"]?["attachments"]?.number == 1)
        #expect(detail.json["fields"]?["text"]?.string?.count == 100_000 && detail.json["truncated"] == .array([.string("text")]))
        #expect(detail.json["fields"]?["subject"]?.string == "Trip")
        let file = detail.json["files"]?.array?.first
        #expect(file?["filename"]?.string == "plan.pdf" && file?["size"]?.number == 5 && file?["content"] == nil)
        #expect(detail.json["routing"]?["tenant_id"] == .null)
        #expect(detail.json["routing"]?["tried"]?.array?.contains { $0.string?.contains("nobody@detail.example") == true } == true)
        #expect(harness.call(.get, "/api/v1/inbound/admin/messages/00000000-0000-0000-0000-000000000000", admin: true).status == 404)
        #expect(harness.call(.get, "/api/v1/inbound/admin/messages/nope", admin: true).status == 404)
    }

    @Test func reprocessOnlyFromUnroutableDeadOrIgnoredQueuesAFreshJob() throws {
        let harness = try Fixture.harness()
        let owner = try IdentityHarness.owner()
        let processed = try Fixture.insert(status: "processed", to: "a@nowhere.example")
        let id = try Fixture.insert(status: "dead", to: "b@nowhere.example")
        defer { Fixture.delete([processed, id]) }
        try owner.query("UPDATE inbound_messages SET last_error = 'boom', job_id = 1 WHERE id = \(id)::uuid")
        let refused = harness.call(.post, "/api/v1/inbound/admin/messages/\(processed)/reprocess", admin: true)
        #expect(refused.status == 409 && refused.errorCode == "not_reprocessable")
        let first = harness.call(.post, "/api/v1/inbound/admin/messages/\(id)/reprocess", admin: true)
        #expect(first.status == 202, "\(first.text)")
        #expect(first.json["message"]?["status"]?.string == "received" && first.json["message"]?["last_error"] == .null)
        let job = try #require(first.json["message"]?["job_id"]?.number.map { Int($0) })
        let row = try owner.query("SELECT kind, status, payload->>'message_id' AS message, idempotency_key FROM jobs WHERE id = \(job)").first
        #expect(row?["kind"] == "inbound.process" && row?["status"] == "queued" && row?["message"] == id)
        #expect(row?["idempotency_key"] == "inbound.process:\(id):r1")
        #expect(harness.call(.post, "/api/v1/inbound/admin/messages/\(id)/reprocess", admin: true).status == 409,
                "a queued message is not re-queued twice")
        try owner.query("UPDATE inbound_messages SET status = 'ignored' WHERE id = \(id)::uuid")
        let second = harness.call(.post, "/api/v1/inbound/admin/messages/\(id)/reprocess", admin: true)
        let secondJob = try #require(second.json["message"]?["job_id"]?.number.map { Int($0) })
        #expect(secondJob != job)
        #expect(try owner.query("SELECT idempotency_key FROM jobs WHERE id = \(secondJob)").first?["idempotency_key"]
                == "inbound.process:\(id):r2")
        let audits = try owner.query("""
            SELECT count(*) AS n FROM audit_log WHERE action = 'inbound.reprocess' AND target = \("inbound_message:" + id)
            """).first?["n"]
        #expect(audits == "2")
        #expect(harness.call(.post, "/api/v1/inbound/admin/messages/00000000-0000-0000-0000-000000000000/reprocess",
                             admin: true).status == 404)
    }

    @Test func reprocessCanForceAnActiveTenantOnly() throws {
        let harness = try Fixture.harness()
        let (tenant, _) = try Fixture.tenant(harness, "force")
        let (suspended, _) = try Fixture.tenant(harness, "susp")
        defer { [tenant.id, suspended.id].forEach(IdentityHarness.dropTenant) }
        #expect(harness.call(.post, "/api/v1/admin/tenants/\(suspended.id)/suspend", admin: true,
                             json: #"{"reason":"unpaid invoices"}"#).status == 200)
        let id = try Fixture.insert(status: "unroutable", to: "stray@nowhere.example")
        defer { Fixture.delete([id]) }
        let path = "/api/v1/inbound/admin/messages/\(id)/reprocess"
        for bad in [#"{"tenant_id":"no-such-tenant"}"#, #"{"tenant_id":"\#(suspended.id)"}"#, #"{"tenant_id":"A B"}"#] {
            let refused = harness.call(.post, path, admin: true, json: bad)
            #expect(refused.status == 422 && refused.json["error"]?["field"]?.string == "tenant_id", "\(bad): \(refused.text)")
        }
        #expect(try IdentityHarness.owner().query("SELECT status FROM inbound_messages WHERE id = \(id)::uuid").first?["status"]
                == "unroutable", "a refused re-process changes nothing")
        let forced = harness.call(.post, path, admin: true, json: #"{"tenant_id":"\#(tenant.id)"}"#)
        #expect(forced.status == 202 && forced.json["message"]?["url_tenant"]?.string == tenant.id, "\(forced.text)")
        let routing = harness.call(.get, "/api/v1/inbound/admin/messages/\(id)", admin: true).json["routing"]
        #expect(routing?["tenant_id"]?.string == tenant.id && routing?["strategy"]?.string == "url_tenant")
    }

    /// The acceptance path: unknown recipient → unroutable and listed; the tenant adds the address; re-process queues
    /// a job, and routing now finds the tenant.
    @Test func anUnroutableMessageRoutesOnceTheTenantClaimsItsAddress() throws {
        let harness = try Fixture.harness()
        let (tenant, token) = try Fixture.tenant(harness, "claim")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let address = "bookings@\(tenant.id)-travel.example"
        let id = try Fixture.insert(status: "unroutable", to: "\"Bookings\" <\(address)>")
        defer { Fixture.delete([id]) }
        let listed = harness.call(.get, "/api/v1/inbound/admin/messages?status=unroutable&limit=200", admin: true)
        #expect(listed.json["data"]?.array?.contains { $0["id"]?.string == id } == true)
        #expect(harness.call(.get, "/api/v1/inbound/admin/messages/\(id)", admin: true).json["routing"]?["tenant_id"] == .null)
        let claimed = harness.call(.patch, "/api/v1/tenant/config", token: token, json: #"{"email":{"primary_address":"\#(address)"}}"#)
        #expect(claimed.status == 200, "\(claimed.text)")
        let queued = harness.call(.post, "/api/v1/inbound/admin/messages/\(id)/reprocess", admin: true)
        #expect(queued.status == 202 && queued.json["message"]?["status"]?.string == "received")
        let job = try #require(queued.json["message"]?["job_id"]?.number.map { Int($0) })
        #expect(try IdentityHarness.owner().query("SELECT status FROM jobs WHERE id = \(job)").first?["status"] == "queued")
        let routing = harness.call(.get, "/api/v1/inbound/admin/messages/\(id)", admin: true).json["routing"]
        #expect(routing?["tenant_id"]?.string == tenant.id && routing?["strategy"]?.string == "primary_address")
        #expect(routing?["matched"]?.string == address)
    }
}
