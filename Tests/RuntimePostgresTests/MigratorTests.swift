import FoundationEssentials
import Runtime
import RuntimePostgres
import Testing

/// Migrations run against a database of their own, created and dropped per test.
@Suite(.enabled(if: TestDatabase.enabled), .serialized)
struct MigratorTests {
    /// Creates a scratch database owned by travel_owner and returns an owner connection to it.
    private func withScratchDatabase(_ body: (PGConnection) throws -> Void) throws {
        let name = "scratch_" + String(RequestID.generate().prefix(12))
        let superuser = try TestDatabase.superuser()
        try superuser.query(PGQuery(unsafeSQL: "CREATE DATABASE \(name) OWNER travel_owner"))
        defer { _ = try? superuser.query(PGQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")) }
        let ownerURL = try #require(TestDatabase.ownerURL)
        let url = ownerURL.replacingFirst("/travel?", with: "/\(name)?")
        try body(try PGConnection(conninfo: url))
    }

    @Test func theProjectMigrationsApplyOnceToAnEmptyDatabase() throws {
        let migrator = try Migrator(directory: TestDatabase.migrationsDirectory)
        #expect(!migrator.migrations.isEmpty)
        try withScratchDatabase { connection in
            let first = try migrator.migrate(on: connection, logger: TestDatabase.logger)
            #expect(first == migrator.migrations.map(\.version))
            #expect(try migrator.migrate(on: connection, logger: TestDatabase.logger).isEmpty)
            let recorded = try connection.query("SELECT count(*) AS n FROM schema_migrations").first?.int("n")
            #expect(recorded == migrator.migrations.count)
        }
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        let migrator = try Migrator(migrations: [
            .init(version: 1, name: "ok", sql: "CREATE TABLE a (x int);"),
            .init(version: 2, name: "broken", sql: "CREATE TABLE b (x int); SELECT * FROM no_such_table;"),
        ])
        try withScratchDatabase { connection in
            #expect(throws: PGError.self) { try migrator.migrate(on: connection, logger: TestDatabase.logger) }
            let kept = try connection.query("SELECT to_regclass('a') IS NOT NULL AS p").first?.bool("p")
            let undone = try connection.query("SELECT to_regclass('b') IS NULL AS p").first?.bool("p")
            let recorded = try connection.query("SELECT max(version) AS v FROM schema_migrations").first?.int("v")
            #expect(kept == true)
            #expect(undone == true)
            #expect(recorded == 1)
        }
    }

    @Test func anEditedAppliedMigrationIsAnError() throws {
        try withScratchDatabase { connection in
            try Migrator(migrations: [.init(version: 1, name: "a", sql: "CREATE TABLE a (x int);")])
                .migrate(on: connection, logger: TestDatabase.logger)
            let edited = try Migrator(migrations: [.init(version: 1, name: "a", sql: "CREATE TABLE a (y int);")])
            #expect(throws: PGError.self) { try edited.migrate(on: connection, logger: TestDatabase.logger) }
        }
    }
}

@Suite struct MigratorFileTests {
    @Test func duplicateVersionsAndBadNamesAreRejected() throws {
        #expect(throws: PGError.self) {
            try Migrator(migrations: [.init(version: 1, name: "a", sql: ""), .init(version: 1, name: "b", sql: "")])
        }
        let folder = "/tmp/migrator-test-\(RequestID.generate().prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FileManager.default.createFile(atPath: folder + "/first.sql", contents: Data("SELECT 1;".utf8)))
        #expect(throws: PGError.self) { try Migrator(directory: folder) }
        #expect(throws: PGError.self) { try Migrator(directory: folder + "/missing") }
    }

    @Test func filesLoadInVersionOrder() throws {
        let folder = "/tmp/migrator-test-\(RequestID.generate().prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["0010_c.sql", "0002_b.sql", "0001_a.sql", "README.md"] {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("SELECT 1;".utf8)))
        }
        let migrator = try Migrator(directory: folder)
        #expect(migrator.migrations.map(\.version) == [1, 2, 10])
        #expect(migrator.migrations.map(\.name) == ["a", "b", "c"])
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        let parts = components(separatedBy: target)
        guard parts.count > 1 else { return self }
        return parts[0] + replacement + parts.dropFirst().joined(separator: target)
    }
}
