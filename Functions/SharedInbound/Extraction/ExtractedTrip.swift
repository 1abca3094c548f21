public import Runtime

/// The facts the rule-based extractor found in one mail — SPEC §7's ticket `parsed` shape.
///
/// Unknown facts are nil (never invented): no default destination, no default adults, no guessed day.
/// `children` counts every traveller under 18, infants included; `childrenAges` holds only the ages that were
/// stated (an infant of 10 months is 0), in the order they were written.
public struct ExtractedTrip: Sendable, Equatable, Codable {
    public var isTravelInquiry: Bool
    public var name: String?
    public var email: String?
    public var phone: String?
    /// The tenant's canonical destination name, or nil when none (or no tenant destination) was mentioned.
    public var destination: String?
    public var checkIn: Day?
    public var checkOut: Day?
    public var nights: Int?
    public var adults: Int?
    public var children: Int?
    public var childrenAges: [Int]
    /// How many of `children` are under 2 (also counted in `children`).
    public var infants: Int?
    public var budget: ExtractedBudget?
    public var requestedHotel: String?
    /// Free-text wishes the extractor recognised (sea view, dietary needs, accessibility), joined by "; ".
    public var specialRequests: String?

    public init(
        isTravelInquiry: Bool = false, name: String? = nil, email: String? = nil, phone: String? = nil,
        destination: String? = nil, checkIn: Day? = nil, checkOut: Day? = nil, nights: Int? = nil,
        adults: Int? = nil, children: Int? = nil, childrenAges: [Int] = [], infants: Int? = nil,
        budget: ExtractedBudget? = nil, requestedHotel: String? = nil, specialRequests: String? = nil
    ) {
        self.isTravelInquiry = isTravelInquiry
        self.name = name
        self.email = email
        self.phone = phone
        self.destination = destination
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.nights = nights
        self.adults = adults
        self.children = children
        self.childrenAges = childrenAges
        self.infants = infants
        self.budget = budget
        self.requestedHotel = requestedHotel
        self.specialRequests = specialRequests
    }

    enum CodingKeys: String, CodingKey {
        case isTravelInquiry = "is_travel_inquiry", name, email, phone, destination, checkIn = "check_in"
        case checkOut = "check_out", nights, adults, children, childrenAges = "children_ages", infants, budget
        case requestedHotel = "requested_hotel", specialRequests = "special_requests"
    }

    /// Encodes with the contract's snake_case keys and an explicit `null` for every unknown fact.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isTravelInquiry, forKey: .isTravelInquiry)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(phone, forKey: .phone)
        try container.encode(destination, forKey: .destination)
        try container.encode(checkIn, forKey: .checkIn)
        try container.encode(checkOut, forKey: .checkOut)
        try container.encode(nights, forKey: .nights)
        try container.encode(adults, forKey: .adults)
        try container.encode(children, forKey: .children)
        try container.encode(childrenAges, forKey: .childrenAges)
        try container.encode(infants, forKey: .infants)
        try container.encode(budget, forKey: .budget)
        try container.encode(requestedHotel, forKey: .requestedHotel)
        try container.encode(specialRequests, forKey: .specialRequests)
    }

    /// The same document as `encode(to:)`, as a `JSONValue` (for storing in a ticket's `parsed` column).
    public var json: JSONValue {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func number(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        return .object([
            "is_travel_inquiry": .bool(isTravelInquiry), "name": text(name), "email": text(email),
            "phone": text(phone), "destination": text(destination), "check_in": text(checkIn?.description),
            "check_out": text(checkOut?.description), "nights": number(nights), "adults": number(adults),
            "children": number(children), "children_ages": .array(childrenAges.map { .number(Double($0)) }),
            "infants": number(infants), "budget": budget?.json ?? .null, "requested_hotel": text(requestedHotel),
            "special_requests": text(specialRequests),
        ])
    }
}

/// A stated budget: `amount` in minor units of `currency` (Money's wire shape), total or per person.
public struct ExtractedBudget: Sendable, Equatable, Codable {
    /// Minor units (cents) of `currency`.
    public var amount: Int64
    /// ISO 4217 code: the one written, or the tenant's default when none was.
    public var currency: String
    public var perPerson: Bool

    public init(amount: Int64, currency: String, perPerson: Bool) {
        self.amount = amount
        self.currency = currency
        self.perPerson = perPerson
    }

    enum CodingKeys: String, CodingKey { case amount, currency, perPerson = "per_person" }

    /// `{"amount", "currency", "per_person"}`.
    public var json: JSONValue {
        .object(["amount": .number(Double(amount)), "currency": .string(currency), "per_person": .bool(perPerson)])
    }
}
