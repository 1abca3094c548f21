internal import FoundationEssentials
public import Runtime
public import RuntimePostgres
public import SharedPlatform

/// A stored quote as the API shows it (`{"quote": …}`), read by ``load(_:on:)``. Also the source of the
/// ``QuoteView`` that PDFs and emails render.
public struct QuoteRecord: Sendable, Encodable {
    public struct Customer: Sendable, Encodable {
        public let name: String
        public let email: String
        public let phone: String?
    }

    public struct Consultant: Sendable, Encodable {
        public let id: String
        public let name: String
        public let email: String
    }

    public let id: String
    public let quote_id: String
    public let status: String
    public let kind: String
    public let source: String
    public let customer: Customer
    public let client_id: String?
    public let consultant: Consultant?
    public let destination: String?
    public let check_in: Day?
    public let check_out: Day?
    public let nights: Int?
    public let adults: Int
    public let children: Int
    public let children_ages: [Int]
    public let rooms: Int
    public let budget: Budget?
    public let requested_hotel: String?
    public let message: String
    public let options: [QuoteOption]
    public let totals: [Money]?
    public let currency: String
    public let selected_option: Int?
    public let valid_until: Day
    public let ticket_id: String?
    public let pdf_url: String
    public let next_statuses: [String]
    public let sent_at: String?
    public let send_count: Int
    public let viewed_at: String?
    public let accepted_at: String?
    public let declined_at: String?
    public let expired_at: String?
    public let cancelled_at: String?
    public let converted_at: String?
    public let created_at: String
    public let updated_at: String
    let createdOn: Day

    private enum CodingKeys: String, CodingKey {
        case id, quote_id, status, kind, source, customer, client_id, consultant, destination, check_in, check_out, nights
        case adults, children, children_ages, rooms, budget, requested_hotel, message, options, totals, currency
        case selected_option, valid_until, ticket_id, pdf_url, next_statuses, sent_at, send_count, viewed_at, accepted_at
        case declined_at, expired_at, cancelled_at, converted_at, created_at, updated_at
    }

