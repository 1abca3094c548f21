internal import Quoting
public import Runtime
internal import RuntimePostgres
public import SharedPlatform

/// `/api/v1/invoices…` — invoices converted from accepted quotes or entered by hand, their status machine
/// (``InvoiceStatus``, enforced for payments too) and payments (SPEC §2, seed inventory §2.9).
///
/// Consultants and admins both issue and edit invoices and record payments; deleting one (draft or cancelled
/// only) is for admins. `{id}` is an `INV-…` id or the row UUID. PDF and e-mail routes are added by the quotes
/// function itself, from ``Invoices/view(_:)``.
public enum InvoiceHandlers {
    /// Adds the invoice routes.
    public static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/invoices", list)
        router.post("/api/v1/invoices", create)
        router.post("/api/v1/invoices/convert-quote", convert)
        router.get("/api/v1/invoices/{id}", get)
        router.patch("/api/v1/invoices/{id}", update)
        router.delete("/api/v1/invoices/{id}", delete)
        router.patch("/api/v1/invoices/{id}/travelers", travelers)
        router.patch("/api/v1/invoices/{id}/status", changeStatus)
        router.get("/api/v1/invoices/{id}/payments", payments)
        router.post("/api/v1/invoices/{id}/payments", addPayment)
    }

    /// `?status=&search=&overdue=true&limit=&offset=`, newest first. `search` matches the customer's name or e-mail
    /// or the invoice id, ignoring case; `overdue=true` keeps invoices marked overdue and issued, unpaid ones
    /// already past their due date (before the overdue job has run).
    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let page = try Pagination(request)
        let status = try request.query("status").flatMap { $0.isEmpty ? nil : $0 }
            .map { try Validate.choice($0, field: "status", from: InvoiceStatus.names) }
        let search = request.query("search").map { $0.trimmingASCIIWhitespace().lowercased() }
            .flatMap { $0.isEmpty ? nil : $0 }
        let overdue: Bool
        switch request.query("overdue") {
        case nil, "", "false": overdue = false
        case "true": overdue = true
        default: throw HTTPError.invalid("overdue", "overdue must be true or false.")
        }
        let today = Day.today().description
        let result = try inTenant(principal, context) { connection in
            let rows = try connection.query("""
                SELECT \(unsafe: Invoices.columns), count(*) OVER () AS full_count \(unsafe: Invoices.from)
                WHERE i.tenant_id = \(principal.tenantID)
                  AND (\(status)::text IS NULL OR i.status = \(status))
                  AND (\(search)::text IS NULL OR strpos(lower(i.customer_name), \(search)) > 0
                       OR strpos(lower(i.customer_email), \(search)) > 0 OR strpos(lower(i.invoice_id), \(search)) > 0)
                  AND (NOT \(overdue)::boolean OR i.status = 'overdue'
                       OR (i.status IN ('sent', 'viewed', 'partially_paid') AND i.due_date < \(today)::date))
                ORDER BY i.created_at DESC, i.id DESC LIMIT \(page.limit) OFFSET \(page.offset)
                """)
            // `total` is the invoice's own column here; the row count is `full_count`.
            return Page(data: try rows.all.map(InvoiceRecord.init), total: try rows.first?.int("full_count") ?? 0,
                        pagination: page)
        }
        return try .json(result)
    }

    /// `{"invoice"}` with its payments.
    static func get(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let invoice = try inTenant(principal, context) { connection in
            try detail(reference, on: connection, tenantID: principal.tenantID)
        }
        return try .json(["invoice": invoice])
    }

    /// Admins only; a draft or cancelled invoice (`409 invoice_not_deletable` otherwise). Its payments and activity
    /// log go with it; a quote it came from stays `converted`.
    static func delete(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let reference = try context.parameter("id")
        try inTenant(principal, context) { connection in
            guard let row = try Invoices.find(on: connection, tenantID: principal.tenantID, reference, lock: true)
            else { throw notFound() }
            let id = try row.string("id"), status = try row.string("status")
            guard status == InvoiceStatus.draft.rawValue || status == InvoiceStatus.cancelled.rawValue else {
                throw HTTPError(.conflict, code: "invoice_not_deletable",
                                message: "Only draft or cancelled invoices can be deleted; cancel it first.")
            }
            try connection.query("DELETE FROM invoices WHERE tenant_id = \(principal.tenantID) AND id = \(id)::uuid")
            try connection.query("""
                DELETE FROM activities
                WHERE tenant_id = \(principal.tenantID) AND subject_type = 'invoice' AND subject_id = \(id)::uuid
                """)
            try Audit.record(on: connection, actor: "user:" + principal.userID, action: "invoice.delete",
                             target: "invoice:" + (try row.string("invoice_id")), tenantID: principal.tenantID,
                             requestID: request.requestID)
        }
        return .empty()
    }

    /// `PATCH /{id}/travelers [InvoiceTraveler]` (or `{"travelers":[…]}`): replaces the list, in any status but
    /// cancelled (names are often only known after the booking).
    static func travelers(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let list = try travelerList(request)
        let text = String(decoding: try JSON.encode(list), as: UTF8.self)
        let invoice = try inTenant(principal, context) { connection in
            guard let row = try Invoices.find(on: connection, tenantID: principal.tenantID, reference, lock: true)
            else { throw notFound() }
            guard try row.string("status") != InvoiceStatus.cancelled.rawValue else { throw cancelled() }
            try connection.query("""
                UPDATE invoices SET travelers = \(text)::jsonb, updated_at = now()
                WHERE tenant_id = \(principal.tenantID) AND id = \(try row.string("id"))::uuid
                """)
            return try detail(try row.string("id"), on: connection, tenantID: principal.tenantID)
        }
        return try .json(["invoice": invoice])
    }

    /// `GET /{id}/payments`, oldest first, paginated.
    static func payments(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let page = try Pagination(request)
        let result = try inTenant(principal, context) { connection in
            guard let row = try Invoices.find(on: connection, tenantID: principal.tenantID, reference)
            else { throw notFound() }
            let rows = try connection.query("""
                SELECT \(unsafe: PaymentRecord.columns), count(*) OVER () AS total FROM invoice_payments p
                WHERE tenant_id = \(principal.tenantID) AND invoice_id = \(try row.string("id"))::uuid
                ORDER BY p.payment_date, p.created_at, p.id LIMIT \(page.limit) OFFSET \(page.offset)
                """)
            let total = try rows.first?.int("total") ?? 0
            return Page(data: try rows.all.map(PaymentRecord.init), total: total, pagination: page)
        }
        return try .json(result)
    }

    /// The invoice with its payments, or 404.
    static func detail(_ reference: String, on connection: PGConnection, tenantID: String) throws -> InvoiceRecord {
        guard let row = try Invoices.find(on: connection, tenantID: tenantID, reference) else { throw notFound() }
        var invoice = try InvoiceRecord(row)
        invoice.payments = try PaymentRecord.all(for: invoice.id, on: connection, tenantID: tenantID)
        return invoice
    }

    static func notFound() -> HTTPError { .notFound("No such invoice.") }

    static func cancelled() -> HTTPError {
        HTTPError(.conflict, code: "invoice_cancelled", message: "This invoice is cancelled.")
    }
}

extension InvoiceHandlers {
    /// Runs `body` in the principal's tenant transaction (RLS) within the request deadline.
    static func inTenant<T>(_ principal: Principal, _ context: PlatformContext,
                            _ body: (PGConnection) throws -> T) throws -> T {
        try CRMHandlers.inTenant(principal, context, body)
    }
}
