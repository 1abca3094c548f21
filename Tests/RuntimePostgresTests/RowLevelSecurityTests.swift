import RuntimePostgres
import Testing

/// DESIGN §3: isolation is enforced by PostgreSQL as well as by handlers.
@Suite(.enabled(if: TestDatabase.enabled), .serialized)
struct RowLevelSecurityTests {
    @Test func withoutTenantSettingTheAppRoleSeesNoRows() throws {
        let tenant = try TestDatabase.makeTenant("norls")
        defer { TestDatabase.dropTenant(tenant) }
        let app = try TestDatabase.app()
        #expect(try app.query("SELECT count(*) AS n FROM users").first?.int("n") == 0)
        #expect(try app.query("SELECT count(*) AS n FROM tenants").first?.int("n") == 0)
    }

    @Test func aTenantSeesOnlyItsOwnRowsEvenWithoutAFilter() throws {
        let a = try TestDatabase.makeTenant("a")
        let b = try TestDatabase.makeTenant("b")
        defer { TestDatabase.dropTenant(a); TestDatabase.dropTenant(b) }
        let database = try TestDatabase.database()
        let tenants = try database.withTenant(a) { connection in
            try connection.query("SELECT DISTINCT tenant_id FROM users").all.map { try $0.string("tenant_id") }
        }
        #expect(tenants == [a])
        let visibleTenants = try database.withTenant(a) { connection in
            try connection.query("SELECT tenant_id FROM tenants").all.map { try $0.string("tenant_id") }
        }
        #expect(visibleTenants == [a])
        // Asking for B's rows by id while scoped to A returns nothing.
        let crossRows = try database.withTenant(a) { connection in
            try connection.query("SELECT id FROM users WHERE tenant_id = \(b)").rowCount
        }
        #expect(crossRows == 0)
    }

    @Test func anotherTenantsSettingSeesNothingOfThisOne() throws {
        let a = try TestDatabase.makeTenant("other")
        defer { TestDatabase.dropTenant(a) }
        let count = try TestDatabase.database().withTenant("no-such-tenant") { connection in
            try connection.query("SELECT count(*) AS n FROM users WHERE tenant_id = \(a)").first?.int("n")
        }
        #expect(count == 0)
    }

    @Test func writingAnotherTenantsRowIsRefused() throws {
        let a = try TestDatabase.makeTenant("wa")
        let b = try TestDatabase.makeTenant("wb")
        defer { TestDatabase.dropTenant(a); TestDatabase.dropTenant(b) }
        let database = try TestDatabase.database()
        #expect {
            try database.withTenant(a) { connection in
                try connection.query("INSERT INTO users (tenant_id, email, role) VALUES (\(b), 'x@b.example', 'consultant')")
            }
        } throws: { ($0 as? PGError)?.sqlState == "42501" }
        // An UPDATE aimed at B's rows touches nothing.
        let updated = try database.withTenant(a) { connection in
            try connection.query("UPDATE users SET name = 'hijacked' WHERE tenant_id = \(b)").affectedRows
        }
        #expect(updated == 0)
    }

    @Test func thePlatformPathSeesEveryTenant() throws {
        let a = try TestDatabase.makeTenant("pa")
        let b = try TestDatabase.makeTenant("pb")
        defer { TestDatabase.dropTenant(a); TestDatabase.dropTenant(b) }
        let ids = try TestDatabase.database().asPlatform { connection in
            try connection.query("SELECT tenant_id FROM tenants WHERE tenant_id IN (\(a), \(b)) ORDER BY tenant_id")
                .all.map { try $0.string("tenant_id") }
        }
        #expect(ids == [a, b].sorted())
    }

    @Test func everyTableWithATenantColumnHasForcedRowLevelSecurityAndAPolicy() throws {
        try TestDatabase.migrate()
        let offenders = try TestDatabase.owner().query("""
            SELECT c.relname AS name
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
                   OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
            ORDER BY 1
            """).all.map { try $0.string("name") }
        #expect(offenders == [], "tables with tenant_id but no forced RLS policy: \(offenders)")
        let tenantTables = try TestDatabase.owner().query("""
            SELECT count(*) AS n FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'
            """).first?.int("n") ?? 0
        #expect(tenantTables >= 5)
    }

    @Test func theApplicationRoleOwnsNothingAndCannotChangeTheSchema() throws {
        try TestDatabase.migrate()
        let owned = try TestDatabase.owner().query("""
            SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'travel_app'
            """).first?.int("n")
        #expect(owned == 0)
        let app = try TestDatabase.app()
        #expect(throws: PGError.self) { try app.query("ALTER TABLE users DISABLE ROW LEVEL SECURITY") }
        #expect(throws: PGError.self) { try app.query("DROP TABLE outbox") }
        #expect(throws: PGError.self) { try app.query("DELETE FROM schema_migrations") }
    }
}
