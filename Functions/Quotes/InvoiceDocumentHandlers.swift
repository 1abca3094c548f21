internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `GET /api/v1/invoices/{id}/pdf` and `POST /api/v1/invoices/{id}/send` (`{"cc"?}`): the branded invoice PDF, and
/// the invoice emailed with it (``InvoiceMailer``: a draft becomes sent).
enum InvoiceDocumentHandlers {
    struct SendBody: Decodable {
        let cc: String?
    }

    static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/invoices/{id}/pdf", pdf)
        router.post("/api/v1/invoices/{id}/send", send)
    }

    static func pdf(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let rendered = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> (String, [UInt8])? in
            guard let row = try Invoices.find(on: connection, tenantID: principal.tenantID, reference) else { return nil }
            let invoice = try Invoices.view(row)
            let settings = try TenantSettings.load(on: connection)
            return (invoice.invoiceID, try InvoicePDF.render(invoice, branding: DocumentBranding(settings)))
        }
        guard let (id, bytes) = rendered else { throw HTTPError.notFound("No such invoice.") }
        return QuoteHandlers.pdfResponse(bytes, filename: "Invoice_\(id).pdf")
    }

    static func send(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let body = request.body.isEmpty ? SendBody(cc: nil) : try request.decode(SendBody.self)
        let cc = try body.cc.map { try Validate.email($0, field: "cc") }
        let outbox = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> (Int64, String) in
            let settings = try TenantSettings.load(on: connection)
            let outbox = try InvoiceMailer.send(reference, settings: settings, actor: QuoteHandlers.actor(principal), cc: cc,
                                                on: connection)
            let status = try Invoices.find(on: connection, tenantID: principal.tenantID, reference)?.string("status") ?? ""
            return (outbox, status)
        }
        return try .json(["outbox_id": JSONValue.number(Double(outbox.0)), "status": .string(outbox.1)])
    }
}
