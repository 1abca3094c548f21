internal import FoundationEssentials
public import Logging

/// Applies numbered SQL migrations (`0001_base.sql`, `0002_…sql`) from a folder, each once, in order.
///
/// Each file runs in its own transaction together with its row in `schema_migrations` (version, name,
/// checksum, applied_at), so a failing file leaves nothing behind. A session advisory lock keeps two
/// migrators from running at once. A file changed after it was applied is an error (its checksum differs):
/// write a new migration instead.
public struct Migrator {
    public struct Migration: Sendable, Equatable {
        public let version: Int
        public let name: String
        public let sql: String

        public init(version: Int, name: String, sql: String) {
            self.version = version
            self.name = name
            self.sql = sql
        }

        /// FNV-1a 64 of the file's bytes, hex; detects edits, not tampering.
        public var checksum: String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in sql.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }

    public let migrations: [Migration]
    private static let lockKey = 7_270_001

    /// Loads every `NNNN_name.sql` in `directory`.
    ///
    /// - Throws: ``PGError`` `migrationFailed` for an unreadable folder, a bad file name or a duplicate version.
    public init(directory: String) throws(PGError) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw PGError(.migrationFailed, serverMessage: "cannot read migrations folder \(directory)")
        }
        var loaded: [Migration] = []
        for file in names where file.hasSuffix(".sql") {
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]), version > 0 else {
                throw PGError(.migrationFailed, serverMessage: "migration file \(file) is not named NNNN_name.sql")
            }
            guard let data = FileManager.default.contents(atPath: directory + "/" + file) else {
                throw PGError(.migrationFailed, serverMessage: "cannot read \(file)")
            }
            loaded.append(Migration(version: version, name: String(stem[stem.index(after: underscore)...]),
                                    sql: String(decoding: data, as: UTF8.self)))
        }
        try self.init(migrations: loaded)
    }

    public init(migrations: [Migration]) throws(PGError) {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.version == next.version {
            throw PGError(.migrationFailed, serverMessage: "two migrations have version \(next.version)")
        }
        self.migrations = sorted
    }

    /// Applies what is pending on `connection` (the schema owner's) and returns the versions applied.
    @discardableResult
    public func migrate(on connection: PGConnection, logger: Logger) throws(PGError) -> [Int] {
        try connection.query("SET client_min_messages = warning")
        try connection.query("SELECT pg_advisory_lock(\(Self.lockKey))")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))") }
        try connection.query("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """)
        var applied: [Int: String] = [:]
        for row in try connection.query("SELECT version, checksum FROM schema_migrations").all {
            applied[try row.int("version")] = try row.string("checksum")
        }
        var done: [Int] = []
        for migration in migrations {
            if let checksum = applied[migration.version] {
                guard checksum == migration.checksum else {
                    throw PGError(.migrationFailed,
                                  serverMessage: "migration \(migration.version)_\(migration.name) changed after it was applied")
                }
                continue
            }
            try connection.query("BEGIN")
            do {
                try connection.execute(script: migration.sql)
                try connection.query("""
                    INSERT INTO schema_migrations (version, name, checksum)
                    VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                    """)
                try connection.query("COMMIT")
            } catch {
                _ = try? connection.query("ROLLBACK")
                throw PGError(.migrationFailed, sqlState: error.sqlState,
                              serverMessage: "migration \(migration.version)_\(migration.name) failed: \(error.serverMessage)")
            }
            logger.notice("migration applied", metadata: ["version": .stringConvertible(migration.version),
                                                          "name": .string(migration.name)])
            done.append(migration.version)
        }
        return done
    }
}
