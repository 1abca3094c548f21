internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension InvoiceHandlers {
    /// A line as sent: amounts in minor units of the invoice currency; `amount` is always recomputed.
    struct ItemBody: Decodable {
        let description: String
        let quantity: Int
        let unit_price: Int64
    }

    struct CreateBody: Decodable {
        let customer_name: String
        let customer_email: String
        let customer_phone: String?
        let currency: String?
        let items: [ItemBody]
        let notes: String?
        let due_days: Int?
        let destination: String?
        let discount_percent: Double?
        let tax_percent: Double?
    }

    /// `PATCH /{id}` (drafts only): members sent are changed; `null` clears `customer_phone` or `destination`.
    struct PatchBody: Decodable {
        var customer_name: PatchField<String>
        var customer_email: PatchField<String>
        var customer_phone: PatchField<String>
        var destination: PatchField<String>
        var items: PatchField<[ItemBody]>
        var notes: PatchField<String>
        var due_days: PatchField<Int>
        var discount_percent: PatchField<Double>
        var tax_percent: PatchField<Double>
    }

    /// Manual invoice: `201 {"invoice"}` in `draft`, currency defaulting to the tenant's, due in `due_days` (14).
    static func create(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let body = try request.decode(CreateBody.self)
        let name = try Validate.text(body.customer_name, field: "customer_name", length: 1...200)
        let email = try Validate.email(body.customer_email, field: "customer_email")
        let phone = try optionalText(body.customer_phone, field: "customer_phone", max: 50)
        let destination = try optionalText(body.destination, field: "destination", max: 200)
        let notes = try Validate.text(body.notes ?? "", field: "notes", length: 0...5000)
        let dueDays = try days(body.due_days ?? 14)
        let discount = try basisPoints(body.discount_percent ?? 0, field: "discount_percent")
        let tax = try basisPoints(body.tax_percent ?? 0, field: "tax_percent")
        let items = try lines(body.items)
        let totals = try sums(items, discount: discount, tax: tax)
        let invoice = try inTenant(principal, context) { connection in
            let currency = try body.currency.map(currencyCode) ?? TenantSettings.load(on: connection).currency
            let id = try Identifiers.insertWithFreshID(make: { Identifiers.invoiceID(on: Day.today()) }) { candidate in
                try connection.query("""
                    INSERT INTO invoices (tenant_id, invoice_id, customer_name, customer_email, customer_phone,
                                          destination, currency, items, subtotal, discount_percent, discount_amount,
                                          tax_percent, tax_amount, total, notes, due_date, created_by)
                    VALUES (\(principal.tenantID), \(candidate), \(name), \(email), \(phone), \(destination),
                            \(currency), \(try itemsJSON(items))::jsonb, \(totals.subtotal), \(discount)::numeric / 100,
                            \(totals.discount), \(tax)::numeric / 100, \(totals.tax), \(totals.total), \(notes),
                            current_date + \(dueDays)::integer, \(principal.userID)::uuid)
                    ON CONFLICT (tenant_id, invoice_id) DO NOTHING RETURNING id::text AS id
                    """).first?.string("id")
            }
            try Activity.record(on: connection, tenantID: principal.tenantID, subject: "invoice", id: id,
                                kind: "created", to: InvoiceStatus.draft.rawValue, actor: "user:" + principal.userID)
            return try detail(id, on: connection, tenantID: principal.tenantID)
        }
        return try .json(["invoice": invoice], status: 201)
    }

    /// Drafts only (`409 invoice_not_draft` otherwise). Totals are recomputed from the resulting items, discount and
    /// tax; `due_days` counts from the day the invoice was created.
    static func update(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let body = try request.decode(PatchBody.self)
        for (field, sent) in [("customer_name", body.customer_name.isSent && body.customer_name.value == nil),
                              ("customer_email", body.customer_email.isSent && body.customer_email.value == nil),
                              ("items", body.items.isSent && body.items.value == nil),
                              ("notes", body.notes.isSent && body.notes.value == nil),
                              ("due_days", body.due_days.isSent && body.due_days.value == nil),
                              ("discount_percent", body.discount_percent.isSent && body.discount_percent.value == nil),
                              ("tax_percent", body.tax_percent.isSent && body.tax_percent.value == nil)] where sent {
            throw HTTPError.invalid(field, "\(field) cannot be null.")
        }
        let name = try body.customer_name.value.map { try Validate.text($0, field: "customer_name", length: 1...200) }
        let email = try body.customer_email.value.map { try Validate.email($0, field: "customer_email") }
        let phone = try optionalText(body.customer_phone.value, field: "customer_phone", max: 50)
        let destination = try optionalText(body.destination.value, field: "destination", max: 200)
        let notes = try body.notes.value.map { try Validate.text($0, field: "notes", length: 0...5000) }
        let dueDays = try body.due_days.value.map(days)
        let newItems = try body.items.value.map(lines)
        let newDiscount = try body.discount_percent.value.map { try basisPoints($0, field: "discount_percent") }
        let newTax = try body.tax_percent.value.map { try basisPoints($0, field: "tax_percent") }
        let invoice = try inTenant(principal, context) { connection in
            guard let row = try Invoices.find(on: connection, tenantID: principal.tenantID, reference, lock: true)
            else { throw notFound() }
            guard try row.string("status") == InvoiceStatus.draft.rawValue else {
                throw HTTPError(.conflict, code: "invoice_not_draft", message: "Only draft invoices can be edited.")
            }
            let id = try row.string("id")
            let items = try newItems ?? Invoices.stored([InvoiceItem].self, row, "items")
            let discount = try newDiscount ?? row.int("discount_bp"), tax = try newTax ?? row.int("tax_bp")
            let totals = try sums(items, discount: discount, tax: tax)
            try connection.query("""
                UPDATE invoices SET customer_name = coalesce(\(name), customer_name),
                       customer_email = coalesce(\(email), customer_email),
                       customer_phone = CASE WHEN \(body.customer_phone.isSent)::boolean THEN \(phone)
                                             ELSE customer_phone END,
                       destination = CASE WHEN \(body.destination.isSent)::boolean THEN \(destination)
                                          ELSE destination END,
                       notes = coalesce(\(notes), notes),
                       due_date = coalesce((created_at AT TIME ZONE 'UTC')::date + \(dueDays)::integer, due_date),
                       items = \(try itemsJSON(items))::jsonb, subtotal = \(totals.subtotal),
                       discount_percent = \(discount)::numeric / 100, discount_amount = \(totals.discount),
                       tax_percent = \(tax)::numeric / 100, tax_amount = \(totals.tax), total = \(totals.total),
                       updated_at = now()
                WHERE tenant_id = \(principal.tenantID) AND id = \(id)::uuid
                """)
            return try detail(id, on: connection, tenantID: principal.tenantID)
        }
        return try .json(["invoice": invoice])
    }
}
