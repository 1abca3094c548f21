@testable import HelpdeskFunction
import Integrations
import ProviderFakes
import Runtime
import RuntimePostgres
import Testing

/// Agent sessions belong to one user: invisible to a colleague of the same tenant and to every other tenant.
@Suite(.enabled(if: IdentityHarness.enabled))
struct AgentSessionTests {
    @Test func aSessionIsInvisibleToAColleagueAndToAnotherTenant() throws {
        let world = try AgentWorld.make("agent-sess")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let colleague = try world.quotes.addConsultant("Colleague").token
        let first = world.chat("What time is check-in at Palm Beach Resort?")
        let session = try #require(first.json["session_id"]?.string)
        #expect(world.chat("And check-out?", session: session).json["session_id"]?.string == session)

        // The colleague can neither continue, read nor list it.
        #expect(world.chat("What did they ask?", token: colleague, session: session).status == 404)
        #expect(world.harness.call(.get, "/api/v1/helpdesk/sessions/\(session)", token: colleague).status == 404)
        let listed = world.harness.call(.get, "/api/v1/helpdesk/sessions?kind=agent", token: colleague)
        #expect(listed.status == 200 && listed.json["data"]?.items.isEmpty == true)
        let own = world.harness.call(.get, "/api/v1/helpdesk/sessions?kind=agent", token: world.admin)
        #expect(own.json["data"]?.items.map { $0["id"]?.string } == [session])
        #expect(own.json["data"]?.item(0)?["title"]?.string == "What time is check-in at Palm Beach Resort?")

        // Another tenant's admin gets 404, and row-level security hides the row from that tenant's transaction.
        let stranger = try AgentWorld.make("agent-sess-x")
        defer { IdentityHarness.dropTenant(stranger.tenant.id) }
        #expect(stranger.chat("Hello?", session: session).status == 404)
        #expect(stranger.harness.call(.get, "/api/v1/helpdesk/sessions/\(session)", token: stranger.admin).status == 404)
        let seen = try AgentWorld.asTenant(stranger.tenant.id) { connection in
            try connection.query("SELECT count(*)::text AS n FROM helpdesk_sessions WHERE id = \(session)::uuid").first?["n"]
        }
        #expect(seen == "0")
        let mine = try AgentWorld.asTenant(world.tenant.id) { connection in
            try connection.query("SELECT count(*)::text AS n FROM helpdesk_sessions WHERE id = \(session)::uuid").first?["n"]
        }
        #expect(mine == "1")
        #expect(world.harness.call(.get, "/api/v1/helpdesk/sessions/\(session)", token: world.admin).json["messages"]?
            .items.count == 8, "two rules turns: user, call, result, reply each")
    }

    /// An `ask` session id is not an agent session: 404 rather than mixing the two kinds.
    @Test func anAskSessionCannotBeContinuedByTheAgent() throws {
        let world = try AgentWorld.make("agent-sess-kind")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let asked = world.harness.call(.post, "/api/v1/helpdesk/ask", token: world.admin,
                                       json: #"{"question":"What time is check-in at Palm Beach Resort?"}"#)
        let session = try #require(asked.json["session_id"]?.string)
        #expect(world.chat("And check-out?", session: session).status == 404)
    }

    /// The next turn sends the session's earlier messages back to the model — only this user's session.
    @Test func theHistoryGoesBackToTheModelOnlyForItsOwner() throws {
        let fake = try FakeOpenAIServer()
        defer { fake.stop() }
        let world = try AgentLLMTests.world("agent-sess-llm", fake: fake)
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let colleague = try world.quotes.addConsultant("Colleague").token
        fake.enqueue(
            .toolCalls([.init(id: "call_1", name: "search_knowledge_base", arguments: #"{"query":"check-in"}"#)]),
            .text("Check-in is at 14:00."), .text("Check-out is at 11:00."), .text("Hello colleague."))
        let first = world.chat("Secret project Flamingo: what time is check-in?")
        let session = try #require(first.json["session_id"]?.string)
        #expect(world.chat("And check-out?", session: session).status == 200)
        let second = try #require(fake.chatRequests.last?["messages"]?.items)
        #expect(second.map { $0["role"]?.string ?? "" } == ["system", "user", "assistant", "tool", "assistant", "user"])
        #expect(second[1]["content"]?.string == "Secret project Flamingo: what time is check-in?")
        #expect(second[2]["tool_calls"]?.item(0)?["id"]?.string == "call_1")
        #expect(second[3]["tool_call_id"]?.string == "call_1")
        #expect(second[4]["content"]?.string == "Check-in is at 14:00.")

        #expect(world.chat("Hi, what can you do?", token: colleague).status == 200)
        let theirs = try #require(fake.chatRequests.last?["messages"]?.items)
        #expect(theirs.map { $0["role"]?.string ?? "" } == ["system", "user"])
        let sent = theirs.compactMap { message -> String? in message["content"]?.string }.joined()
        #expect(!sent.contains("Flamingo"))
    }

    @Test func historyIsBoundedAndStartsAtAUserMessage() {
        let call = ToolCall(id: "c", name: "search_knowledge_base", arguments: "{}")
        var messages: [AskSessionStore.Message] = []
        for turn in 0..<20 {
            messages.append(.init(role: "user", content: "question \(turn)", at: ""))
            var assistant = AskSessionStore.Message(role: "assistant", content: "", at: "")
            assistant.tool_calls = [call]
            messages.append(assistant)
            var result = AskSessionStore.Message(role: "tool", content: "{}", at: "")
            result.tool_call_id = "c"
            messages.append(result)
            messages.append(.init(role: "assistant", content: "answer \(turn)", at: ""))
        }
        let kept = AgentSession.bounded(messages)
        #expect(kept.count <= AgentSession.historyMessages)
        #expect(kept.first?.role == "user")
        #expect(kept.last?.content == "answer 19")
        #expect(AgentSession.chatMessage(kept[1])?.content == nil)
        #expect(AgentSession.bounded([.init(role: "user", content: String(repeating: "x", count: 20_000), at: "")]).isEmpty)
    }
}
