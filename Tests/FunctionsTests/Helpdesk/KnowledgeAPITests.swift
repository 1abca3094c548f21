import Knowledge
import Runtime
import RuntimePostgres
import Testing

@Suite(.enabled(if: IdentityHarness.enabled), .serialized) struct KnowledgeAPITests {
    static let guide = """
        # Zanzibar travel guide

        Check-in at Palm Beach Resort is from 14:00 and check-out is at 10:00. Mr. Ali at reception speaks Swahili.

        ## Visas

        South African passport holders need no visa for stays of up to 90 days. A yellow fever certificate is required.
        """

    @Test func uploadIndexGetListPatchDownloadDelete() throws {
        let world = try KnowledgeWorld.make("kapi")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let uploaded = world.upload(Array(Self.guide.utf8), filename: "zanzibar-guide.md", type: "text/markdown",
                                    fields: ["category": "destinations", "tags": "zanzibar, visas", "language": "en"])
        #expect(uploaded.status == 202, "\(uploaded.text)")
        let document = try #require(uploaded.json["document"])
        let id = try #require(document["id"]?.string)
        #expect(document["status"]?.string == "pending")
        #expect(document["title"]?.string == "zanzibar-guide")
        #expect(document["tags"] == .array([.string("zanzibar"), .string("visas")]))
        #expect(try KnowledgeWorld.status(id).chunks == 0)

        #expect(try KnowledgeWorld.index(id) == .indexed(chunks: 2))
        let got = world.harness.call(.get, "/api/v1/knowledge/documents/\(id)", token: world.admin)
        #expect(got.json["document"]?["status"]?.string == "indexed")
        #expect(got.json["document"]?["chunk_count"] == .number(2))
        let headings = try IdentityHarness.owner().query("""
            SELECT heading FROM knowledge_chunks WHERE document_id = \(id)::uuid
              AND tsv @@ websearch_to_tsquery('english', 'visa passport') ORDER BY position
            """).all.map { $0["heading"] ?? "" }
        #expect(headings == ["Visas"])

        let listed = world.harness.call(.get, "/api/v1/knowledge/documents?tag=Visas&category=destinations&q=guide", token: world.admin)
        #expect(listed.json["data"]?.array?.count == 1)
        #expect(listed.json["next_cursor"] == .null)
        #expect(world.harness.call(.get, "/api/v1/knowledge/documents?status=bogus", token: world.admin).status == 422)
        #expect(world.harness.call(.get, "/api/v1/knowledge/documents?cursor=zzz", token: world.admin).status == 422)

        let patched = world.harness.call(.patch, "/api/v1/knowledge/documents/\(id)", token: world.admin,
                                         json: #"{"title":"Zanzibar","visibility":"public","tags":["beach"],"category":null}"#)
        #expect(patched.status == 200, "\(patched.text)")
        #expect(patched.json["document"]?["visibility"]?.string == "public")
        #expect(patched.json["document"]?["category"] == .null)
        let visibilities = try IdentityHarness.owner().query("""
            SELECT DISTINCT visibility FROM knowledge_chunks WHERE document_id = \(id)::uuid
            """).all.map { $0["visibility"] ?? "" }
        #expect(visibilities == ["public"])
        #expect(world.harness.call(.patch, "/api/v1/knowledge/documents/\(id)", token: world.admin, json: #"{"status":"indexed"}"#).status == 422)

        let download = world.harness.call(.get, "/api/v1/knowledge/documents/\(id)/download", token: world.admin)
        #expect(download.status == 200)
        #expect(download.response.body == Array(Self.guide.utf8))
        #expect(download.response.headers["content-type"] == "text/markdown; charset=utf-8")
        #expect(download.response.headers["content-disposition"]?.hasPrefix("attachment; filename=\"zanzibar-guide.md\"") == true)

        let reindexed = world.harness.call(.post, "/api/v1/knowledge/documents/\(id)/reindex", token: world.admin)
        #expect(reindexed.status == 202)
        #expect(reindexed.json["document"]?["status"]?.string == "pending")
        #expect(try KnowledgeWorld.index(id) == .indexed(chunks: 2))

        #expect(world.upload(Array(Self.guide.utf8), filename: "again.md").errorCode == "duplicate_document")
        #expect(world.harness.call(.delete, "/api/v1/knowledge/documents/\(id)", token: world.admin).status == 204)
        #expect(world.harness.call(.get, "/api/v1/knowledge/documents/\(id)", token: world.admin).status == 404)
        #expect(try IdentityHarness.owner().query("SELECT 1 FROM knowledge_chunks WHERE document_id = \(id)::uuid").isEmpty)
    }

    @Test func badUploadsAreRefusedWithClearErrors() throws {
        let world = try KnowledgeWorld.make("kbad")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        #expect(world.upload([], filename: "empty.txt").status == 422)
        #expect(world.upload(nil, filename: "").json["error"]?["field"]?.string == "file")
        #expect(world.upload(Array("MZ".utf8), filename: "setup.exe").status == 415)
        let mismatch = world.upload(Array("plain text".utf8), filename: "fake.pdf")
        #expect(mismatch.status == 422)
        #expect(mismatch.errorCode == "document_type_mismatch")
        #expect(world.upload(Array("x".utf8), filename: "a.txt", fields: ["visibility": "everyone"]).json["error"]?["field"]?.string == "visibility")
        #expect(world.upload(Array("x".utf8), filename: "a.txt", fields: ["language": "12"]).status == 422)
        let traversal = world.upload(Array("hello".utf8), filename: "../../etc/passwd.txt")
        #expect(traversal.json["document"]?["filename"]?.string == "passwd.txt")
        #expect(world.harness.call(.post, "/api/v1/knowledge/documents", token: world.admin, json: "{}").status == 415)
    }

    @Test func consultantsReadButCannotWrite() throws {
        let world = try KnowledgeWorld.make("krole")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let id = try #require(world.upload(Array("Breakfast is served from 7.".utf8), filename: "b.txt").json["document"]?["id"]?.string)
        let consultant = try QuoteWorld(harness: world.harness, tenant: world.tenant, admin: world.admin).addConsultant("Kim Reader").token
        #expect(world.harness.call(.get, "/api/v1/knowledge/documents/\(id)", token: consultant).status == 200)
        #expect(world.harness.call(.get, "/api/v1/knowledge/documents", token: consultant).status == 200)
        #expect(world.upload(Array("x".utf8), filename: "c.txt", token: consultant).status == 403)
        #expect(world.harness.call(.delete, "/api/v1/knowledge/documents/\(id)", token: consultant).status == 403)
        #expect(world.harness.call(.get, "/api/v1/knowledge/documents").status == 401)
    }

    @Test func listPagesWithCursor() throws {
        let world = try KnowledgeWorld.make("kpage")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        for index in 0..<5 { world.upload(Array("Document number \(index).".utf8), filename: "d\(index).txt") }
        var seen: [String] = []
        var cursor: String?
        repeat {
            let page = world.harness.call(.get, "/api/v1/knowledge/documents?scope=tenant&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""),
                                          token: world.admin)
            seen += page.json["data"]?.array?.compactMap { $0["id"]?.string } ?? []
            cursor = page.json["next_cursor"]?.string
        } while cursor != nil && seen.count < 20
        #expect(seen.count == 5)
        #expect(Set(seen).count == 5)
    }
}
