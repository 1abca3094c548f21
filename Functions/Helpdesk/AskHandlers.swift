internal import FoundationEssentials
internal import Knowledge
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /api/v1/helpdesk/ask` — a staff question answered from the tenant's knowledge (private + public) and the
/// global knowledge base, kept in the user's own session (SPEC §3, §7 "Helpdesk").
///
/// Body `{"question": 1–2000 characters, "session_id"?: uuid}`. A `session_id` that is not one of this user's
/// sessions (another user's, another tenant's, unknown) is 404; without one a session is created. The answer is
/// `llm` (grounded, cited) when an LLM is configured, otherwise `extractive`, or `none` with the honest decline.
enum AskHandlers {
    struct AskBody: Decodable {
        let question: String
        let session_id: String?
    }

    /// Adds the ask, session and widget routes.
    static func install(on router: inout PlatformRouter, settings: AskSettings) {
        router.post("/api/v1/helpdesk/ask") { request, context in try ask(request, context, settings: settings) }
        AskSessionHandlers.install(on: &router)
        PublicAskHandlers.install(on: &router, settings: settings)
    }

    static func ask(_ request: Request, _ context: PlatformContext, settings: AskSettings) throws -> Response {
        let started = ContinuousClock.now
        let principal = try Authenticator.authenticate(request, context)
        let body = try request.decode(AskBody.self)
        let question = try validQuestion(body.question)
        let sessionID = try body.session_id.map { try Validate.uuid($0) }
        let database = context.services.database
        if let sessionID {
            let owned = try database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
                try AskSessionStore.exists(sessionID, userID: principal.userID, on: connection)
            }
            guard owned else { throw HTTPError.notFound("No such session.") }
        }
        let outcome = try AskAnswering(settings: settings, context: context)
            .answer(question, tenantID: principal.tenantID, publicOnly: false)
        let stored = try database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            let at = try AskSessionStore.now(on: connection)
            let messages = [
                AskSessionStore.Message(role: "user", content: question, at: at),
                AskSessionStore.Message(role: "assistant", content: outcome.answer, at: at, answered: outcome.answered,
                                        method: outcome.method, sources: outcome.sources.map(\.documentID)),
            ]
            return try AskSessionStore.append(messages, to: sessionID, userID: principal.userID, tenantID: principal.tenantID,
                                              title: question, on: connection)
        }
        return try AskResponse.response(outcome, timing: milliseconds(since: started), sessionID: stored)
    }

    /// The trimmed question, 1–2,000 characters (422 naming `question` otherwise).
    static func validQuestion(_ text: String) throws -> String {
        try Validate.text(text, field: "question", length: 1...RetrievalQuery.maxLength)
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = start.duration(to: .now)
        return Int(elapsed.components.seconds) * 1000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
