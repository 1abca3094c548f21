import PlatformCtl
import SharedPlatform
import TenantAdminFunction
import Runtime
import RuntimePostgres
import Testing

@Suite struct PlatformCtlUsageTests {
    @Test func unknownOrMissingCommandsPrintUsage() {
        var output: [String] = []
        #expect(PlatformCtl.main(arguments: [], environment: [:]) { output.append($0) } == 2)
        #expect(output.joined().contains("usage"))
        #expect(PlatformCtl.main(arguments: ["explode"], environment: ["DATABASE_URL": "x"]) { output.append($0) } == 2)
    }

    @Test func aMissingDatabaseIsACleanError() {
        var output: [String] = []
        #expect(PlatformCtl.main(arguments: ["migrate"], environment: [:]) { output.append($0) } == 2)
        #expect(output.last?.contains("DATABASE_URL") == true)
        let code = PlatformCtl.main(arguments: ["migrate", "--dir", "/nonexistent"],
                                    environment: ["DATABASE_URL": "host=/nonexistent port=1"]) { output.append($0) }
        #expect(code == 1)
    }
}

@Suite(.enabled(if: ProcessEnvironment.current()["DATABASE_OWNER_URL"] != nil
                || ProcessEnvironment.current()["REQUIRE_SERVICES"] == "1"),
       .serialized)
struct PlatformCtlDatabaseTests {
    let environment = ProcessEnvironment.current()
    var migrations: String {
        environment["MIGRATIONS_DIR"] ?? String(#filePath.split(separator: "/Tests/")[0]) + "/Functions/SharedPlatform/Migrations"
    }

    @Test func migrateIsIdempotent() throws {
        let url = try #require(environment["DATABASE_OWNER_URL"])
        var output: [String] = []
        #expect(PlatformCtl.main(arguments: ["migrate", "--dir", migrations], environment: ["DATABASE_URL": url]) { output.append($0) } == 0)
        #expect(PlatformCtl.main(arguments: ["migrate", "--dir", migrations], environment: ["DATABASE_URL": url]) { output.append($0) } == 0)
        #expect(output.last?.hasPrefix("migrations: up to date") == true)
    }

    @Test func seedDemoSetsAVerifiablePasswordAndKeepsItOnRerun() throws {
        let url = try #require(environment["DATABASE_OWNER_URL"])
        _ = PlatformCtl.main(arguments: ["migrate", "--dir", migrations], environment: ["DATABASE_URL": url]) { _ in }
        var output: [String] = []
        let chosen = "Correct-Horse-\(Int.random(in: 1000...9999))"
        #expect(PlatformCtl.main(arguments: ["seed-demo"], environment: ["DATABASE_URL": url, "DEMO_ADMIN_PASSWORD": chosen]) {
            output.append($0)
        } == 0)
        #expect(output.contains("demo admin password: \(chosen)"))
        let hash = try PGConnection(conninfo: url).query("""
            SELECT password_hash FROM users WHERE tenant_id = 'demo' AND email = 'admin@demo.example.com'
            """).first?.string("password_hash")
        #expect(PasswordHasher().verify(chosen, against: try #require(hash)))
        output = []
        #expect(PlatformCtl.main(arguments: ["seed-demo"], environment: ["DATABASE_URL": url]) { output.append($0) } == 0)
        #expect(output.contains("demo admin password: unchanged"))
        let config = try PGConnection(conninfo: url).query("""
            SELECT config->'inbound'->>'mode' AS mode, jsonb_array_length(config->'destinations') AS n FROM tenants WHERE tenant_id = 'demo'
            """).first
        #expect(config?["mode"] == "ticket")
        #expect(try config?.int("n") ?? 0 >= 3)
    }
}

@Suite struct DemoSeedConfigTests {
    /// The demo tenant's stored config must pass the same validation a PATCH applies.
    @Test func theDemoConfigIsValid() throws {
        let stored = try JSON.decode(JSONValue.self, from: Array(DemoSeed.config.utf8))
        let effective = TenantConfigSchema.effective(stored: stored, companyName: "Demo Travel", currency: "ZAR")
        let valid = try TenantConfigSchema.validate(effective)
        #expect(valid["destinations"]?.array?.count == 3)
        #expect(valid["inbound"]?["mode"]?.string == "ticket")
    }
}
