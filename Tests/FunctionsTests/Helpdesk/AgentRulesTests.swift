@testable import HelpdeskFunction
import Runtime
import RuntimePostgres
import Testing

/// The agent with no LLM configured: rules choose the same four tools (`method: "rules"`).
@Suite(.enabled(if: IdentityHarness.enabled))
struct AgentRulesTests {
    @Test func anExplicitHandOffRequestOpensAChatTicket() throws {
        let world = try AgentWorld.make("agent-rules-human")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let result = world.chat("This is getting complicated, can I speak to a real person please?")
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["method"]?.string == "rules")
        #expect(result.json["tool_calls"]?.item(0)?["name"]?.string == "route_to_human")
        let ticket = try #require(result.json["actions"]?["ticket_id"]?.string)
        #expect(result.json["reply"]?.string?.contains(ticket) == true)
        #expect(try world.value("SELECT source FROM tickets WHERE tenant_id = \(world.tenant.id) AND ticket_id = \(ticket)",
                                "source") == "chat")
    }

    @Test func aQuoteRequestWithEveryFactCreatesADraftQuote() throws {
        let world = try AgentWorld.make("agent-rules-quote")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let result = world.chat("""
            Please quote Zanzibar from 10 March 2027 to 17 March 2027 for 2 adults.
            Name: Zoe Smith
            Email: zoe@example.com
            """)
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["tool_calls"]?.item(0)?["name"]?.string == "start_quote")
        #expect(result.json["tool_calls"]?.item(0)?["arguments"]?["check_in"]?.string == "2027-03-10")
        let quote = try #require(result.json["actions"]?["quote_id"]?.string, "\(result.text)")
        #expect(result.json["reply"]?.string?.contains(quote) == true)
        #expect(try world.value("SELECT status FROM quotes WHERE tenant_id = \(world.tenant.id) AND quote_id = \(quote)",
                                "status") == "draft")
    }

    @Test func aQuoteRequestMissingFactsAsksForThem() throws {
        let world = try AgentWorld.make("agent-rules-missing")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let result = world.chat("Can you quote Zanzibar for 2 adults?")
        try #require(result.status == 200, "\(result.text)")
        let reply = try #require(result.json["reply"]?.string)
        #expect(reply.hasPrefix("To prepare a draft quote I still need"))
        #expect(reply.contains("email") && reply.contains("check-in date"))
        #expect(result.json["tool_calls"]?.items.isEmpty == true)
        #expect(try world.value("SELECT count(*)::text AS n FROM quotes WHERE tenant_id = \(world.tenant.id)", "n") == "0")
    }

    @Test func aHowToQuestionUsesPlatformHelp() throws {
        let world = try AgentWorld.make("agent-rules-howto")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let result = world.chat("How do I send a quote to a client?")
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["tool_calls"]?.item(0)?["name"]?.string == "platform_help")
        #expect(result.json["reply"]?.string?.contains("Send quote") == true, "\(result.text)")
    }

    @Test func aKnowledgeQuestionIsAnsweredExtractively() throws {
        let world = try AgentWorld.make("agent-rules-kb")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let result = world.chat("What time is check-in at Palm Beach Resort?")
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["tool_calls"]?.item(0)?["name"]?.string == "search_knowledge_base")
        #expect(result.json["reply"]?.string?.contains("14:00") == true)
        #expect(result.json["timing_ms"]?.number != nil)
    }

    @Test func anUnansweredQuestionSaysSoAndOffersAHandOff() throws {
        let world = try AgentWorld.make("agent-rules-unknown")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let result = world.chat("Do you arrange wedding ceremonies on the beach in Madagascar?")
        try #require(result.status == 200, "\(result.text)")
        let reply = try #require(result.json["reply"]?.string)
        #expect(reply.hasPrefix("I don't know"))
        #expect(reply.contains("speak to a person"))
        #expect(result.json["actions"] == .object([:]))
    }

    @Test func refusesBadInput() throws {
        let world = try AgentWorld.make("agent-rules-input")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let empty = world.chat("   ")
        #expect(empty.status == 422)
        #expect(empty.json["error"]?["field"]?.string == "message")
        #expect(world.chat(String(repeating: "a", count: 4_001)).status == 422)
        #expect(world.chat("Hello", session: "not-a-uuid").status == 404)
        #expect(world.chat("Hello", session: "00000000-0000-4000-8000-000000000000").status == 404)
        let path = "/api/v1/helpdesk/agent/chat"
        #expect(world.harness.call(.post, path, json: #"{"message":"Hi"}"#).status == 401)
        #expect(world.harness.call(.post, path, token: world.admin, json: #"{"message":5}"#).status == 422)
    }
}
