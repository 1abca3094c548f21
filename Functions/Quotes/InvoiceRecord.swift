internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// An invoice as the API shows it: every amount is Money in the invoice currency; unknown values are `null`.
/// The detail view (`GET /invoices/{id}`) adds `payments`.
struct InvoiceRecord: Encodable {
    struct Item: Encodable {
        let description: String
        let quantity: Int
        let unit_price: Money
        let amount: Money
    }

    let view: InvoiceView
    let id: String
    let quoteUUID: String?
    let clientUUID: String?
    let clientID: String?
    let timestamps: [String: String?]
    var payments: [PaymentRecord]?

    init(_ row: PGRow) throws {
        view = try Invoices.view(row)
        id = try row.string("id")
        quoteUUID = row["quote_uuid"]
        clientUUID = row["client_uuid"]
        clientID = row["client_ref"]
        let stamps = ["sent_at", "viewed_at", "paid_at", "cancelled_at", "created_at", "updated_at"]
        timestamps = Dictionary(uniqueKeysWithValues: stamps.map { ($0, row[$0]) })
    }

    enum Key: String, CodingKey {
        case id, invoice_id, status, quote, client, customer, destination, currency, items, travelers, subtotal
        case discount_percent, discount, tax_percent, tax, total, paid, balance, notes, issued_on, due_date
        case sent_at, viewed_at, paid_at, cancelled_at, created_at, updated_at, payments
        case name, email, phone
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(view.invoiceID, forKey: .invoice_id)
        try container.encode(view.status, forKey: .status)
        try container.encode(quoteUUID.map { ["id": $0, "quote_id": view.quoteID] }, forKey: .quote)
        try container.encode(clientUUID.map { ["id": $0, "client_id": clientID] }, forKey: .client)
        var customer = container.nestedContainer(keyedBy: Key.self, forKey: .customer)
        try customer.encode(view.customerName, forKey: .name)
        try customer.encode(view.customerEmail, forKey: .email)
        try customer.encode(view.customerPhone, forKey: .phone)
        try container.encode(view.destination, forKey: .destination)
        try container.encode(view.currency, forKey: .currency)
        try container.encode(view.items.map {
            Item(description: $0.description, quantity: $0.quantity, unit_price: Money($0.unit_price, view.currency),
                 amount: Money($0.amount, view.currency))
        }, forKey: .items)
        try container.encode(view.travelers, forKey: .travelers)
        try container.encode(view.subtotal, forKey: .subtotal)
        try container.encode(view.discountPercent, forKey: .discount_percent)
        try container.encode(view.discount, forKey: .discount)
        try container.encode(view.taxPercent, forKey: .tax_percent)
        try container.encode(view.tax, forKey: .tax)
        try container.encode(view.total, forKey: .total)
        try container.encode(view.paid, forKey: .paid)
        try container.encode(view.balance, forKey: .balance)
        try container.encode(view.notes, forKey: .notes)
        try container.encode(view.issuedOn, forKey: .issued_on)
        try container.encode(view.dueDate, forKey: .due_date)
        for key in [Key.sent_at, .viewed_at, .paid_at, .cancelled_at, .created_at, .updated_at] {
            try container.encode(timestamps[key.rawValue] ?? nil, forKey: key)
        }
        if let payments { try container.encode(payments, forKey: .payments) }
    }
}

/// One payment recorded against an invoice.
struct PaymentRecord: Encodable {
    let id: String
    let amount: Money
    let payment_date: String
    let method: String
    let reference: String
    let notes: String
    let recorded_by: String?
    let created_at: String

    enum CodingKeys: String, CodingKey {
        case id, amount, payment_date, method, reference, notes, recorded_by, created_at
    }

    static let columns: StaticString = """
        id::text AS id, amount, currency, payment_date::text AS payment_date, method, reference, notes,
        recorded_by::text AS recorded_by,
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
        """

    init(_ row: PGRow) throws {
        id = try row.string("id")
        amount = Money(Int64(try row.int("amount")), try row.string("currency"))
        payment_date = try row.string("payment_date")
        method = try row.string("method")
        reference = try row.string("reference")
        notes = try row.string("notes")
        recorded_by = row["recorded_by"]
        created_at = try row.string("created_at")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(amount, forKey: .amount)
        try container.encode(payment_date, forKey: .payment_date)
        try container.encode(method, forKey: .method)
        try container.encode(reference, forKey: .reference)
        try container.encode(notes, forKey: .notes)
        try container.encode(recorded_by, forKey: .recorded_by)
        try container.encode(created_at, forKey: .created_at)
    }

    /// Every payment of invoice `id`, oldest first.
    static func all(for id: String, on connection: PGConnection, tenantID: String) throws -> [PaymentRecord] {
        try connection.query("""
            SELECT \(unsafe: columns) FROM invoice_payments p
            WHERE tenant_id = \(tenantID) AND invoice_id = \(id)::uuid ORDER BY p.payment_date, p.created_at, p.id
            """).all.map(PaymentRecord.init)
    }
}
