import Glibc
import Runtime
import RuntimePostgres
import Testing

@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct TenantLifecycleTests {
    @Test func suspensionBlocksEveryProcessWithinFiveSecondsAndActivationRestores() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("suspend")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let session = try harness.login(tenant.adminEmail, tenant.adminPassword)
        // Another process that has the tenant cached as active.
        let other = try IdentityHarness()
        #expect(other.call(.get, "/api/v1/auth/me", token: session.access).status == 200)
        let suspended = harness.call(.post, "/api/v1/admin/tenants/\(tenant.id)/suspend", admin: true, json: #"{"reason":"unpaid invoices"}"#)
        #expect(suspended.json["tenant"]?["status"]?.string == "suspended")
        #expect(harness.call(.post, "/api/v1/admin/tenants/\(tenant.id)/suspend", admin: true, json: #"{"reason":"no"}"#).status == 422)
        let started = ContinuousClock.now
        var blocked = false
        while ContinuousClock.now - started < .seconds(6) {
            if other.call(.get, "/api/v1/auth/me", token: session.access).errorCode == "tenant_suspended" {
                blocked = true
                break
            }
            usleepMilliseconds(200)
        }
        #expect(blocked)
        #expect(ContinuousClock.now - started <= .seconds(5) + .milliseconds(500))
        let login = harness.call(.post, "/api/v1/auth/login", json: #"{"email":"\#(tenant.adminEmail)","password":"\#(tenant.adminPassword)"}"#)
        #expect(login.errorCode == "tenant_suspended")
        #expect(harness.call(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(session.refresh)"}"#).status == 403)
        harness.call(.post, "/api/v1/admin/tenants/\(tenant.id)/activate", admin: true)
        var restored = false
        for _ in 0..<30 where !restored {
            restored = other.call(.get, "/api/v1/auth/me", token: session.access).status == 200
            if !restored { usleepMilliseconds(200) }
        }
        #expect(restored)
    }

    @Test func deletingATenantLeavesNoRowWithItsIdInAnyTable() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("delete")
        let session = try harness.login(tenant.adminEmail, tenant.adminPassword)
        harness.call(.post, "/api/v1/invitations", token: session.access, json: #"{"email":"new@\#(tenant.id).example.com","role":"consultant"}"#)
        harness.call(.post, "/api/v1/auth/password/reset", json: #"{"email":"\#(tenant.adminEmail)"}"#)
        harness.call(.patch, "/api/v1/tenant/config", token: session.access, json: #"{"inbound":{"mode":"draft"}}"#)
        #expect(try rowsMentioning(tenant.id) > 0)
        #expect(harness.call(.delete, "/api/v1/admin/tenants/\(tenant.id)", admin: true).status == 400)
        #expect(harness.call(.delete, "/api/v1/admin/tenants/\(tenant.id)?confirm=true", admin: true).status == 200)
        #expect(try rowsMentioning(tenant.id) == 0)
        #expect(harness.call(.get, "/api/v1/admin/tenants/\(tenant.id)", admin: true).status == 404)
        #expect(harness.call(.get, "/api/v1/auth/me", token: session.access).status == 401)
        let audit = harness.call(.get, "/api/v1/admin/audit-log?tenant=\(tenant.id)&action=tenant.delete", admin: true)
        #expect(audit.json["total"]?.number == 1, "the deletion itself stays on record")
    }

    /// Rows in every table that has a `tenant_id` column whose value is `tenant`.
    private func rowsMentioning(_ tenant: String) throws -> Int {
        let owner = try IdentityHarness.owner()
        let tables = try owner.query("""
            SELECT table_name FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1
            """).all.map { try $0.string("table_name") }
        #expect(tables.count >= 8)
        var total = 0
        for table in tables {
            // Table names come from the catalog, not from input.
            total += try owner.query(PGQuery(unsafeSQL: "SELECT count(*) AS n FROM \"\(table)\" WHERE tenant_id = $1", binds: [tenant]))
                .first?.int("n") ?? 0
        }
        return total
    }
}

func usleepMilliseconds(_ milliseconds: Int) {
    usleep(UInt32(milliseconds) * 1000)
}
