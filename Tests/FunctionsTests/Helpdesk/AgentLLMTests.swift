@testable import HelpdeskFunction
import Integrations
import Logging
import ProviderFakes
import Runtime
import RuntimePostgres
import Testing

/// A tenant that can quote (``QuoteWorld``: Zanzibar rates for March 2027) with a little knowledge, and the helpdesk
/// ask + agent routes in-process against the test database.
struct AgentWorld {
    let quotes: QuoteWorld
    var harness: IdentityHarness { quotes.harness }
    var tenant: IdentityHarness.Tenant { quotes.tenant }
    var admin: String { quotes.admin }

    static func make(_ label: String, llm: LLMConfiguration? = nil) throws -> AgentWorld {
        let settings = AskSettings(llm: llm)
        let harness = try IdentityHarness(function: "helpdesk") { router in
            AskHandlers.install(on: &router, settings: settings)
            AgentHandlers.install(on: &router, settings: settings)
        }
        let world = AgentWorld(quotes: try QuoteWorld.make(label, harness: harness))
        let ask = AskWorld(harness: harness, tenant: world.tenant, admin: world.admin)
        try ask.addDocument("Palm Beach Resort, Zanzibar — fact sheet", visibility: "public", chunks: [
            "Check-in time is 14:00. Check-out time is 11:00. Late check-out until 18:00 costs USD 60 per room.",
        ])
        try world.addHowTo("How to send a quote to a client",
                           "Open the quote and press Send quote. The client receives the PDF by email with a link.")
        return world
    }

