internal import InboundMail
internal import Integrations
internal import Knowledge
internal import Runtime
internal import SharedPlatform

/// The agent without an LLM (or after the LLM failed): the same tools, chosen by rules, first match wins.
///
/// 1. An explicit hand-off request ("speak to a person / human / agent / consultant") → `route_to_human`.
/// 2. A how-to question ("how do I …", "how can I …", "where do I …") → `platform_help`.
/// 3. A quote request (the word quote/price/book, or a travel inquiry naming a destination): the facts are read by
///    InboundMail's ``TripExtractor`` with the tenant's destinations; with name, email, destination, check-in and
///    check-out or nights → `start_quote`, otherwise the reply asks for what is missing.
/// 4. Anything else → `search_knowledge_base`, answered extractively, or an honest "I don't know" offering hand-off.
struct AgentRules {
    let toolbox: AgentToolbox
    private var messages: [ChatMessage] = []
    private var calls: [AgentTurn.Call] = []

    init(toolbox: AgentToolbox) { self.toolbox = toolbox }

    /// Answers `message`; the returned messages record each tool call as an assistant call plus its `tool` result.
    mutating func respond(_ message: String) -> AgentTurn {
        messages = [.user(message)]
        let reply = answer(message)
        messages.append(.assistant(reply))
        return AgentTurn(reply: reply, method: "rules", calls: calls, messages: messages)
    }

    private mutating func answer(_ message: String) -> String {
        let lower = message.lowercased()
        if Self.isHandOff(lower) {
            let outcome = call(AgentToolDefinitions.routeToHuman, ["summary": .string(message)])
            guard let ticket = toolbox.actions.ticket_id else {
                return "I could not open a ticket: \(outcome.summary)."
            }
            return "I have opened ticket \(ticket); a colleague will pick it up shortly."
        }
        let query = JSONValue.string(String(message.prefix(2_000)))
        if Self.isHowTo(lower) {
            let outcome = call(AgentToolDefinitions.platformHelp, ["question": query])
            if let text = outcome.retrieval.flatMap(Self.extractive) { return text }
        } else if let settings = try? toolbox.tenantSettings(),
                  let facts = Self.quoteFacts(message, lower: lower, settings: settings)
        {
            return quote(facts)
        } else {
            let outcome = call(AgentToolDefinitions.searchKnowledgeBase, ["query": query])
            if let text = outcome.retrieval.flatMap(Self.extractive) { return text }
        }
        let settings = try? toolbox.tenantSettings()
        return DeclineText.text(company: settings?.displayName, supportAddress: settings?.supportAddress)
            + " If you like, say \"speak to a person\" and I will open a ticket for a colleague."
    }

    private mutating func quote(_ facts: [String: JSONValue]) -> String {
        let missing = Self.missing(facts)
        guard missing.isEmpty else {
            return "To prepare a draft quote I still need " + Self.list(missing) + ". Please send them in one message."
        }
        let outcome = call(AgentToolDefinitions.startQuote, facts)
        if let quote = toolbox.actions.quote_id {
            return "I have created draft quote \(quote) (\(outcome.summary)). Review it under Quotes before sending it."
        }
        return "I could not create the quote: \(outcome.summary.replacingPrefix("error: ")). "
            + "Correct it, or say \"speak to a person\" to hand this to a colleague."
    }

    /// Runs a tool and records the call and its result as messages.
    private mutating func call(_ name: String, _ arguments: [String: JSONValue]) -> AgentToolbox.Outcome {
        let outcome = toolbox.run(name, arguments: arguments)
        let id = "rules_\(calls.count + 1)"
        let text = AgentToolbox.json(arguments)
        messages.append(.assistant(nil, toolCalls: [ToolCall(id: id, name: name, arguments: text)]))
        messages.append(.tool(callID: id, content: outcome.content))
        calls.append(AgentTurn.Call(name: name, arguments: .object(arguments), result_summary: outcome.summary))
        return outcome
    }

    /// The extractive answer for an answerable result, nil otherwise.
    static func extractive(_ result: RetrievalResult) -> String? {
        guard result.answerable, !result.passages.isEmpty else { return nil }
        return ExtractiveAnswer.answer(result)?.text
    }

    /// " Already done: draft quote Q-…, ticket TKT-…." or "".
    static func doneSentence(_ actions: AgentToolbox.Actions) -> String {
        let done = [actions.quote_id.map { "draft quote " + $0 }, actions.ticket_id.map { "ticket " + $0 }]
            .compactMap { $0 }
        return done.isEmpty ? "" : " Already done: " + done.joined(separator: ", ") + "."
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
