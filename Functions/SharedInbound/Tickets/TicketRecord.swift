public import Runtime

/// A stored ticket as the API shows it: SPEC §7's list item, plus the detail fields when ``detailed`` is set.
///
/// Every key of the shape is written, `null` included. `parsed` holds exactly the contract's facts (read from the
/// `parsed` column, unknown facts `null`) and `method` from `parse_method`; `quote_id` is the quote's `QT-…` id and
/// `client_id` the client's `CLI-…` id.
public struct TicketRecord: Sendable, Encodable {
    public struct Customer: Sendable, Encodable {
        public let name: String?
        public let email: String?
        public let phone: String?

        private enum CodingKeys: String, CodingKey { case name, email, phone }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(email, forKey: .email)
            try container.encode(phone, forKey: .phone)
        }
    }

    /// `tickets.id` (uuid).
    public let id: String
    public let ticket_id: String
    public let status: String
    public let priority: String
    public let subject: String
    public let customer: Customer
    public let parsed: JSONValue
    public let quote_id: String?
    public let created_at: String
    public let source: String
    public let message: String
    public let missing: [String]
    public let notes: String
    public let assigned_to: String?
    public let client_id: String?
    /// Oldest first: `{"role","content","at","author"?,"message_id"?}`.
    public let conversation: [JSONValue]
    public let updated_at: String
    /// The quote's uuid, for callers that change it (never shown).
    public let quoteUUID: String?
    /// Keyset position: `created_at` in microseconds since the epoch.
    public let createdMicros: Int
    /// Write the detail fields too (`GET …/{id}` and every action), not only the list item.
    public var detailed = true

    public var nextStatuses: [String] { TicketStatus.next(status) }

    /// The facts of the contract's `parsed` object, in this order of keys.
    static let facts = ["destination", "check_in", "check_out", "nights", "adults", "children", "requested_hotel"]

    /// The contract's `parsed` object from the stored document (`{}` for tickets made by hand).
    public static func parsedView(_ stored: JSONValue, isTravelInquiry: Bool, method: String?) -> JSONValue {
        var view: [String: JSONValue] = ["is_travel_inquiry": .bool(isTravelInquiry), "method": method.map(JSONValue.string) ?? .null]
        for key in facts {
            let value = stored[key] ?? .null
            switch value {
            case .string, .number: view[key] = value
            default: view[key] = .null
            }
        }
        let ages = (stored["children_ages"]?.array ?? []).filter { $0.number != nil }
        view["children_ages"] = .array(ages)
        if let budget = stored["budget"], budget["amount"]?.number != nil, budget["currency"]?.string != nil {
            view["budget"] = .object(["amount": budget["amount"] ?? .null, "currency": budget["currency"] ?? .null,
                                      "per_person": .bool(budget["per_person"]?.bool ?? false)])
        } else {
            view["budget"] = .null
        }
        return .object(view)
    }

    private enum CodingKeys: String, CodingKey {
        case id, ticket_id, status, priority, subject, customer, parsed, quote_id, created_at
        case source, message, missing, notes, assigned_to, client_id, conversation, next_statuses, updated_at
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(ticket_id, forKey: .ticket_id)
        try container.encode(status, forKey: .status)
        try container.encode(priority, forKey: .priority)
        try container.encode(subject, forKey: .subject)
        try container.encode(customer, forKey: .customer)
        try container.encode(parsed, forKey: .parsed)
        try container.encode(quote_id, forKey: .quote_id)
        try container.encode(created_at, forKey: .created_at)
        guard detailed else { return }
        try container.encode(source, forKey: .source)
        try container.encode(message, forKey: .message)
        try container.encode(missing, forKey: .missing)
        try container.encode(notes, forKey: .notes)
        try container.encode(assigned_to, forKey: .assigned_to)
        try container.encode(client_id, forKey: .client_id)
        try container.encode(conversation, forKey: .conversation)
        try container.encode(nextStatuses, forKey: .next_statuses)
        try container.encode(updated_at, forKey: .updated_at)
    }
}
