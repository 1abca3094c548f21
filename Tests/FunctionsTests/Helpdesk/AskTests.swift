@testable import HelpdeskFunction
import Integrations
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// A tenant with a little knowledge, an admin and a consultant, and the helpdesk ask routes in-process against the
/// test database (committed rows, unique per tenant; no global documents, so other tests are not disturbed).
struct AskWorld {
    let harness: IdentityHarness
    let tenant: IdentityHarness.Tenant
    let admin: String

    static func make(_ label: String, llm: LLMConfiguration? = nil, publicPerMinute: Int = 20) throws -> AskWorld {
        let settings = AskSettings(llm: llm, publicAsksPerMinute: publicPerMinute)
        let harness = try IdentityHarness(function: "helpdesk") { AskHandlers.install(on: &$0, settings: settings) }
        let tenant = try harness.makeTenant(label)
        let admin = try harness.login(tenant.adminEmail, tenant.adminPassword).access
        let configured = harness.call(.patch, "/api/v1/tenant/config", token: admin, json: """
            {"email":{"support_address":"help@\(tenant.id).example.com"},"branding":{"company_name":"Sunny Travel"}}
            """)
        try #require(configured.status == 200, "config: \(configured.text)")
        let world = AskWorld(harness: harness, tenant: tenant, admin: admin)
        try world.addDocument("Palm Beach Resort, Zanzibar — fact sheet", visibility: "public", chunks: [
            "Check-in time is 14:00. Check-out time is 11:00. Late check-out until 18:00 costs USD 60 per room.",
            "The Dolphin Kids Club takes children aged 4 to 12 from 09:00 to 17:00 daily, free of charge.",
        ])
        try world.addDocument("Selling notes: Sabie Bushveld Camp", visibility: "private", chunks: [
            "Sabie Bushveld Camp pays our agency a commission of 12 percent on every safari booking.",
        ])
        return world
    }

    func addDocument(_ title: String, visibility: String, chunks: [String]) throws {
        let owner = try IdentityHarness.owner()
        let id = try #require(try owner.query("""
            INSERT INTO knowledge_documents (tenant_id, title, filename, content_type, format, byte_size, sha256, visibility,
                                             status, chunk_count)
            VALUES (\(tenant.id), \(title), 'doc.md', 'text/markdown', 'md', 0, 'test', \(visibility), 'indexed', \(chunks.count))
            RETURNING id::text AS id
            """).first?.string("id"))
        for (position, content) in chunks.enumerated() {
            try owner.query("""
                INSERT INTO knowledge_chunks (document_id, position, tenant_id, visibility, heading, content, word_count)
                VALUES (\(id)::uuid, \(position), \(tenant.id), \(visibility), \(title), \(content), 20)
                """)
        }
    }

    /// A consultant who can log in; returns their access token.
    func addConsultant(_ name: String) throws -> String {
        let email = name.lowercased() + "@\(tenant.id).example.com"
        let hash = try #require(PasswordHasher(memoryKiB: 1024, iterations: 1).hash("Consultant-pass-1"))
        try IdentityHarness.owner().query("""
            INSERT INTO users (tenant_id, email, name, role, password_hash) VALUES (\(tenant.id), \(email), \(name), 'consultant', \(hash))
            """)
        return try harness.login(email, "Consultant-pass-1").access
    }

    @discardableResult
    func ask(_ question: String, token: String? = nil, session: String? = nil) -> IdentityHarness.Result {
        let sessionPart = session.map { #","session_id":"\#($0)""# } ?? ""
        return harness.call(.post, "/api/v1/helpdesk/ask", token: token ?? admin,
                            json: #"{"question":\#(JSONValue.string(question).jsonText)\#(sessionPart)}"#)
    }
}

extension JSONValue {
    /// The `index`th element of an array, nil otherwise.
    func item(_ index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The elements of an array (empty otherwise).
    var items: [JSONValue] {
        guard case .array(let items) = self else { return [] }
        return items
    }

    /// The value as JSON text.
    var jsonText: String { (try? JSON.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "null" }
}

@Suite(.enabled(if: IdentityHarness.enabled))
struct AskTests {
    @Test func answersExtractivelyWithTitlesWhenNoLLMIsConfigured() throws {
        let world = try AskWorld.make("ask-extractive")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let result = world.ask("What time is check-in at Palm Beach Resort?")
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["answered"]?.bool == true)
        #expect(result.json["method"]?.string == "extractive")
        let answer = try #require(result.json["answer"]?.string)
        #expect(answer.hasPrefix("From *Palm Beach Resort, Zanzibar — fact sheet*: "))
        #expect(answer.contains("14:00"))
        #expect(result.json["sources"]?.item(0)?["title"]?.string == "Palm Beach Resort, Zanzibar — fact sheet")
        #expect(result.json["sources"]?.item(0)?["snippet"]?.string?.isEmpty == false)
        #expect(result.json["sources"]?.item(0)?["score"]?.number != nil)
        #expect(result.json["timing_ms"]?.number != nil)
        #expect(result.json["session_id"]?.string?.count == 36)
    }

    @Test func declinesHonestlyWithAWayToReachAPerson() throws {
        let world = try AskWorld.make("ask-decline")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let result = world.ask("Do you arrange wedding ceremonies on the beach in Madagascar?")
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["answered"]?.bool == false)
        #expect(result.json["method"]?.string == "none")
        #expect(result.json["sources"] == .array([]))
        let answer = try #require(result.json["answer"]?.string)
        #expect(answer.hasPrefix("I don't know"))
        #expect(answer.contains("help@\(world.tenant.id).example.com"))
        #expect(answer.contains("Sunny Travel"))
    }

    @Test func refusesBadInput() throws {
        let world = try AskWorld.make("ask-input")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let empty = world.ask("   ")
        #expect(empty.status == 422)
        #expect(empty.json["error"]?["field"]?.string == "question")
        #expect(world.ask(String(repeating: "a", count: 2_001)).status == 422)
        #expect(world.harness.call(.post, "/api/v1/helpdesk/ask", json: #"{"question":"Hi there"}"#).status == 401)
        #expect(world.harness.call(.post, "/api/v1/helpdesk/ask", token: world.admin, json: #"{"question":5}"#).status == 422)
        #expect(world.ask("What time is check-in?", session: "not-a-uuid").status == 404)
    }
}
