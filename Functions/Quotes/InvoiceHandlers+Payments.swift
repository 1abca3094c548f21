internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension InvoiceHandlers {
    struct StatusBody: Decodable {
        let status: String
        let note: String?
    }

    struct PaymentBody: Decodable {
        let amount: Int64
        let payment_date: String?
        let method: String?
        let reference: String?
        let notes: String?
    }

    static let paymentMethods = ["bank_transfer", "card", "cash", "eft", "other"]

    /// `PATCH /{id}/status {status, note?}` through ``InvoiceStatus``; illegal → `409 invalid_transition`, nothing
    /// changed. `paid` means paid in full: the outstanding balance is recorded as a payment (method `other`,
    /// reference `status change`). `partially_paid` is not set by hand — record a payment instead.
    static func changeStatus(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let body = try request.decode(StatusBody.self)
        guard let target = InvoiceStatus(rawValue: body.status) else {
            throw HTTPError.invalid("status", "status must be one of: \(InvoiceStatus.names.joined(separator: ", ")).")
        }
        let note = try Validate.text(body.note ?? "", field: "note", length: 0...2000)
        let actor = "user:" + principal.userID
        let invoice = try inTenant(principal, context) { connection in
            guard let row = try Invoices.find(on: connection, tenantID: principal.tenantID, reference, lock: true),
                  let current = InvoiceStatus(rawValue: try row.string("status")) else { throw notFound() }
            guard current.canBeSet(to: target) else {
                if current.canMove(to: target) {
                    throw HTTPError(.conflict, code: "invalid_transition",
                                    message: "An invoice becomes partially_paid when a payment is recorded; "
                                        + "record the payment.")
                }
                throw Invoices.invalidTransition(current, target)
            }
            let id = try row.string("id")
            if target == .paid {
                let balance = Int64(try row.int("total") - row.int("paid_amount"))
                if balance > 0 {
                    try record(payment: balance, date: Day.today(), method: "other", reference: "status change",
                               notes: note, invoice: id, currency: try row.string("currency"), on: connection,
                               tenantID: principal.tenantID, principal: principal)
                }
            }
            try Invoices.setStatus(id, on: connection, tenantID: principal.tenantID, from: current, to: target,
                                   actor: actor, note: note)
            return try detail(id, on: connection, tenantID: principal.tenantID)
        }
        return try .json(["invoice": invoice])
    }

    /// `POST /{id}/payments` → `201 {"payment","invoice"}`. Only issued, unsettled invoices take payments
    /// (``InvoiceStatus/acceptsPayments``): cancelled → `409 invoice_cancelled`, draft or paid → `409
    /// invalid_transition`. More than the balance → `422 overpayment`. The row is locked (`FOR UPDATE`) for the
    /// whole transaction, so concurrent payments are applied one after the other and cannot overpay together.
    static func addPayment(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let body = try request.decode(PaymentBody.self)
        guard body.amount > 0 else {
            throw HTTPError.invalid("amount", "amount must be a positive whole number of minor units.")
        }
        let today = Day.today()
        let date = try body.payment_date.map { text in
            guard let day = Day(text) else {
                throw HTTPError.invalid("payment_date", "payment_date must be a date YYYY-MM-DD.")
            }
            return day
        } ?? today
        guard date <= today else { throw HTTPError.invalid("payment_date", "payment_date cannot be in the future.") }
        let method = try Validate.choice(body.method ?? "bank_transfer", field: "method", from: paymentMethods)
        let paymentReference = try Validate.text(body.reference ?? "", field: "reference", length: 0...200)
        let notes = try Validate.text(body.notes ?? "", field: "notes", length: 0...2000)
        let (payment, invoice) = try inTenant(principal, context) { connection in
            guard let row = try Invoices.find(on: connection, tenantID: principal.tenantID, reference, lock: true),
                  let current = InvoiceStatus(rawValue: try row.string("status")) else { throw notFound() }
            guard current != .cancelled else { throw cancelled() }
            guard current.acceptsPayments else {
                throw HTTPError(.conflict, code: "invalid_transition", message: current == .draft
                                ? "A draft invoice takes no payments: send it first, or mark it paid in full."
                                : "This invoice is already paid in full.")
            }
            let id = try row.string("id")
            let total = Int64(try row.int("total")), paid = Int64(try row.int("paid_amount"))
            let currency = try row.string("currency")
            guard body.amount <= total - paid else {
                throw HTTPError(.unprocessableContent, code: "overpayment",
                                message: "amount is more than the balance of \(Money(total - paid, currency).majorText).",
                                field: "amount")
            }
            let payment = try record(payment: body.amount, date: date, method: method, reference: paymentReference,
                                     notes: notes, invoice: id, currency: currency, on: connection,
                                     tenantID: principal.tenantID, principal: principal)
            // A part payment on a late invoice leaves it late; otherwise it is part paid until settled.
            let next: InvoiceStatus = paid + body.amount == total ? .paid
                : (current == .overdue ? .overdue : .partiallyPaid)
            if next != current {
                try Invoices.setStatus(id, on: connection, tenantID: principal.tenantID, from: current, to: next,
                                       actor: "user:" + principal.userID, note: "Payment recorded.")
            }
            return (payment, try detail(id, on: connection, tenantID: principal.tenantID))
        }
        return try .json(PaymentResult(payment: payment, invoice: invoice), status: 201)
    }

    struct PaymentResult: Encodable {
        let payment: PaymentRecord
        let invoice: InvoiceRecord
    }

    /// Inserts a payment, adds it to `paid_amount` and logs a `payment` activity. The caller holds the row lock and
    /// has checked status and balance.
    @discardableResult
    static func record(payment amount: Int64, date: Day, method: String, reference: String, notes: String,
                       invoice id: String, currency: String, on connection: PGConnection, tenantID: String,
                       principal: Principal) throws -> PaymentRecord {
        guard let row = try connection.query("""
            INSERT INTO invoice_payments (tenant_id, invoice_id, amount, currency, payment_date, method, reference, notes,
                                          recorded_by)
            VALUES (\(tenantID), \(id)::uuid, \(amount), \(currency), \(date.description)::date, \(method), \(reference),
                    \(notes), \(principal.userID)::uuid)
            RETURNING \(unsafe: PaymentRecord.columns)
            """).first else { throw notFound() }
        try connection.query("""
            UPDATE invoices SET paid_amount = paid_amount + \(amount), updated_at = now()
            WHERE tenant_id = \(tenantID) AND id = \(id)::uuid
            """)
        let payment = try PaymentRecord(row)
        try Activity.record(on: connection, tenantID: tenantID, subject: "invoice", id: id, kind: "payment",
                            actor: "user:" + principal.userID, note: notes,
                            detail: Activity.detail(["payment_id": .string(payment.id),
                                                     "amount": .number(Double(amount)),
                                                     "currency": .string(currency), "method": .string(method)]))
        return payment
    }
}
