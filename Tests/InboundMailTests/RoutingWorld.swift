import Logging
import Runtime
import RuntimePostgres
import Testing

/// Tenants for routing tests, created inside a platform transaction that is always rolled back. Ids, addresses and
/// the inbound domain carry a per-run suffix, so runs never see each other's rows.
struct RoutingWorld: Sendable {
    static let environment = ProcessEnvironment.current()
    static var enabled: Bool { environment["DATABASE_URL"] != nil || environment["REQUIRE_SERVICES"] == "1" }

    let suffix: String
    /// Support `help@<alphaDomain>`, primary `owner@<alphaDomain>`.
    var alpha: String { "ra-\(suffix)" }
    /// `email.inbound_subuser` = ``bravoSubuser``.
    var bravo: String { "rb-\(suffix)" }
    var bravoSubuser: String { "bravo.\(suffix)" }
    /// No email config at all: its id is its subuser.
    var charlie: String { "rc-\(suffix)" }
    /// Suspended; support `desk@<deltaDomain>`.
    var delta: String { "rd-\(suffix)" }
    /// Claims alpha's support address too (sorts after it).
    var echo: String { "re-\(suffix)" }
    var alphaDomain: String { "alpha-\(suffix).example" }
    var deltaDomain: String { "delta-\(suffix).example" }
    var domain: String { "in-\(suffix).example.net" }
    var nowhere: String { "nowhere-\(suffix).example" }

    private struct Rollback: Error {}

    /// Runs `body` with the world's tenants (and a tenant called `bookings`), then rolls everything back.
    static func run(_ body: (RoutingWorld, PGConnection) throws -> Void) throws {
        let url = try #require(environment["DATABASE_URL"], "DATABASE_URL is not set")
        try migrate()
        let world = RoutingWorld(suffix: String(RequestID.generate().lowercased().filter { $0.isLetter || $0.isNumber }.prefix(10)))
        let database = Database(url: url, logger: Logger(label: "routing-tests"))
        do {
            try database.asPlatform { connection in
                try world.insert(on: connection)
                try body(world, connection)
                throw Rollback()
            }
        } catch is Rollback {}
    }

    private func insert(on connection: PGConnection) throws {
        let rows: [(String, String, String)] = [
            (alpha, "active", #"{"email":{"support_address":"Help@\#(alphaDomain)","primary_address":"owner@\#(alphaDomain)"}}"#),
            (bravo, "active", #"{"email":{"inbound_subuser":"\#(bravoSubuser)"}}"#),
            (charlie, "active", "{}"),
            (delta, "suspended", #"{"email":{"support_address":"desk@\#(deltaDomain)"}}"#),
            (echo, "active", #"{"email":{"support_address":"help@\#(alphaDomain)"}}"#),
            ("bookings", "active", "{}"),
        ]
        for (id, status, config) in rows {
            try connection.query("""
                INSERT INTO tenants (tenant_id, company_name, status, config) VALUES (\(id), \(id), \(status), \(config)::jsonb)
                """)
        }
    }

    private static func migrate() throws {
        let owner = try PGConnection(conninfo: try #require(environment["DATABASE_OWNER_URL"], "DATABASE_OWNER_URL is not set"))
        let directory = environment["MIGRATIONS_DIR"]
            ?? String(#filePath.split(separator: "/Tests/")[0]) + "/Functions/SharedPlatform/Migrations"
        try Migrator(directory: directory).migrate(on: owner, logger: Logger(label: "routing-tests"))
    }
}
