import Knowledge
import Runtime
import RuntimePostgres
import Testing

@Suite(.enabled(if: IdentityHarness.enabled), .serialized) struct KnowledgeTenancyTests {
    @Test func tenantsSeeTheirOwnAndGlobalDocumentsButChangeOnlyTheirOwn() throws {
        let a = try KnowledgeWorld.make("kta")
        let b = try KnowledgeWorld.make("ktb", harness: a.harness)
        defer {
            IdentityHarness.dropTenant(a.tenant.id)
            IdentityHarness.dropTenant(b.tenant.id)
        }
        let own = try #require(a.upload(Array("Tenant A's secret rate sheet.".utf8), filename: "a.txt").json["document"]?["id"]?.string)
        let globalText = "Global FAQ \(RequestID.generate()): travel insurance is recommended for every trip."
        let global = a.upload(Array(globalText.utf8), filename: "faq.txt", global: true)
        #expect(global.status == 202, "\(global.text)")
        let globalID = try #require(global.json["document"]?["id"]?.string)
        defer { _ = try? IdentityHarness.owner().query("DELETE FROM knowledge_documents WHERE id = \(globalID)::uuid") }
        #expect(global.json["document"]?["scope"]?.string == "global")
        #expect(try KnowledgeWorld.index(globalID) == .indexed(chunks: 1))

        // B cannot see, download, change or delete A's document.
        for (method, path) in [(HTTPMethod.get, ""), (.get, "/download"), (.post, "/reindex"), (.delete, "")] {
            #expect(b.harness.call(method, "/api/v1/knowledge/documents/\(own)\(path)", token: b.admin).status == 404)
        }
        #expect(b.harness.call(.patch, "/api/v1/knowledge/documents/\(own)", token: b.admin, json: #"{"title":"x"}"#).status == 404)
        let bList = b.harness.call(.get, "/api/v1/knowledge/documents", token: b.admin).json["data"]?.array ?? []
        #expect(!bList.contains { $0["id"]?.string == own })
        #expect(bList.contains { $0["id"]?.string == globalID })

        // Both read the global document; neither can modify it.
        for world in [a, b] {
            #expect(world.harness.call(.get, "/api/v1/knowledge/documents/\(globalID)", token: world.admin).status == 200)
            #expect(world.harness.call(.get, "/api/v1/knowledge/documents/\(globalID)/download", token: world.admin).response.body
                == Array(globalText.utf8))
            #expect(world.harness.call(.delete, "/api/v1/knowledge/documents/\(globalID)", token: world.admin).status == 404)
            #expect(world.harness.call(.patch, "/api/v1/knowledge/documents/\(globalID)", token: world.admin,
                                       json: #"{"visibility":"public"}"#).status == 404)
            #expect(world.harness.call(.post, "/api/v1/knowledge/documents/\(globalID)/reindex", token: world.admin).status == 404)
        }
        let scoped = a.harness.call(.get, "/api/v1/knowledge/documents?scope=tenant", token: a.admin).json["data"]?.array ?? []
        #expect(scoped.map { $0["id"]?.string } == [own])

        // The global routes need the platform token.
        #expect(a.harness.call(.get, "/api/v1/knowledge/global/documents", token: a.admin).status == 401)
        let adminList = a.harness.call(.get, "/api/v1/knowledge/global/documents", admin: true).json["data"]?.array ?? []
        #expect(adminList.contains { $0["id"]?.string == globalID })
        #expect(!adminList.contains { $0["id"]?.string == own })
    }

    /// Row-level security on its own: a tenant transaction cannot write global rows or another tenant's rows.
    @Test func rowLevelSecurityRefusesWritesToGlobalAndForeignDocuments() throws {
        let a = try KnowledgeWorld.make("krls")
        let b = try KnowledgeWorld.make("krlsb", harness: a.harness)
        defer {
            IdentityHarness.dropTenant(a.tenant.id)
            IdentityHarness.dropTenant(b.tenant.id)
        }
        let global = try #require(a.upload(Array("Global RLS \(RequestID.generate())".utf8), filename: "g.txt", global: true)
            .json["document"]?["id"]?.string)
        defer { _ = try? IdentityHarness.owner().query("DELETE FROM knowledge_documents WHERE id = \(global)::uuid") }
        let own = try #require(a.upload(Array("A only".utf8), filename: "a.txt").json["document"]?["id"]?.string)
        let app = try PGConnection(conninfo: try #require(IdentityHarness.environment["DATABASE_URL"]))
        try app.query("BEGIN")
        try app.query("SELECT set_config('app.tenant_id', \(b.tenant.id), true)")
        #expect(try app.query("UPDATE knowledge_documents SET title = 'hacked' WHERE id = \(global)::uuid").affectedRows == 0)
        #expect(try app.query("DELETE FROM knowledge_documents WHERE id = \(global)::uuid").affectedRows == 0)
        #expect(try app.query("SELECT 1 FROM knowledge_documents WHERE id = \(own)::uuid").isEmpty)
        #expect(try app.query("SELECT 1 FROM knowledge_documents WHERE id = \(global)::uuid").rowCount == 1)
        #expect(throws: PGError.self) {
            try app.query("""
                INSERT INTO knowledge_documents (tenant_id, title, filename, content_type, format, byte_size, sha256)
                VALUES (NULL, 't', 'f', 'text/plain', 'txt', 1, 'x')
                """)
        }
        _ = try? app.query("ROLLBACK")
    }
}
