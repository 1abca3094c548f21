internal import Integrations
internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /api/v1/helpdesk/agent/chat` — the tool-calling helpdesk agent (SPEC §3 "Agent").
///
/// Body `{"message": 1–4000 characters, "session_id"?: uuid}` with a tenant user's token. A `session_id` that is not
/// one of this user's agent sessions (another user's, another tenant's, an `ask` session, unknown) is 404; without
/// one a session (kind `agent`, titled from the message) is created. With an LLM the model drives the four tools
/// (``AgentLLMLoop``); without one, or when a chat call fails, ``AgentRules`` picks them (`method: "rules"`).
/// The turn's messages — user, assistant tool calls, `tool` results, reply — are appended to the session.
enum AgentHandlers {
    struct ChatBody: Decodable {
        let message: String
        let session_id: String?
    }

    struct ChatResponse: Encodable {
        let reply: String
        let session_id: String
        let tool_calls: [AgentTurn.Call]
        let actions: AgentToolbox.Actions
        let method: String
        let timing_ms: Int
    }

    /// The longest message accepted.
    static let maxMessage = 4_000

    /// Adds the agent route.
    static func install(on router: inout PlatformRouter, settings: AskSettings) {
        router.post("/api/v1/helpdesk/agent/chat") { request, context in
            try chat(request, context, settings: settings)
        }
    }

    static func chat(_ request: Request, _ context: PlatformContext, settings: AskSettings) throws -> Response {
        let started = ContinuousClock.now
        let principal = try Authenticator.authenticate(request, context)
        let body = try request.decode(ChatBody.self)
        let message = try Validate.text(body.message, field: "message", length: 1...maxMessage)
        let sessionID = try body.session_id.map { try Validate.uuid($0) }
        let database = context.services.database
        var history: [ChatMessage] = []
        if let sessionID {
            let stored = try database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
                try AgentSession.load(sessionID, userID: principal.userID, on: connection)
            }
            guard let stored else { throw HTTPError.notFound("No such session.") }
            history = AgentSession.bounded(stored).compactMap(AgentSession.chatMessage)
        }
        let client = settings.llm.flatMap { try? LLMClient(configuration: $0, logger: context.logger) }
        let embed: ((String) throws -> [Float])? = client.flatMap { client in
            guard client.configuration.embeddingModel != nil else { return nil }
            return { text in try client.embed(texts: [text], deadline: context.deadline).first ?? [] }
        }
        let toolbox = AgentToolbox(principal: principal, context: context, embed: embed)
        let turn = try respond(message, history: history, client: client, toolbox: toolbox, context: context)
        let stored = try database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            let at = try AskSessionStore.now(on: connection)
            let messages = turn.messages.compactMap { AgentSession.stored($0, at: at, method: turn.method) }
            return try AskSessionStore.append(messages, to: sessionID, userID: principal.userID,
                                              tenantID: principal.tenantID, title: message, kind: "agent",
                                              on: connection)
        }
        return try .json(ChatResponse(reply: turn.reply, session_id: stored, tool_calls: turn.calls,
                                      actions: toolbox.actions, method: turn.method,
                                      timing_ms: AskHandlers.milliseconds(since: started)))
    }

    /// The LLM turn, or the rules turn when there is no LLM or it fails. After a failure that followed tool calls,
    /// the rules do not run again (they could repeat a quote or ticket): the reply reports what was done.
    static func respond(_ message: String, history: [ChatMessage], client: LLMClient?, toolbox: AgentToolbox,
                        context: PlatformContext) throws -> AgentTurn {
        if let client {
            do {
                let company = try toolbox.tenantSettings().displayName
                return try AgentLLMLoop(client: client, toolbox: toolbox, context: context)
                    .run(message, history: history, company: company)
            } catch let error as LLMError {
                context.logger.warning("agent llm failed; answering by rules", metadata: [
                    "error": .string(error.description),
                    "agent.actions": .string(AgentRules.doneSentence(toolbox.actions)),
                ])
                if toolbox.actions != AgentToolbox.Actions() {
                    let reply = "The assistant service failed part-way." + AgentRules.doneSentence(toolbox.actions)
                        + " Please check the result, or say \"speak to a person\" to hand this to a colleague."
                    return AgentTurn(reply: reply, method: "rules", calls: [],
                                     messages: [.user(message), .assistant(reply)])
                }
            }
        }
        var rules = AgentRules(toolbox: toolbox)
        return rules.respond(message)
    }
}
