internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension InvoiceHandlers {
    struct ConvertBody: Decodable {
        let quote_id: String
        let option: Int?
        let due_days: Int?
        let notes: String?
        let travelers: [InvoiceTraveler]?
    }

    /// `POST /convert-quote`: a draft invoice from an **accepted** quote's chosen option, in one transaction with the
    /// quote's move to `converted`.
    ///
    /// - The option is `option`, else the quote's `selected_option`, else the only option; with several options
    ///   and none chosen → 422 `option`.
    /// - Items are the option's items (`name — description`, quantity, unit price, line total); an option with no
    ///   items becomes one line. The total is the option's `total`; an option without one currency (`total` null or
    ///   an item in another currency) → 422 `mixed_currencies`; items that do not add up to the total → 422
    ///   `option_inconsistent` (never an invoice that disagrees with the quote).
    /// - A quote that is not accepted → 409 `quote_not_accepted`; already converted → 409 `already_converted`.
    static func convert(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let body = try request.decode(ConvertBody.self)
        let dueDays = try days(body.due_days ?? 7)
        let notes = try Validate.text(body.notes ?? "", field: "notes", length: 0...5000)
        let travelers = try validTravelers(body.travelers ?? [])
        let actor = "user:" + principal.userID
        let invoice = try inTenant(principal, context) { connection in
            let (uuid, code) = QuoteRecord.reference(body.quote_id)
            guard uuid != nil || code != nil, let quote = try connection.query("""
                SELECT id::text AS id, quote_id, status, client_id::text AS client_id, customer_name, customer_email,
                       customer_phone, destination, options::text AS options, selected_option
                FROM quotes WHERE tenant_id = \(principal.tenantID) AND (id = \(uuid)::uuid OR quote_id = \(code))
                FOR UPDATE
                """).first else { throw HTTPError.notFound("No such quote.") }
            switch try quote.string("status") {
            case "accepted": break
            case "converted":
                throw HTTPError(.conflict, code: "already_converted",
                                message: "This quote has already been converted to an invoice.")
            default:
                throw HTTPError(.conflict, code: "quote_not_accepted",
                                message: "Only an accepted quote can be converted to an invoice.")
            }
            let options = try Invoices.stored([QuoteOption].self, quote, "options")
            let index = try body.option ?? quote.optionalInt("selected_option") ?? (options.count == 1 ? 0 : nil)
            guard let index else {
                throw HTTPError.invalid("option", "This quote has several options: choose one with option.")
            }
            guard options.indices.contains(index) else {
                throw HTTPError.invalid("option", "option must be an index from 0 to \(options.count - 1).")
            }
            let (items, total) = try invoiceLines(options[index])
            let quoteID = try quote.string("id"), quoteRef = try quote.string("quote_id")
            let id = try insertConverted(quote, items: items, total: total, travelers: travelers, notes: notes,
                                         dueDays: dueDays, principal: principal, on: connection)
            try connection.query("""
                UPDATE quotes SET status = 'converted', converted_at = now(), selected_option = \(index),
                                  updated_at = now()
                WHERE tenant_id = \(principal.tenantID) AND id = \(quoteID)::uuid
                """)
            try Activity.record(on: connection, tenantID: principal.tenantID, subject: "quote", id: quoteID,
                                kind: "status_change", from: "accepted", to: "converted", actor: actor,
                                detail: Activity.detail(["invoice_id": .string(id.1), "option": .number(Double(index))]))
            try Activity.record(on: connection, tenantID: principal.tenantID, subject: "invoice", id: id.0,
                                kind: "created", to: InvoiceStatus.draft.rawValue, actor: actor,
                                detail: Activity.detail(["quote_id": .string(quoteRef)]))
            return try detail(id.0, on: connection, tenantID: principal.tenantID)
        }
        return try .json(["invoice": invoice], status: 201)
    }

    /// Inserts the draft invoice of a conversion and returns (row UUID, `INV-…` id).
    /// - Throws: `409 already_converted` when the quote already has a live invoice (`invoices_quote_idx`).
    static func insertConverted(_ quote: PGRow, items: [InvoiceItem], total: Money, travelers: [InvoiceTraveler],
                                notes: String, dueDays: Int, principal: Principal,
                                on connection: PGConnection) throws -> (String, String) {
        let travelersJSON = String(decoding: try JSON.encode(travelers), as: UTF8.self)
        let itemsText = try itemsJSON(items)
        do {
            return try Identifiers.insertWithFreshID(make: { Identifiers.invoiceID(on: Day.today()) }) { candidate in
                try connection.query("""
                    INSERT INTO invoices (tenant_id, invoice_id, quote_id, client_id, customer_name, customer_email,
                                          customer_phone, destination, currency, items, travelers, subtotal, total,
                                          notes, due_date, created_by)
                    VALUES (\(principal.tenantID), \(candidate), \(try quote.string("id"))::uuid,
                            \(quote["client_id"])::uuid,
                            \(try quote.string("customer_name")), \(try quote.string("customer_email")),
                            \(quote["customer_phone"]), \(quote["destination"]), \(total.currency), \(itemsText)::jsonb,
                            \(travelersJSON)::jsonb, \(total.amount), \(total.amount), \(notes),
                            current_date + \(dueDays)::integer, \(principal.userID)::uuid)
                    ON CONFLICT (tenant_id, invoice_id) DO NOTHING RETURNING id::text AS id, invoice_id
                    """).first.map { (try $0.string("id"), try $0.string("invoice_id")) }
            }
        } catch let error as PGError where error.isUniqueViolation {
            throw HTTPError(.conflict, code: "already_converted", message: "This quote already has an invoice.")
        }
    }

    /// The invoice lines and total of one quote option (see ``convert(_:_:)``).
    static func invoiceLines(_ option: QuoteOption) throws(HTTPError) -> ([InvoiceItem], Money) {
        guard let total = option.total,
              option.items.allSatisfy({
                  $0.total.currency == total.currency && $0.unit_price.currency == $0.total.currency
              })
        else {
            throw HTTPError(.unprocessableContent, code: "mixed_currencies",
                            message: "This option is priced in several currencies; an invoice has one. "
                                + "Split it into one quote per currency.", field: "option")
        }
        guard !option.items.isEmpty else {
            let name = [option.hotel, option.room_type, option.meal_plan].compactMap { $0 }.joined(separator: ", ")
            let line = InvoiceItem(description: name.isEmpty ? "Travel package" : name, quantity: 1,
                                   unit_price: total.amount, amount: total.amount)
            return ([line], total)
        }
        let items = option.items.map { item in
            InvoiceItem(description: item.description.isEmpty ? item.name : item.name + " — " + item.description,
                        quantity: item.quantity, unit_price: item.unit_price.amount, amount: item.total.amount)
        }
        guard items.reduce(Int64(0), { $0 &+ $1.amount }) == total.amount else {
            throw HTTPError(.unprocessableContent, code: "option_inconsistent",
                            message: "This option's items do not add up to its total.", field: "option")
        }
        return (items, total)
    }
}
