internal import InboundMail
internal import Knowledge
internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// Runs the agent's tools for one user of one tenant; the LLM loop and the rules fallback call the same code.
///
/// Every tool returns JSON text for the model and never throws: bad arguments, a missing fact or a database failure
/// become `{"error": …}` results. Each tool that touches the database runs in **its own** tenant transaction, which
/// commits when the tool returns — a draft quote or ticket created by a tool stays even if a later LLM round fails.
/// Not thread-safe: one request, one toolbox.
final class AgentToolbox {
    /// What one tool call produced.
    struct Outcome {
        /// The `tool` message content (JSON).
        let content: String
        /// One line for the response's `tool_calls[].result_summary`.
        let summary: String
        /// The retrieval result, for the searching tools (the rules fallback answers extractively from it).
        var retrieval: RetrievalResult?
    }

    /// Records created by tools during this request (human-readable ids).
    struct Actions: Encodable, Equatable {
        var quote_id: String?
        var ticket_id: String?
    }

    let principal: Principal
    let context: PlatformContext
    let embed: ((String) throws -> [Float])?
    /// Set by the tools (this file and its `+Quote` extension); read by the reply.
    var actions = Actions()
    private var settings: TenantSettings?

    init(principal: Principal, context: PlatformContext, embed: ((String) throws -> [Float])?) {
        self.principal = principal
        self.context = context
        self.embed = embed
    }

    /// Runs tool `name` with parsed `arguments`; unknown names and every failure become error results.
    func run(_ name: String, arguments: [String: JSONValue]) -> Outcome {
        do {
            switch name {
            case AgentToolDefinitions.searchKnowledgeBase:
                return try search(AgentArguments.text(arguments, "query", max: 2_000), category: nil)
            case AgentToolDefinitions.platformHelp:
                return try search(AgentArguments.text(arguments, "question", max: 2_000), category: Self.howToCategory)
            case AgentToolDefinitions.startQuote:
                return try startQuote(arguments)
            case AgentToolDefinitions.routeToHuman:
                return try routeToHuman(arguments)
            default:
                return Self.failure("there is no tool named \(String(name.prefix(64)))")
            }
        } catch let error as AgentArguments.Invalid {
            return Self.failure(error.message, field: error.field)
        } catch {
            context.logger.warning("agent tool failed", metadata: [
                "agent.tool": .string(String(name.prefix(64))), "error": .string(String(describing: error)),
            ])
            return Self.failure("the tool failed; try again later or hand the conversation to a colleague")
        }
    }

    /// The knowledge category of the platform's how-to guides (the corpus marks them `category: how-to`).
    static let howToCategory = "how-to"

    /// The tenant's settings, loaded once per request.
    func tenantSettings() throws -> TenantSettings {
        if let settings { return settings }
        let loaded = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) {
            try TenantSettings.load(on: $0)
        }
        settings = loaded
        return loaded
    }

    /// Top passages for `text` (tenant private + public + global knowledge; RLS scopes the connection).
    func search(_ text: String, category: String?) throws -> Outcome {
        let query = RetrievalQuery(text, k: 5, category: category)
        let result = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) {
            try Retriever.search(query, on: $0, embed: embed)
        }
        let passages: [JSONValue] = result.passages.map { passage in
            .object(["title": .string(passage.title), "document_id": .string(passage.documentID),
                     "snippet": .string(AskResponse.snippet(passage.content))])
        }
        let content = Self.json(["answerable": .bool(result.answerable), "passages": .array(passages)])
        let summary = result.passages.isEmpty ? "no passages found"
            : "\(result.passages.count) passage(s)" + (result.answerable ? "" : ", none clearly relevant")
        return Outcome(content: content, summary: summary, retrieval: result)
    }

    /// Opens a `chat` ticket for a colleague.
    func routeToHuman(_ arguments: [String: JSONValue]) throws -> Outcome {
        let summary = try AgentArguments.text(arguments, "summary", max: 4_000)
        let name = try AgentArguments.optionalText(arguments, "customer_name", max: 200)
        var email = try AgentArguments.optionalText(arguments, "customer_email", max: 254)
        if let given = email {
            do { email = try Validate.email(given, field: "customer_email") } catch {
                throw AgentArguments.Invalid(field: "customer_email", message: "not a valid email address")
            }
        }
        var priority = try AgentArguments.optionalText(arguments, "priority", max: 20)?.lowercased() ?? "normal"
        if priority == "medium" { priority = "normal" }
        guard ["low", "normal", "high", "urgent"].contains(priority) else {
            throw AgentArguments.Invalid(field: "priority", message: "must be low, normal, high or urgent")
        }
        let ticket = NewTicket(
            source: "chat", priority: priority, customerName: name ?? "Helpdesk chat (\(principal.email))",
            customerEmail: email, subject: "Helpdesk hand-off: " + String(summary.prefix(120)), message: summary)
        let opened = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) {
            connection -> Tickets.Opened in
            let opened = try Tickets.open(ticket, tenantID: principal.tenantID, actor: "user:" + principal.userID,
                                          on: connection)
            try Notifications.notifyTenantUsers(
                .init(kind: "helpdesk_handoff", title: "Helpdesk hand-off", message: String(summary.prefix(300)),
                      entityType: "ticket", entityID: opened.ticketID, dedupeKey: "ticket:\(opened.id)"),
                tenantID: principal.tenantID, on: connection)
            return opened
        }
        actions.ticket_id = opened.ticketID
        return Outcome(content: Self.json(["ticket_id": .string(opened.ticketID), "status": .string("open")]),
                       summary: "ticket \(opened.ticketID) opened")
    }

    /// `{"error": message, "field"?: field}`.
    static func failure(_ message: String, field: String? = nil) -> Outcome {
        var members: [String: JSONValue] = ["error": .string(message)]
        if let field { members["field"] = .string(field) }
        return Outcome(content: json(members), summary: "error: " + message)
    }

    static func json(_ members: [String: JSONValue]) -> String {
        (try? JSON.encode(JSONValue.object(members))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