    /// Every key is written, `null` included (SPEC §7: unknown facts are `null`, never left out).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(quote_id, forKey: .quote_id)
        try container.encode(status, forKey: .status)
        try container.encode(kind, forKey: .kind)
        try container.encode(source, forKey: .source)
        try container.encode(customer, forKey: .customer)
        try container.encode(client_id, forKey: .client_id)
        try container.encode(consultant, forKey: .consultant)
        try container.encode(destination, forKey: .destination)
        try container.encode(check_in, forKey: .check_in)
        try container.encode(check_out, forKey: .check_out)
        try container.encode(nights, forKey: .nights)
        try container.encode(adults, forKey: .adults)
        try container.encode(children, forKey: .children)
        try container.encode(children_ages, forKey: .children_ages)
        try container.encode(rooms, forKey: .rooms)
        try container.encode(budget, forKey: .budget)
        try container.encode(requested_hotel, forKey: .requested_hotel)
        try container.encode(message, forKey: .message)
        try container.encode(options, forKey: .options)
        try container.encode(totals, forKey: .totals)
        try container.encode(currency, forKey: .currency)
        try container.encode(selected_option, forKey: .selected_option)
        try container.encode(valid_until, forKey: .valid_until)
        try container.encode(ticket_id, forKey: .ticket_id)
        try container.encode(pdf_url, forKey: .pdf_url)
        try container.encode(next_statuses, forKey: .next_statuses)
        try container.encode(sent_at, forKey: .sent_at)
        try container.encode(send_count, forKey: .send_count)
        try container.encode(viewed_at, forKey: .viewed_at)
        try container.encode(accepted_at, forKey: .accepted_at)
        try container.encode(declined_at, forKey: .declined_at)
        try container.encode(expired_at, forKey: .expired_at)
        try container.encode(cancelled_at, forKey: .cancelled_at)
        try container.encode(converted_at, forKey: .converted_at)
        try container.encode(created_at, forKey: .created_at)
        try container.encode(updated_at, forKey: .updated_at)
    }

    /// `SELECT` and the columns ``init(row:)`` reads; follow it with ``joins`` (`q` is `quotes`, `c` its client,
    /// `u` its consultant).
    public static let columns: StaticString = """
        SELECT q.id::text AS id, q.quote_id, q.status, q.kind, q.source, q.customer_name, q.customer_email, q.customer_phone,
               c.client_id AS client_ref, q.consultant_id::text AS consultant_id, u.name AS consultant_name,
               u.email AS consultant_email, q.destination, q.check_in::text AS check_in, q.check_out::text AS check_out,
               q.nights, q.adults, q.children, array_to_json(q.children_ages)::text AS children_ages, q.rooms,
               q.budget::text AS budget, q.requested_hotel, q.message, q.options::text AS options, q.totals::text AS totals,
               q.currency, q.selected_option, q.valid_until::text AS valid_until, q.ticket_id, q.send_count,
               to_char(q.sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS sent_at,
               to_char(q.viewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS viewed_at,
               to_char(q.accepted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS accepted_at,
               to_char(q.declined_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS declined_at,
               to_char(q.expired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS expired_at,
               to_char(q.cancelled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS cancelled_at,
               to_char(q.converted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS converted_at,
               to_char(q.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
               to_char(q.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
               (q.created_at AT TIME ZONE 'UTC')::date::text AS created_on
        """
    /// The `FROM` clause for ``columns``.
    public static let joins: StaticString = """
        FROM quotes q
        LEFT JOIN clients c ON c.tenant_id = q.tenant_id AND c.id = q.client_id
        LEFT JOIN users u ON u.tenant_id = q.tenant_id AND u.id = q.consultant_id
        """

    init(row: PGRow) throws {
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T? {
            guard let text = row[column] else { return nil }
            return try JSON.decode(type, from: Array(text.utf8))
        }
        id = try row.string("id")
        quote_id = try row.string("quote_id")
        status = try row.string("status")
        kind = try row.string("kind")
        source = try row.string("source")
        customer = Customer(name: try row.string("customer_name"), email: try row.string("customer_email"),
                            phone: row["customer_phone"])
        client_id = row["client_ref"]
        consultant = row["consultant_id"].map {
            Consultant(id: $0, name: row["consultant_name"] ?? "", email: row["consultant_email"] ?? "")
        }
        destination = row["destination"]
        check_in = row["check_in"].flatMap { Day($0) }
        check_out = row["check_out"].flatMap { Day($0) }
        nights = try row.optionalInt("nights")
        adults = try row.int("adults")
        children = try row.int("children")
        children_ages = try decode([Int].self, "children_ages") ?? []
        rooms = try row.int("rooms")
        budget = try decode(Budget.self, "budget")
        requested_hotel = row["requested_hotel"]
        message = row["message"] ?? ""
        options = try decode([QuoteOption].self, "options") ?? []
        totals = try decode([Money].self, "totals")
        currency = try row.string("currency")
        selected_option = try row.optionalInt("selected_option")
        valid_until = Day(try row.string("valid_until")) ?? .today()
        ticket_id = row["ticket_id"]
        pdf_url = "/api/v1/quotes/\(quote_id)/pdf"
        next_statuses = QuoteStatus.next(status)
        sent_at = row["sent_at"]
        send_count = try row.int("send_count")
        viewed_at = row["viewed_at"]
        accepted_at = row["accepted_at"]
        declined_at = row["declined_at"]
        expired_at = row["expired_at"]
        cancelled_at = row["cancelled_at"]
        converted_at = row["converted_at"]
        created_at = try row.string("created_at")
        updated_at = try row.string("updated_at")
        createdOn = Day(try row.string("created_on")) ?? .today()
    }

    /// The quote whose `QT-…` id or UUID is `reference`, in the connection's tenant; `nil` when there is none.
    /// - Parameter lock: `FOR UPDATE OF q`, for a state change that follows.
    public static func load(_ reference: String, on connection: PGConnection, lock: Bool = false) throws -> QuoteRecord? {
        let (uuid, ref) = Self.reference(reference)
        guard uuid != nil || ref != nil else { return nil }
        let rows = lock
            ? try connection.query("""
                \(unsafe: columns) \(unsafe: joins) WHERE (q.id = \(uuid)::uuid OR q.quote_id = \(ref)) FOR UPDATE OF q
                """)
            : try connection.query("\(unsafe: columns) \(unsafe: joins) WHERE (q.id = \(uuid)::uuid OR q.quote_id = \(ref))")
        return try rows.first.map(QuoteRecord.init(row:))
    }

    /// (UUID, `QT-…` id) of a quote reference from a path or body; both nil when it can be neither.
    public static func reference(_ text: String) -> (uuid: String?, code: String?) {
        if let uuid = try? Validate.uuid(text) { return (uuid.lowercased(), nil) }
        let code = text.trimmingASCIIWhitespace().uppercased()
        return code.hasPrefix("QT-") && code.utf8.count == 18 ? (nil, code) : (nil, nil)
    }

    /// Every row of a query over ``columns`` and ``joins``.
    public static func all(_ result: PGResult) throws -> [QuoteRecord] { try result.all.map(QuoteRecord.init(row:)) }

    /// What PDFs and emails show of this quote.
    public func view(shareURL: String? = nil) -> QuoteView {
        QuoteView(quoteID: quote_id, status: status, customerName: customer.name, customerEmail: customer.email,
                  customerPhone: customer.phone, destination: destination, checkIn: check_in, checkOut: check_out,
                  nights: nights, adults: adults, children: children, childrenAges: children_ages, rooms: rooms,
                  options: options, createdOn: createdOn, validUntil: valid_until, consultantName: consultant?.name,
                  consultantEmail: consultant?.email, message: message, shareURL: shareURL)
    }
}
