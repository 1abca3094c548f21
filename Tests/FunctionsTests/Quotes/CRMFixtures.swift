import Logging
import Quoting
import QuotesFunction
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// A tenant with an admin token on a harness serving the CRM and invoice routes, plus direct SQL for what other
/// parts own (quotes are inserted as rows, as the quote service would leave them).
struct CRMFixture {
    let harness: IdentityHarness
    let tenant: IdentityHarness.Tenant
    let token: String

    init(_ label: String, harness: IdentityHarness? = nil) throws {
        let harness = try harness ?? CRMFixture.harness()
        self.harness = harness
        tenant = try harness.makeTenant(label)
        token = try harness.login(tenant.adminEmail, tenant.adminPassword).access
    }

    static func harness() throws -> IdentityHarness {
        try IdentityHarness(function: "quotes", routes: { CRMHandlers.install(on: &$0); InvoiceHandlers.install(on: &$0) })
    }

    func drop() { IdentityHarness.dropTenant(tenant.id) }

    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = nil) -> IdentityHarness.Result {
        harness.call(method, path, token: token ?? self.token, json: json)
    }

    /// Runs `body` on the application role inside this tenant's transaction (RLS applies), as a handler would.
    func withTenant<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let url = try #require(IdentityHarness.environment["DATABASE_URL"])
        return try Database(url: url, logger: Logger(label: "tests")).withTenant(tenant.id, body)
    }

    /// One value of a single-row owner query.
    func scalar(_ query: PGQuery, _ column: String = "v") throws -> String? {
        try IdentityHarness.owner().query(query).first?[column]
    }

    func exec(_ query: PGQuery) throws { try IdentityHarness.owner().query(query) }

    /// A generated-style option at `hotel` whose items are `lines` (quantity, unit price) in `currency`.
    static func option(_ hotel: String, _ currency: String, _ lines: [(Int, Int64)]) -> QuoteOption {
        let items = lines.enumerated().map { index, line in
            QuoteItem(type: "hotel", name: "\(hotel) line \(index + 1)", description: index == 0 ? "Sea view" : "",
                      quantity: line.0, unit_price: Money(line.1, currency), total: Money(line.1 * Int64(line.0), currency))
        }
        let total = Money(items.reduce(0) { $0 + $1.total.amount }, currency)
        return QuoteOption(hotel: hotel, hotel_id: nil, rating: 4, room_type: "Double", meal_plan: "Breakfast", basis: "package",
                           nights: 7, rate_ids: [], per_person: PerPerson(), items: items, total: total, totals: [total],
                           within_budget: nil, requested: false)
    }

    /// An item-quote option mixing currencies: no single `total`, one entry per currency in `totals`.
    static func mixedOption(_ amounts: [Money]) -> QuoteOption {
        let items = amounts.map { QuoteItem(type: "activity", name: "Tour", quantity: 1, unit_price: $0, total: $0) }
        return QuoteOption(hotel: nil, hotel_id: nil, rating: nil, room_type: nil, meal_plan: nil, basis: "items", nights: nil,
                           rate_ids: [], per_person: PerPerson(), items: items, total: nil, totals: amounts,
                           within_budget: nil, requested: false)
    }

    /// Inserts a quote row and returns (row UUID, `QT-…` id).
    @discardableResult
    func insertQuote(status: String = "accepted", name: String = "Zoë Ñúñez", email: String = "zoe@example.com",
                     options: [QuoteOption], selected: Int? = nil, clientUUID: String? = nil,
                     destination: String = "Zanzibar") throws -> (uuid: String, quoteID: String) {
        let quoteID = Identifiers.quoteID(on: Day.today())
        let text = String(decoding: try JSON.encode(options), as: UTF8.self)
        let uuid = try #require(try scalar("""
            INSERT INTO quotes (tenant_id, quote_id, status, kind, customer_name, customer_email, customer_phone, destination,
                                options, currency, selected_option, valid_until, client_id)
            VALUES (\(tenant.id), \(quoteID), \(status), 'generate', \(name), \(email), '+27 82 000 0000', \(destination),
                    \(text)::jsonb, 'ZAR', \(selected), current_date + 14, \(clientUUID)::uuid)
            RETURNING id::text AS v
            """))
        return (uuid, quoteID)
    }

    /// Creates a client through the API and returns its JSON.
    func makeClient(_ name: String, _ email: String, extra: String = "") throws -> JSONValue {
        let created = call(.post, "/api/v1/crm/clients", json: #"{"name":"\#(name)","email":"\#(email)"\#(extra)}"#)
        try #require(created.status == 201, "client creation failed: \(created.text)")
        return try #require(created.json["client"])
    }

    /// Creates a manual draft invoice through the API and returns its JSON.
    func makeInvoice(items: String = #"[{"description":"Safari","quantity":2,"unit_price":50000}]"#,
                     extra: String = "") throws -> JSONValue {
        let created = call(.post, "/api/v1/invoices", json: """
            {"customer_name":"Ana Müller","customer_email":"ana@example.com","items":\(items)\(extra)}
            """)
        try #require(created.status == 201, "invoice creation failed: \(created.text)")
        return try #require(created.json["invoice"])
    }

    /// Activities of `subject` `id` as (kind, from, to, actor), oldest first.
    func activities(_ subject: String, _ id: String) throws -> [(kind: String, from: String?, to: String?, actor: String)] {
        try IdentityHarness.owner().query("""
            SELECT kind, from_status, to_status, actor FROM activities
            WHERE tenant_id = \(tenant.id) AND subject_type = \(subject) AND subject_id = \(id)::uuid ORDER BY created_at, id
            """).all.map { (try $0.string("kind"), $0["from_status"], $0["to_status"], try $0.string("actor")) }
    }
}