    /// A tenant document of category `how-to` (the platform guides `platform_help` searches).
    func addHowTo(_ title: String, _ content: String) throws {
        let owner = try IdentityHarness.owner()
        let id = try #require(try owner.query("""
            INSERT INTO knowledge_documents (tenant_id, title, filename, content_type, format, byte_size, sha256, visibility,
                                             status, chunk_count, category)
            VALUES (\(tenant.id), \(title), 'howto.md', 'text/markdown', 'md', 0, 'test', 'private', 'indexed', 1, 'how-to')
            RETURNING id::text AS id
            """).first?.string("id"))
        try owner.query("""
            INSERT INTO knowledge_chunks (document_id, position, tenant_id, visibility, heading, content, word_count)
            VALUES (\(id)::uuid, 0, \(tenant.id), 'private', \(title), \(content), 20)
            """)
    }

    @discardableResult
    func chat(_ message: String, token: String? = nil, session: String? = nil) -> IdentityHarness.Result {
        let sessionPart = session.map { #","session_id":"\#($0)""# } ?? ""
        return harness.call(.post, "/api/v1/helpdesk/agent/chat", token: token ?? admin,
                            json: #"{"message":\#(JSONValue.string(message).jsonText)\#(sessionPart)}"#)
    }

    /// One value of the owner's view of the database (no RLS), for checking what tools wrote.
    func value(_ query: PGQuery, _ column: String) throws -> String? {
        try IdentityHarness.owner().query(query).first?[column]
    }

    /// Runs `body` as the application role in `tenantID`'s transaction (row-level security applies).
    static func asTenant<T>(_ tenantID: String, _ body: (PGConnection) throws -> T) throws -> T {
        try Database(url: try #require(IdentityHarness.environment["DATABASE_URL"]), logger: Logger(label: "tests"))
            .withTenant(tenantID, body)
    }
}

/// The tool loop through the fake OpenAI server (the production client, pointed at 127.0.0.1).
@Suite(.enabled(if: IdentityHarness.enabled))
struct AgentLLMTests {
    typealias Call = FakeOpenAIServer.Reply.ToolCall

    static func world(_ label: String, fake: FakeOpenAIServer) throws -> AgentWorld {
        try AgentWorld.make(label, llm: LLMConfiguration(baseURL: fake.baseURL, model: "fake-model", timeout: .seconds(5)))
    }

    static let quoteArguments = #"""
        {"name":"Zoë Ñúñez","email":"zoe@example.com","destination":"zanzibar","check_in":"2027-03-10",
         "check_out":"2027-03-17","adults":2}
        """#

    /// search → start_quote → route_to_human → answer: a real draft quote and a real ticket, every call answered.
    @Test func threeToolRoundsCreateARealDraftQuoteAndTicket() throws {
        let fake = try FakeOpenAIServer()
        defer { fake.stop() }
        let world = try Self.world("agent-loop", fake: fake)
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        fake.enqueue(
            .toolCalls([Call(id: "call_kb", name: "search_knowledge_base", arguments: #"{"query":"Palm Beach check-in"}"#)]),
            .toolCalls([Call(id: "call_quote", name: "start_quote", arguments: Self.quoteArguments)]),
            .toolCalls([Call(id: "call_human", name: "route_to_human",
                             arguments: #"{"summary":"Wants a sea-view upgrade","customer_email":"zoe@example.com","priority":"high"}"#)]),
            .text("Check-in is at 14:00. I created the draft quote and asked a colleague about the upgrade."))
        let result = world.chat("Check-in time at Palm Beach? Then quote Zoë for 10–17 March 2027 and ask about an upgrade.")
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["method"]?.string == "llm")
        #expect(result.json["reply"]?.string?.hasPrefix("Check-in is at 14:00.") == true)
        #expect(result.json["tool_calls"]?.items.map { $0["name"]?.string } == [
            "search_knowledge_base", "start_quote", "route_to_human",
        ])
        #expect(result.json["tool_calls"]?.item(0)?["arguments"]?["query"]?.string == "Palm Beach check-in")
        let quoteID = try #require(result.json["actions"]?["quote_id"]?.string)
        let ticketID = try #require(result.json["actions"]?["ticket_id"]?.string)

        let tenant = world.tenant.id
        #expect(try world.value("SELECT status FROM quotes WHERE tenant_id = \(tenant) AND quote_id = \(quoteID)", "status") == "draft")
        #expect(try world.value("SELECT source FROM quotes WHERE tenant_id = \(tenant) AND quote_id = \(quoteID)", "source") == "helpdesk")
        #expect(try world.value("SELECT source FROM tickets WHERE tenant_id = \(tenant) AND ticket_id = \(ticketID)", "source") == "chat")
        #expect(try world.value("SELECT priority FROM tickets WHERE tenant_id = \(tenant) AND ticket_id = \(ticketID)", "priority") == "high")
        // The hand-off tells the tenant's users, once each.
        #expect(try world.value("""
            SELECT count(*)::text AS n FROM notifications
            WHERE tenant_id = \(tenant) AND kind = 'helpdesk_handoff' AND entity_id = \(ticketID)
            """, "n") != "0")

        let requests = fake.chatRequests
        try #require(requests.count == 4)
        #expect(requests[0]["tools"]?.items.count == 4)
        let system = try #require(requests[0]["messages"]?.item(0)?["content"]?.string)
        #expect(system.contains("Today is") && system.contains("Answer only from tool results"))
        let tools = (requests[3]["messages"]?.items ?? []).filter { $0["role"]?.string == "tool" }
        #expect(tools.map { $0["tool_call_id"]?.string } == ["call_kb", "call_quote", "call_human"])
        #expect(tools[0]["content"]?.string?.contains("Palm Beach Resort") == true)
        #expect(tools[1]["content"]?.string?.contains(quoteID) == true)
        #expect(tools[2]["content"]?.string?.contains(ticketID) == true)

        let session = try #require(result.json["session_id"]?.string)
        let stored = world.harness.call(.get, "/api/v1/helpdesk/sessions/\(session)", token: world.admin)
        #expect(stored.json["kind"]?.string == "agent")
        #expect(stored.json["messages"]?.items.map { $0["role"]?.string ?? "" } == [
            "user", "assistant", "tool", "assistant", "tool", "assistant", "tool", "assistant",
        ])
        #expect(stored.json["messages"]?.item(2)?["tool_call_id"]?.string == "call_kb")
    }

    /// Five rounds that all ask for tools: the fifth's calls are not run, the reply says so and offers hand-off.
    @Test func theLoopStopsAtFiveRoundsAndSaysSo() throws {
        let fake = try FakeOpenAIServer()
        defer { fake.stop() }
        let world = try Self.world("agent-cap", fake: fake)
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        fake.enqueue((1...6).map { round -> FakeOpenAIServer.Reply in
            .toolCalls([Call(id: "call_\(round)", name: "search_knowledge_base", arguments: #"{"query":"check-in"}"#)])
        })
        let result = world.chat("What time is check-in?")
        try #require(result.status == 200, "\(result.text)")
        #expect(fake.chatRequests.count == AgentLLMLoop.maxRounds)
        #expect(result.json["reply"]?.string?.contains("within 5 steps") == true)
        #expect(result.json["reply"]?.string?.contains("speak to a person") == true)
        #expect(result.json["tool_calls"]?.items.count == 5)
        #expect(result.json["tool_calls"]?.item(4)?["result_summary"]?.string == "not run: step limit reached")
        let session = try #require(result.json["session_id"]?.string)
        let stored = world.harness.call(.get, "/api/v1/helpdesk/sessions/\(session)", token: world.admin)
        #expect(stored.json["messages"]?.items.count == 10, "user, 4 × (call + result), reply; no unanswered call")
    }

    /// Malformed arguments, an unknown tool and a quote missing its dates become error results; nothing is created.
    @Test func badToolCallsAreAnsweredWithErrorMessages() throws {
        let fake = try FakeOpenAIServer()
        defer { fake.stop() }
        let world = try Self.world("agent-badcalls", fake: fake)
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        fake.enqueue(
            .toolCalls([
                Call(id: "call_bad", name: "start_quote", arguments: #"{"name": "Zoë""#),
                Call(id: "call_unknown", name: "book_flight", arguments: "{}"),
                Call(id: "call_missing", name: "start_quote",
                     arguments: #"{"name":"Zoë","email":"zoe@example.com","destination":"Zanzibar","adults":"two"}"#),
                Call(id: "call_nodates", name: "start_quote",
                     arguments: #"{"name":"Zoë","email":"zoe@example.com","destination":"Zanzibar"}"#),
            ]),
            .text("I need the travel dates."))
        let result = world.chat("Quote Zanzibar for Zoë")
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["reply"]?.string == "I need the travel dates.")
        #expect(result.json["actions"] == .object([:]))
        let summaries = result.json["tool_calls"]?.items.compactMap { $0["result_summary"]?.string } ?? []
        #expect(summaries.count == 4 && summaries.allSatisfy { $0.hasPrefix("error: ") })
        let tools = (fake.chatRequests.last?["messages"]?.items ?? []).filter { $0["role"]?.string == "tool" }
        #expect(tools.map { $0["tool_call_id"]?.string } == ["call_bad", "call_unknown", "call_missing", "call_nodates"])
        let contents = tools.compactMap { $0["content"]?.string }.compactMap { try? JSONValue.object(from: Array($0.utf8)) }
        #expect(contents.count == 4 && contents.allSatisfy { $0["error"]?.string != nil })
        #expect(contents[1]["error"]?.string?.contains("book_flight") == true)
        #expect(contents[2]["field"]?.string == "adults")
        #expect(contents[3]["field"]?.string == "check_in")
        #expect(try world.value("SELECT count(*)::text AS n FROM quotes WHERE tenant_id = \(world.tenant.id)", "n") == "0")
    }

    @Test func aFailingLLMFallsBackToTheRules() throws {
        let fake = try FakeOpenAIServer()
        defer { fake.stop() }
        let world = try Self.world("agent-500", fake: fake)
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        fake.enqueue(.serverError)
        let result = world.chat("What time is check-in at Palm Beach Resort?")
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["method"]?.string == "rules")
        #expect(result.json["reply"]?.string?.contains("14:00") == true)
        #expect(result.json["tool_calls"]?.item(0)?["name"]?.string == "search_knowledge_base")
    }

    /// A quote a tool created commits on its own: the LLM failing afterwards does not undo it, nor repeat it.
    @Test func aQuoteCreatedBeforeTheLLMFailsIsKept() throws {
        let fake = try FakeOpenAIServer()
        defer { fake.stop() }
        let world = try Self.world("agent-500-late", fake: fake)
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        fake.enqueue(.toolCalls([Call(id: "call_quote", name: "start_quote", arguments: Self.quoteArguments)]), .serverError)
        let result = world.chat("Quote Zoë for Zanzibar 10–17 March 2027")
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["method"]?.string == "rules")
        let quoteID = try #require(result.json["actions"]?["quote_id"]?.string)
        #expect(result.json["reply"]?.string?.contains(quoteID) == true)
        #expect(try world.value("SELECT count(*)::text AS n FROM quotes WHERE tenant_id = \(world.tenant.id)", "n") == "1")
    }
}
