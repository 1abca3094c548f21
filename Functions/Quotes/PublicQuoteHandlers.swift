internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `GET /api/v1/public/quotes/{token}` — the customer's view of a quote through a signed share link, with no login.
///
/// The token names the tenant and quote (``ShareLinks``); a tampered, malformed or expired token, a cancelled
/// quote or a tenant that is not active all answer the same 404, so nothing can be probed. A valid link serves
/// the PDF and records the view (`viewed_at`; a sent quote becomes viewed).
enum PublicQuoteHandlers {
    static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/public/quotes/{token}", view)
    }

    static func view(_ request: Request, _ context: PlatformContext) throws -> Response {
        let token = try context.parameter("token")
        let missing = HTTPError.notFound("This link is invalid or has expired.")
        guard let links = QuoteHandlers.links(context), let (tenantID, quoteUUID) = links.verify(token) else { throw missing }
        let rendered = try context.services.database.withTenant(tenantID, deadline: context.deadline) { connection -> (String, [UInt8])? in
            guard try connection.query("SELECT 1 FROM tenants WHERE status = 'active'").first != nil,
                  let quote = try QuoteRecord.load(quoteUUID, on: connection), quote.status != "cancelled" else { return nil }
            let settings = try TenantSettings.load(on: connection)
            let pdf = try QuotePDF.render(quote.view(), branding: DocumentBranding(settings))
            try QuoteTransitions.markViewed(quote, tenantID: tenantID, on: connection)
            return (quote.quote_id, pdf)
        }
        guard let (id, bytes) = rendered else { throw missing }
        return QuoteHandlers.pdfResponse(bytes, filename: "Quote_\(id).pdf")
    }
}
