internal import Integrations
internal import Runtime
internal import SharedPlatform

/// The agent with an LLM: system prompt, the session's bounded history, the four tools, and the tool-call loop of
/// ``LLMClient/runTools(messages:tools:maxRounds:temperature:deadline:handler:)`` capped at ``maxRounds``.
struct AgentLLMLoop {
    /// The most chat calls in one turn.
    static let maxRounds = 5

    let client: LLMClient
    let toolbox: AgentToolbox
    let context: PlatformContext

    /// The system prompt: who the assistant works for, today's date, and the rules it must keep.
    static func systemPrompt(company: String, today: Day) -> String {
        """
        You are the helpdesk assistant of \(company), a travel agency, talking to a member of its staff. \
        Today is \(today.description).
        Rules:
        - Answer only from tool results. Never invent hotels, prices, policies or dates.
        - Use search_knowledge_base for hotels, destinations, policies and FAQs; platform_help for how to use the \
        travel platform; start_quote to create a draft quote once you know the customer's name, email, destination, \
        check-in date and check-out date or nights (ask for anything missing); route_to_human to hand over to a \
        colleague.
        - If the tools do not answer the question, or you are unsure, say so and offer route_to_human.
        - Be brief. Mention quote and ticket numbers exactly as the tools return them.
        """
    }

    /// Runs one turn. The returned messages start with the user's; at the cap, the unanswered last tool request is
    /// dropped and an honest reply offering hand-off takes its place.
    /// - Throws: ``LLMError`` when a chat call fails (tools that already ran have committed their work).
    func run(_ message: String, history: [ChatMessage], company: String) throws -> AgentTurn {
        let prefix = [ChatMessage.system(Self.systemPrompt(company: company, today: .today()))] + history
        var summaries: [String: String] = [:]
        let toolbox = self.toolbox
        let result = try client.runTools(
            messages: prefix + [.user(message)], tools: AgentToolDefinitions.all, maxRounds: Self.maxRounds,
            temperature: 0.2, deadline: context.deadline
        ) { invocation in
            guard invocation.call.arguments.utf8.count <= AgentArguments.maxBytes else {
                summaries[invocation.call.id] = "error: arguments too large"
                throw ToolFailure(message: "the arguments are larger than \(AgentArguments.maxBytes) bytes")
            }
            let outcome = toolbox.run(invocation.name, arguments: invocation.arguments)
            summaries[invocation.call.id] = outcome.summary
            return outcome.content
        }
        var messages = Array(result.messages.dropFirst(prefix.count))
        let calls = AgentTurn.calls(in: messages, summaries: summaries)
        let reply: String
        switch result.outcome {
        case .completed:
            let text = AgentArguments.trim(result.lastResult.content ?? "")
            reply = text.isEmpty ? "I have no answer to that. Shall I hand this to a colleague?" : text
            if messages.last?.role == .assistant { messages.removeLast() }  // stored below as the reply sent
        case .maxRoundsReached:
            if messages.last?.role == .assistant { messages.removeLast() }  // its calls were not run
            reply = Self.capReply(actions: toolbox.actions)
        }
        messages.append(.assistant(reply))
        return AgentTurn(reply: reply, method: "llm", calls: calls, messages: messages)
    }

    /// The honest answer when the step limit is reached, naming anything already created.
    static func capReply(actions: AgentToolbox.Actions) -> String {
        var text = "I could not finish this within \(maxRounds) steps, so I stopped."
        text += AgentRules.doneSentence(actions)
        return text
            + " Would you like me to hand this to a colleague? Say \"speak to a person\" and I will open a ticket."
    }
}
