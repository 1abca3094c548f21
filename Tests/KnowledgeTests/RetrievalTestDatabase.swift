import FoundationEssentials
import Logging
import Runtime
import RuntimePostgres
import Testing

/// Scratch knowledge for retrieval tests: one connection as the application role (subject to RLS), one transaction
/// that is always rolled back, so documents — global ones too — are never seen by other tests.
///
/// Tenant rows and global documents are written as the platform role (`SET LOCAL ROLE travel_platform`, as
/// `Database.asPlatform` does); searches run as `travel_app` with `app.tenant_id` set, as `Database.withTenant` does.
enum RetrievalTestDatabase {
    static let environment = ProcessEnvironment.current()
    static var enabled: Bool { environment["DATABASE_URL"] != nil || environment["REQUIRE_SERVICES"] == "1" }

    static var migrations: String {
        environment["MIGRATIONS_DIR"] ?? String(#filePath.split(separator: "/Tests/")[0]) + "/Functions/SharedPlatform/Migrations"
    }

    /// Runs `body` in a transaction that is rolled back, after migrating.
    static func scratch<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let owner = try PGConnection(conninfo: try #require(environment["DATABASE_OWNER_URL"], "DATABASE_OWNER_URL is not set"))
        try Migrator(directory: migrations).migrate(on: owner, logger: Logger(label: "tests"))
        let connection = try PGConnection(conninfo: try #require(environment["DATABASE_URL"], "DATABASE_URL is not set"))
        try connection.query("BEGIN")
        defer { _ = try? connection.query("ROLLBACK") }
        return try body(connection)
    }

    /// A new tenant (inside the scratch transaction); returns its id.
    @discardableResult
    static func makeTenant(_ label: String, on connection: PGConnection, status: String = "active") throws -> String {
        let id = "rt-\(label)-" + String(RequestID.generate().prefix(8)).lowercased()
        try asPlatform(connection) {
            try connection.query("INSERT INTO tenants (tenant_id, company_name, status) VALUES (\(id), \("Company " + label), \(status))")
        }
        return id
    }

    /// Sets the RLS scope for the following statements (as `Database.withTenant`).
    static func scope(_ tenant: String, on connection: PGConnection) throws {
        try connection.query("SELECT set_config('app.tenant_id', \(tenant), true)")
    }

    /// A document and its chunks; `tenant` nil makes it global. Returns the document id.
    @discardableResult
    static func insert(_ title: String, chunks: [(heading: String, content: String)], tenant: String?,
                       category: String? = nil, visibility: String = "private", language: String = "english",
                       embeddings: [[Float]]? = nil, on connection: PGConnection) throws -> String {
        let write = {
            let id = try #require(try connection.query("""
                INSERT INTO knowledge_documents (tenant_id, title, filename, content_type, format, byte_size, sha256,
                                                 category, visibility, language, status, chunk_count, indexed_at)
                VALUES (\(tenant), \(title), \("doc.md"), 'text/markdown', 'md', 0, 'test', \(category), \(visibility),
                        \(language)::regconfig, 'indexed', \(chunks.count), now())
                RETURNING id::text AS id
                """).first?["id"])
            for (position, chunk) in chunks.enumerated() {
                let vector = embeddings.map { "{" + $0[position].map { String($0) }.joined(separator: ",") + "}" }
                try connection.query("""
                    INSERT INTO knowledge_chunks (document_id, position, tenant_id, visibility, language, heading, content,
                                                  word_count, embedding)
                    VALUES (\(id)::uuid, \(position), \(tenant), \(visibility), \(language)::regconfig, \(chunk.heading),
                            \(chunk.content), \(chunk.content.split(separator: " ").count), \(vector)::real[])
                    """)
            }
            return id
        }
        if let tenant {
            try scope(tenant, on: connection)
            return try write()
        }
        return try asPlatform(connection, write)
    }

    @discardableResult
    static func asPlatform<T>(_ connection: PGConnection, _ body: () throws -> T) throws -> T {
        try connection.query("SET LOCAL ROLE travel_platform")
        defer { _ = try? connection.query("SET LOCAL ROLE NONE") }
        return try body()
    }
}
