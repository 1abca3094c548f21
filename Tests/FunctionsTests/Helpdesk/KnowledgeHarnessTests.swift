import HelpdeskFunction
import Knowledge
import Logging
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// The helpdesk function in-process against the test database (via ``IdentityHarness``), with helpers to upload
/// multipart documents and to run the `knowledge.index` job the worker would run.
struct KnowledgeWorld {
    let harness: IdentityHarness
    let tenant: IdentityHarness.Tenant
    let admin: String

    static func make(_ label: String, harness: IdentityHarness? = nil) throws -> KnowledgeWorld {
        let harness = try harness ?? IdentityHarness(extra: ["MAX_BODY_BYTES": String(60 << 20)], function: "helpdesk",
                                                     routes: HelpdeskFunction.routes)
        let tenant = try harness.makeTenant(label)
        return KnowledgeWorld(harness: harness, tenant: tenant, admin: try harness.login(tenant.adminEmail, tenant.adminPassword).access)
    }

    static let boundary = "knowledge-boundary-7d2f"

    /// A multipart body with `file` (named `filename`, typed `type`) and text `fields`.
    static func multipart(file: [UInt8]?, filename: String, type: String? = nil, fields: [String: String] = [:]) -> [UInt8] {
        var body: [UInt8] = []
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n".utf8)
            if let type { body += Array("Content-Type: \(type)\r\n".utf8) }
            body += Array("\r\n".utf8) + file + Array("\r\n".utf8)
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    @discardableResult
    func upload(_ file: [UInt8]?, filename: String, type: String? = nil, fields: [String: String] = [:], token: String? = nil,
                global: Bool = false) -> IdentityHarness.Result {
        harness.call(.post, global ? "/api/v1/knowledge/global/documents" : "/api/v1/knowledge/documents",
                     token: global ? nil : token ?? admin, admin: global,
                     body: Self.multipart(file: file, filename: filename, type: type, fields: fields),
                     contentType: "multipart/form-data; boundary=\(Self.boundary)")
    }

    /// Runs the indexing job of document `id` as the worker does (its job row decides tenant or global).
    @discardableResult
    static func index(_ id: String) throws -> KnowledgeIndexer.Outcome {
        let owner = try IdentityHarness.owner()
        let job = try #require(try owner.query("""
            SELECT id, tenant_id FROM jobs WHERE kind = 'knowledge.index' AND payload->>'document_id' = \(id) ORDER BY id DESC LIMIT 1
            """).first, "no knowledge.index job for \(id)")
        let database = Database(url: try #require(IdentityHarness.environment["DATABASE_URL"]), logger: Logger(label: "tests"))
        let indexer = KnowledgeIndexer(database: database, settings: KnowledgeSettings(), logger: Logger(label: "tests"))
        let outcome = try indexer.run(documentID: id, scope: job["tenant_id"].map { KnowledgeScope.tenant($0) } ?? .global)
        try owner.query("UPDATE jobs SET status = 'done' WHERE id = \(try job.int("id"))")
        return outcome
    }

    static func status(_ id: String) throws -> (status: String, chunks: Int, error: String?) {
        let row = try #require(try IdentityHarness.owner().query("""
            SELECT status, error_message, (SELECT count(*) FROM knowledge_chunks c WHERE c.document_id = d.id) AS chunks
            FROM knowledge_documents d WHERE id = \(id)::uuid
            """).first)
        return (try row.string("status"), try row.int("chunks"), row["error_message"])
    }
}

@Suite(.enabled(if: IdentityHarness.enabled)) struct KnowledgeHarnessTests {
    @Test func multipartBuilderRoundTrips() throws {
        let body = KnowledgeWorld.multipart(file: Array("x".utf8), filename: "a.txt", fields: ["title": "T"])
        let parts = try Multipart.parse(body: body, contentType: "multipart/form-data; boundary=\(KnowledgeWorld.boundary)")
        #expect(parts.map(\.name) == ["title", "file"])
    }
}
