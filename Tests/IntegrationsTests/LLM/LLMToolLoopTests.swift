import Integrations
import ProviderFakes
import Runtime
import RuntimeTesting
import Testing

@Suite struct LLMToolLoopTests {
    private typealias Call = FakeOpenAIServer.Reply.ToolCall

    /// The fake asks for tools twice (two calls, then one), then answers: three rounds, every call answered in order.
    @Test func loopOfThreeRoundsCompletes() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        fake.enqueue(
            .toolCalls([
                Call(id: "call_a", name: "get_weather", arguments: #"{"city":"Lisbon"}"#),
                Call(id: "call_b", name: "get_weather", arguments: #"{"city":"Porto"}"#),
            ]).usage(prompt: 10, completion: 5),
            .toolCalls([Call(id: "call_c", name: "get_weather", arguments: #"{"city":"Faro"}"#)]).usage(
                prompt: 20, completion: 5),
            .text("Faro is warmest.").usage(prompt: 30, completion: 4))
        let client = try makeLLMClient(fake)
        var cities: [String] = []
        let result = try client.runTools(messages: [.user("Which city is warmest?")], tools: [weatherTool]) {
            invocation in
            let city = invocation.arguments["city"]?.string ?? "?"
            cities.append(city)
            return #"{"city":"\#(city)","celsius":\#(city.count)}"#
        }
        #expect(result.outcome == .completed)
        #expect(result.rounds == 3)
        #expect(result.lastResult.content == "Faro is warmest.")
        #expect(result.usage == Usage(promptTokens: 60, completionTokens: 14, totalTokens: 74))
        #expect(result.pendingToolCalls.isEmpty)
        #expect(cities == ["Lisbon", "Porto", "Faro"])
        #expect(result.messages.map(\.role) == [.user, .assistant, .tool, .tool, .assistant, .tool, .assistant])

        let bodies = fake.chatRequests
        #expect(bodies.count == 3)
        #expect(bodies.allSatisfy { $0["tools"]?.array?.first?["function"]?["name"] == .string("get_weather") })
        #expect(roles(bodies[1]) == ["user", "assistant", "tool", "tool"])
        #expect(roles(bodies[2]) == ["user", "assistant", "tool", "tool", "assistant", "tool"])
        let toolMessages = try #require(bodies[2]["messages"]?.array).filter { $0["role"] == .string("tool") }
        #expect(toolMessages.map { $0["tool_call_id"] } == [.string("call_a"), .string("call_b"), .string("call_c")])
        #expect(toolMessages.first?["content"] == .string(#"{"city":"Lisbon","celsius":6}"#))
        // The assistant message went back as it came: content null, arguments still a JSON string.
        let assistant = try #require(bodies[1]["messages"]?.array?[1])
        #expect(assistant["content"] == .null)
        #expect(assistant["tool_calls"]?.array?[1]["function"]?["arguments"] == .string(#"{"city":"Porto"}"#))
    }

    @Test func loopStopsAtTheConfiguredMaximum() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        fake.enqueue(
            .toolCalls([Call(id: "call_1", name: "get_weather", arguments: #"{"city":"Lisbon"}"#)]),
            .toolCalls([Call(id: "call_2", name: "get_weather", arguments: #"{"city":"Porto"}"#)]),
            .text("never reached"))
        let client = try makeLLMClient(fake, maxToolRounds: 2)
        var handled = 0
        let result = try client.runTools(messages: [.user("weather?")], tools: [weatherTool]) { _ in
            handled += 1
            return "{}"
        }
        #expect(result.outcome == .maxRoundsReached)
        #expect(result.rounds == 2)
        #expect(handled == 1)
        #expect(result.pendingToolCalls.map(\.id) == ["call_2"])
        #expect(result.messages.map(\.role) == [.user, .assistant, .tool, .assistant])
        #expect(fake.chatRequests.count == 2)
        #expect(fake.pendingReplies() == 1)

        // An explicit maxRounds overrides the configuration.
        let again = try client.runTools(messages: [.user("weather?")], tools: [weatherTool], maxRounds: 1) { _ in "{}" }
        #expect(again.outcome == .completed && again.rounds == 1)
    }

    /// Malformed arguments, unknown tools and ToolFailure become error tool messages; the loop carries on.
    @Test func badCallsAreAnsweredWithErrors() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        fake.enqueue(
            .toolCalls([
                Call(id: "call_bad", name: "get_weather", arguments: #"{"city": "Lis"#),
                Call(id: "call_unknown", name: "book_flight", arguments: "{}"),
                Call(id: "call_fail", name: "get_weather", arguments: #"{"city":"Atlantis"}"#),
                Call(id: "call_typed", name: "get_weather", arguments: #"{"city":42}"#),
            ]),
            .text("Sorry, I could not find that."))
        let client = try makeLLMClient(fake)
        struct Arguments: Decodable { var city: String }
        var seen: [String] = []
        let result = try client.runTools(messages: [.user("weather in Atlantis?")], tools: [weatherTool]) {
            invocation in
            seen.append(invocation.call.id)
            let city = try invocation.decode(Arguments.self).city
            throw ToolFailure(message: "unknown city \(city)")
        }
        #expect(result.outcome == .completed)
        #expect(seen == ["call_fail", "call_typed"])
        let toolMessages = result.messages.filter { $0.role == .tool }
        #expect(toolMessages.map(\.toolCallID) == ["call_bad", "call_unknown", "call_fail", "call_typed"])
        #expect(toolMessages[0].content?.contains("not a JSON object") == true)
        #expect(toolMessages[1].content?.contains("no tool named book_flight") == true)
        #expect(toolMessages[2].content == #"{"error":"unknown city Atlantis"}"#)
        #expect(toolMessages[3].content?.contains("city") == true)
        #expect(toolMessages[3].content?.contains("42") == false)
    }

    /// Errors other than ToolFailure end the loop and reach the caller.
    @Test func handlerErrorsPropagate() throws {
        struct Broken: Error {}
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        fake.enqueue(.toolCalls([Call(id: "call_1", name: "get_weather", arguments: "{}")]))
        let client = try makeLLMClient(fake)
        #expect(throws: Broken.self) {
            try client.runTools(messages: [.user("x")], tools: [weatherTool]) { _ in throw Broken() }
        }
        #expect(fake.chatRequests.count == 1)
    }

    /// The fake rejects conversations OpenAI would reject: a tool message answering nothing, or a call left unanswered.
    @Test func fakeRejectsUnpairedToolMessages() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        let client = try makeLLMClient(fake)
        let orphan = llmError { try client.chat(messages: [.user("hi"), .tool(callID: "call_x", content: "{}")]) }
        #expect(orphan?.code == .badRequest && orphan?.status == 400)
        let call = ToolCall(id: "call_1", name: "get_weather", arguments: "{}")
        let unanswered = llmError {
            try client.chat(messages: [.user("hi"), .assistant(nil, toolCalls: [call]), .user("?")])
        }
        #expect(unanswered?.code == .badRequest)
        let wrongID = llmError {
            try client.chat(messages: [
                .user("hi"), .assistant(nil, toolCalls: [call]), .tool(callID: "call_2", content: "{}"),
            ])
        }
        #expect(wrongID?.code == .badRequest)
        let answered = try client.chat(messages: [
            .user("hi"), .assistant(nil, toolCalls: [call]),
            .tool(callID: "call_1", content: "{}"),
        ])
        #expect(answered.content != nil)
        var loose = weatherTool
        loose.parameters = .object(["type": .string("object"), "properties": .object(["city": .object([:])])])
        #expect(llmError { try client.chat(messages: [.user("hi")], tools: [loose]) }?.code == .badRequest)
    }
}
