import Logging
import Runtime
import RuntimePostgres
import Testing

/// Where the integration tests find PostgreSQL (`make test` sets these; see Makefile).
///
/// Without them the suites are skipped when run alone, but under `make test` (`REQUIRE_SERVICES=1`) they
/// run and fail, so a missing database can never pass for green.
enum TestDatabase {
    static let environment = ProcessEnvironment.current()
    static var appURL: String? { environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var ownerURL: String? { environment["DATABASE_OWNER_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var superuserURL: String? { environment["DATABASE_SUPERUSER_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var migrationsDirectory: String {
        environment["MIGRATIONS_DIR"] ?? String(#filePath.split(separator: "/Tests/")[0]) + "/Functions/SharedPlatform/Migrations"
    }
    /// Run the suites: the database is configured, or it is required to be.
    static var enabled: Bool { appURL != nil || environment["REQUIRE_SERVICES"] == "1" }

    static let logger = Logger(label: "tests")

    static func owner() throws -> PGConnection { try PGConnection(conninfo: try #require(ownerURL, "DATABASE_OWNER_URL is not set")) }
    static func app() throws -> PGConnection { try PGConnection(conninfo: try #require(appURL, "DATABASE_URL is not set")) }
    static func superuser() throws -> PGConnection {
        try PGConnection(conninfo: try #require(superuserURL, "DATABASE_SUPERUSER_URL is not set"))
    }
    static func database() throws -> Database {
        Database(url: try #require(appURL, "DATABASE_URL is not set"), logger: logger)
    }

    /// Applies the project's migrations to the shared test database (idempotent).
    static func migrate() throws {
        try Migrator(directory: migrationsDirectory).migrate(on: try owner(), logger: logger)
    }

    /// A fresh tenant id for one test, created through the owner connection with one user.
    static func makeTenant(_ label: String) throws -> String {
        try migrate()
        let id = "t-\(label)-" + String(RequestID.generate().prefix(10))
        let owner = try owner()
        try owner.query("INSERT INTO tenants (tenant_id, company_name) VALUES (\(id), \("Company " + label))")
        try owner.query("""
            INSERT INTO users (tenant_id, email, name, role) VALUES (\(id), \("owner@" + id + ".example"), 'Owner', 'admin')
            """)
        return id
    }

    static func dropTenant(_ id: String) {
        _ = try? owner().query("DELETE FROM tenants WHERE tenant_id = \(id)")
    }
}
