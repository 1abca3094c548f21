internal import FoundationEssentials
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /api/v1/public/helpdesk/{tenant_id}/ask` — the customer-facing widget (SPEC §3): no login, answers only
/// from *public* documents (the tenant's public ones and the global public ones), no session.
///
/// - Throttled per client address with the shared ``Throttle`` (``AskSettings/publicRule``, default 20 a minute,
///   then 429 with `Retry-After`), counted before any other work; nginx's `limit_req` on public paths is the first
///   line.
/// - A malformed, unknown or suspended tenant is 404 (one answer, so nothing can be probed).
/// - The widget is on for every active tenant: what it can say is exactly what the tenant marked `public`, so a
///   tenant without public documents gets honest declines. (No per-tenant switch was added to the config schema.)
enum PublicAskHandlers {
    struct AskBody: Decodable {
        let question: String
    }

    static func install(on router: inout PlatformRouter, settings: AskSettings) {
        router.post("/api/v1/public/helpdesk/{tenant_id}/ask") { request, context in try ask(request, context, settings: settings) }
    }

    static func ask(_ request: Request, _ context: PlatformContext, settings: AskSettings) throws -> Response {
        let started = ContinuousClock.now
        let key = "helpdesk-public:" + request.remoteAddress
        if let wait = try context.services.database.transaction(deadline: context.deadline, {
            try Throttle.hit(key, rule: settings.publicRule, on: $0)
        }) {
            throw HTTPError.throttled(retryAfter: wait)
        }
        let tenantID = try context.parameter("tenant_id")
        guard (try? Validate.tenantID(tenantID)) != nil else { throw HTTPError.notFound("No such helpdesk.") }
        let body = try request.decode(AskBody.self)
        let question = try AskHandlers.validQuestion(body.question)
        context.tenantID = tenantID
        let outcome = try AskAnswering(settings: settings, context: context)
            .answer(question, tenantID: tenantID, publicOnly: true, requireActive: true)
        return try AskResponse.response(outcome, timing: AskHandlers.milliseconds(since: started), sessionID: nil)
    }
}
