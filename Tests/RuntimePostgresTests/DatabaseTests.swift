import Runtime
import RuntimePostgres
import Testing

@Suite(.enabled(if: TestDatabase.enabled), .serialized)
struct DatabaseTests {
    @Test func transactionsCommitAndRollBack() throws {
        let tenant = try TestDatabase.makeTenant("tx")
        defer { TestDatabase.dropTenant(tenant) }
        let database = try TestDatabase.database()
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try database.withTenant(tenant) { connection in
                try connection.query("UPDATE users SET name = 'changed' WHERE tenant_id = \(tenant)")
                throw Abort()
            }
        }
        let name = try database.withTenant(tenant) { try $0.query("SELECT name FROM users").first?.string("name") }
        #expect(name == "Owner")
        try database.withTenant(tenant) { try $0.query("UPDATE users SET name = 'kept' WHERE tenant_id = \(tenant)") }
        let kept = try database.withTenant(tenant) { try $0.query("SELECT name FROM users").first?.string("name") }
        #expect(kept == "kept")
    }

    @Test func theTenantSettingDoesNotLeakIntoTheNextTransaction() throws {
        let tenant = try TestDatabase.makeTenant("leak")
        defer { TestDatabase.dropTenant(tenant) }
        let database = try TestDatabase.database()
        _ = try database.withTenant(tenant) { try $0.query("SELECT 1") }
        let setting = try database.transaction { try $0.query("SELECT current_setting('app.tenant_id', true) AS t").first?["t"] }
        #expect(setting == nil || setting == "")
        let role = try database.transaction { try $0.query("SELECT current_user AS r").first?["r"] }
        #expect(role == "travel_app")
        let platformRole = try database.asPlatform { try $0.query("SELECT current_user AS r").first?["r"] }
        #expect(platformRole == "travel_platform")
    }

    @Test func aKilledConnectionIsReplacedOnNextUse() throws {
        let database = try TestDatabase.database()
        let firstPID = try database.transaction { try $0.query("SELECT pg_backend_pid() AS p").first?.int("p") }
        let pid = try #require(firstPID)
        try TestDatabase.superuser().query("SELECT pg_terminate_backend(\(pid))")
        try database.ping()
        let secondPID = try database.transaction { try $0.query("SELECT pg_backend_pid() AS p").first?.int("p") }
        #expect(secondPID != nil && secondPID != pid)
    }

    @Test func theDeadlineBecomesAStatementTimeout() throws {
        let database = try TestDatabase.database()
        let deadline = Deadline(after: .milliseconds(300))
        let started = ContinuousClock.now
        #expect {
            try database.transaction(deadline: deadline) { try $0.query("SELECT pg_sleep(5)") }
        } throws: { ($0 as? HTTPError)?.status == 504 }
        #expect(ContinuousClock.now - started < .seconds(2))
        try database.ping()
    }

    @Test func anExpiredDeadlineRunsNothing() throws {
        let database = try TestDatabase.database()
        let deadline = Deadline(instant: .now - .seconds(1))
        var ran = false
        #expect(throws: HTTPError.self) {
            try database.transaction(deadline: deadline) { _ in ran = true }
        }
        #expect(!ran)
    }

    @Test func pingFailsCleanlyWhenTheServerIsUnreachable() {
        let database = Database(url: "host=/nonexistent port=1 dbname=x user=y", logger: TestDatabase.logger)
        #expect(throws: PGError.self) { try database.ping() }
    }
}

@Suite(.enabled(if: TestDatabase.enabled), .serialized)
struct PGListenerTests {
    @Test func tenantChangesAreNotified() throws {
        let tenant = try TestDatabase.makeTenant("notify")
        defer { TestDatabase.dropTenant(tenant) }
        let listener = try PGListener(conninfo: try #require(TestDatabase.appURL), channels: ["tenant_changed"])
        try TestDatabase.owner().query("UPDATE tenants SET company_name = 'Renamed' WHERE tenant_id = \(tenant)")
        var payloads: [String] = []
        for _ in 0..<20 where !payloads.contains(tenant) {
            payloads += try listener.wait(timeoutMilliseconds: 100).filter { $0.channel == "tenant_changed" }.map(\.payload)
        }
        #expect(payloads.contains(tenant))
    }

    @Test func invalidChannelNamesAreRefused() throws {
        #expect(throws: PGError.self) {
            _ = try PGListener(conninfo: try #require(TestDatabase.appURL), channels: ["x; DROP TABLE users"])
        }
    }
}
