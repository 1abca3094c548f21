internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /api/v1/quotes/{id}/send|resend|share` and `PATCH /api/v1/quotes/{id}/status`: every change checked
/// against the lifecycle (``QuoteStatus``; 409 and nothing changed when refused) and logged as an activity.
enum QuoteActionHandlers {
    struct StatusBody: Decodable {
        let status: String?
        let note: String?
        let selected_option: Int?
    }

    struct ShareBody: Decodable {
        let expires_in_days: Int?
    }

    struct Shared: Encodable {
        let url: String
        let token: String
        let expires_at: String
    }

    struct Sent: Encodable {
        let quote: QuoteRecord
        let outbox_id: Int64
    }

    static func install(on router: inout PlatformRouter) {
        router.post("/api/v1/quotes/{id}/send") { try send($0, $1, resend: false) }
        router.post("/api/v1/quotes/{id}/resend") { try send($0, $1, resend: true) }
        router.patch("/api/v1/quotes/{id}/status", status)
        router.post("/api/v1/quotes/{id}/share", share)
    }

    static func send(_ request: Request, _ context: PlatformContext, resend: Bool) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let links = QuoteHandlers.links(context)
        let sent = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> Sent in
            guard let quote = try QuoteRecord.load(reference, on: connection) else { throw HTTPError.notFound("No such quote.") }
            let outbox = try QuoteMailer.send(quoteUUID: quote.id, resend: resend, settings: try TenantSettings.load(on: connection),
                                              actor: QuoteHandlers.actor(principal), links: links, on: connection)
            guard let updated = try QuoteRecord.load(quote.id, on: connection) else { throw HTTPError.notFound() }
            return Sent(quote: updated, outbox_id: outbox)
        }
        return try .json(sent)
    }

    static func status(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let body = try request.decode(StatusBody.self)
        guard let target = body.status else { throw HTTPError.invalid("status", "Required: the status to move to.") }
        let note = try Validate.text(body.note ?? "", field: "note", length: 0...2000)
        let quote = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            try QuoteTransitions.change(reference, to: target.lowercased(), note: note, selectedOption: body.selected_option,
                                        settings: try TenantSettings.load(on: connection), actor: QuoteHandlers.actor(principal),
                                        on: connection)
        }
        return try .json(["quote": quote])
    }

    /// A signed link to the quote's PDF, valid `expires_in_days` (1–90; default until the quote's validity ends).
    static func share(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        guard let links = QuoteHandlers.links(context) else {
            throw HTTPError(.serviceUnavailable, code: "sharing_unavailable", message: "Share links are not configured.")
        }
        let body = request.body.isEmpty ? ShareBody(expires_in_days: nil) : try request.decode(ShareBody.self)
        if let days = body.expires_in_days, !(1...ShareLinks.maxDays).contains(days) {
            throw HTTPError.invalid("expires_in_days", "Must be from 1 to \(ShareLinks.maxDays).")
        }
        let shared = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> Shared in
            guard let quote = try QuoteRecord.load(reference, on: connection) else { throw HTTPError.notFound("No such quote.") }
            guard quote.status != "cancelled" && quote.status != "draft" else {
                throw HTTPError(.conflict, code: "invalid_transition", message: "A \(quote.status) quote cannot be shared.")
            }
            let now = Timestamp.epochSeconds()
            let days = body.expires_in_days ?? max(1, min(ShareLinks.maxDays, Day.today().days(until: quote.valid_until) + 1))
            let expires = now + days * 86_400
            let token = links.token(tenantID: principal.tenantID, quoteUUID: quote.id, expires: expires)
            try Activity.record(on: connection, tenantID: principal.tenantID, subject: "quote", id: quote.id, kind: "shared",
                                actor: QuoteHandlers.actor(principal), detail: Activity.detail(["expires_in_days": .number(Double(days))]))
            let expiresAt = Day(ordinal: expires / 86_400).description + "T" + clock(expires % 86_400) + "Z"
            return Shared(url: links.url(token), token: token, expires_at: expiresAt)
        }
        return try .json(shared, status: 201)
    }

    static func clock(_ seconds: Int) -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
    }
}
