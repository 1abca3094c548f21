import Knowledge
import Runtime
import RuntimePostgres
import RuntimeTesting
import Testing

/// Issue 7's acceptance: a 20 MB PDF is accepted at once and indexed by the job; a corrupt PDF ends in `error`.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized) struct KnowledgeLargeUploadTests {
    @Test func twentyMegabytePDFIsQueuedThenIndexedByTheJob() throws {
        let world = try KnowledgeWorld.make("kbig")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let pages = (1...60).map { page in
            (1...30).map { "Page \(page) line \($0): the Serengeti migration peaks between July and October." }
        }
        let pdf = PDFFixture.make(pages: pages, paddingBytes: 20 << 20)
        #expect(pdf.count > 20 << 20)
        let start = ContinuousClock.now
        let uploaded = world.upload(pdf, filename: "safari-handbook.pdf", type: "application/pdf")
        let elapsed = ContinuousClock.now - start
        #expect(uploaded.status == 202, "\(uploaded.text)")
        let id = try #require(uploaded.json["document"]?["id"]?.string)
        let right = try KnowledgeWorld.status(id)
        #expect(right.status == "pending")
        #expect(right.chunks == 0)
        #expect(elapsed < .seconds(30))

        guard case .indexed(let chunks) = try KnowledgeWorld.index(id) else {
            Issue.record("not indexed: \(try KnowledgeWorld.status(id))")
            return
        }
        #expect(chunks > 5)
        let after = try KnowledgeWorld.status(id)
        #expect(after.status == "indexed")
        #expect(after.chunks == chunks)
        #expect(after.error == nil)
        let hits = try IdentityHarness.owner().query("""
            SELECT count(*) AS n FROM knowledge_chunks WHERE document_id = \(id)::uuid
              AND tsv @@ websearch_to_tsquery('english', 'serengeti migration')
            """).first?.int("n") ?? 0
        #expect(hits == chunks)
    }

    @Test func corruptPDFEndsInErrorWithAReason() throws {
        let world = try KnowledgeWorld.make("kcorrupt")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let pdf = PDFFixture.make(pages: [["A perfectly good sentence."]])
        let uploaded = world.upload(Array(pdf.prefix(pdf.count / 2)), filename: "broken.pdf")
        #expect(uploaded.status == 202)
        let id = try #require(uploaded.json["document"]?["id"]?.string)
        guard case .failed = try KnowledgeWorld.index(id) else {
            Issue.record("a corrupt PDF was indexed")
            return
        }
        let got = world.harness.call(.get, "/api/v1/knowledge/documents/\(id)", token: world.admin).json["document"]
        #expect(got?["status"]?.string == "error")
        let reason = got?["error_message"]?.string ?? ""
        #expect(reason.hasPrefix("The PDF could not be read:"))
        #expect(!reason.contains("/tmp"))
    }

    @Test func scannedPDFWithoutTextEndsInError() throws {
        let world = try KnowledgeWorld.make("kscan")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let id = try #require(world.upload(PDFFixture.make(pages: [[], []]), filename: "scan.pdf").json["document"]?["id"]?.string)
        try KnowledgeWorld.index(id)
        #expect(try KnowledgeWorld.status(id).error?.contains("scanned PDF?") == true)
    }
}
