internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `/api/v1/quotes…` — create (priced from rates, or from line items), list, read, PDF and activity log. Admins
/// and consultants alike; every query runs under the caller's tenant (RLS) and by id within it.
enum QuoteHandlers {
    struct GenerateBody: Decodable {
        let inquiry: InquiryBody?
        let send_email: Bool?
        let save_as_draft: Bool?
        let assign_consultant: Bool?
    }

    struct CreatedBody: Encodable {
        let quote: QuoteRecord
        let email: QuoteEmailOutcome
    }

    struct NoAvailability: Encodable {
        let quote: QuoteRecord?
        let status: String
        let message: String
        let alternatives: [PricingAlternative]

        private enum CodingKeys: String, CodingKey { case quote, status, message, alternatives }

        /// `"quote": null` is part of the contract (SPEC §7), so it is written, not left out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(quote, forKey: .quote)
            try container.encode(status, forKey: .status)
            try container.encode(message, forKey: .message)
            try container.encode(alternatives, forKey: .alternatives)
        }
    }

    static func install(on router: inout PlatformRouter) {
        router.post("/api/v1/quotes/generate", generate)
        router.post("/api/v1/quotes", QuoteItemHandlers.create)
        router.get("/api/v1/quotes", QuoteListHandlers.list)
        router.get("/api/v1/quotes/{id}", get)
        router.get("/api/v1/quotes/{id}/pdf", pdf)
        router.get("/api/v1/quotes/{id}/activities", QuoteListHandlers.activities)
    }

    static func actor(_ principal: Principal) -> String { "user:" + principal.userID }

    static func links(_ context: PlatformContext) -> ShareLinks? {
        context.services.config.shareLinkSecret.map { ShareLinks(secret: $0, baseURL: context.services.config.auth.publicBaseURL) }
    }

    static func generate(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let body = try request.decode(GenerateBody.self)
        guard let inquiry = body.inquiry else { throw HTTPError.invalid("inquiry", "Required: the trip to price.") }
        let options = QuoteService.Options(sendEmail: body.send_email ?? true, saveAsDraft: body.save_as_draft ?? false,
                                           assignConsultant: body.assign_consultant ?? true, actor: actor(principal),
                                           createdBy: principal.userID, links: links(context))
        let generated = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            let settings = try TenantSettings.load(on: connection)
            return try QuoteService.generate(try inquiry.validated(settings: settings), options: options, settings: settings,
                                             on: connection)
        }
        switch generated {
        case .created(let created):
            return try .json(CreatedBody(quote: created.quote, email: outcome(created, asked: options)), status: 201)
        case .noAvailability(let alternatives):
            return try .json(NoAvailability(
                quote: nil, status: "no_availability",
                message: alternatives.isEmpty ? "No rate covers this stay, and no nearby dates or stay lengths are available."
                    : "No rate covers this stay; these nearby dates or stay lengths are available.",
                alternatives: alternatives))
        }
    }

    static func outcome(_ created: QuoteService.Created, asked options: QuoteService.Options) -> QuoteEmailOutcome {
        QuoteEmailOutcome(created, emailAsked: options.sendEmail && !options.saveAsDraft)
    }

    static func get(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let quote = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) {
            try QuoteRecord.load(reference, on: $0)
        }
        guard let quote else { throw HTTPError.notFound("No such quote.") }
        return try .json(["quote": quote])
    }

    static func pdf(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let rendered = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> (String, [UInt8])? in
            guard let quote = try QuoteRecord.load(reference, on: connection) else { return nil }
            let settings = try TenantSettings.load(on: connection)
            return (quote.quote_id, try QuotePDF.render(quote.view(), branding: DocumentBranding(settings)))
        }
        guard let (id, bytes) = rendered else { throw HTTPError.notFound("No such quote.") }
        return pdfResponse(bytes, filename: "Quote_\(id).pdf")
    }

    /// A PDF shown in the browser; never cached by shared caches (it holds personal data).
    static func pdfResponse(_ bytes: [UInt8], filename: String) -> Response {
        Response(status: 200, headers: ["content-type": "application/pdf",
                                        "content-disposition": "inline; filename=\"\(filename)\"",
                                        "cache-control": "private, no-store"], body: bytes)
    }
}
