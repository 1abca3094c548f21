public import Runtime
public import SharedPlatform

/// One component of an option: a hotel stay, activity, flight, transfer or package. Generated options hold one
/// item per traveller kind (adult sharing, child, …); item quotes hold what the consultant entered.
public struct QuoteItem: Sendable, Equatable, Codable {
    /// `hotel`, `activity`, `flight`, `transfer`, `package`.
    public var type: String
    public var name: String
    public var description: String
    public var quantity: Int
    public var unit_price: Money
    /// `unit_price × quantity`.
    public var total: Money
    public var nights: Int?
    public var check_in: Day?
    public var check_out: Day?

    public init(type: String, name: String, description: String = "", quantity: Int, unit_price: Money, total: Money,
                nights: Int? = nil, check_in: Day? = nil, check_out: Day? = nil) {
        self.type = type
        self.name = name
        self.description = description
        self.quantity = quantity
        self.unit_price = unit_price
        self.total = total
        self.nights = nights
        self.check_in = check_in
        self.check_out = check_out
    }

    private enum CodingKeys: String, CodingKey {
        case type, name, description, quantity, unit_price, total, nights, check_in, check_out
    }

    /// Every key is written, `null` included (SPEC §7: unknown facts are `null`, never left out).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(unit_price, forKey: .unit_price)
        try container.encode(total, forKey: .total)
        try container.encode(nights, forKey: .nights)
        try container.encode(check_in, forKey: .check_in)
        try container.encode(check_out, forKey: .check_out)
    }
}

/// Per-person prices of an option (for the whole stay); `nil` where no traveller of that kind is in the party.
public struct PerPerson: Sendable, Equatable, Codable {
    public var adult_sharing: Money?
    public var adult_single: Money?
    public var child: Money?
    public var infant: Money?

    public init(adult_sharing: Money? = nil, adult_single: Money? = nil, child: Money? = nil, infant: Money? = nil) {
        self.adult_sharing = adult_sharing
        self.adult_single = adult_single
        self.child = child
        self.infant = infant
    }

    private enum CodingKeys: String, CodingKey {
        case adult_sharing, adult_single, child, infant
    }

    /// Every key is written, `null` included (SPEC §7: unknown facts are `null`, never left out).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(adult_sharing, forKey: .adult_sharing)
        try container.encode(adult_single, forKey: .adult_single)
        try container.encode(child, forKey: .child)
        try container.encode(infant, forKey: .infant)
    }
}

/// One option of a quote as stored in `quotes.options` and shown by the API, PDFs and emails.
///
/// A generated quote has up to 3 options, each an *alternative* with its own `total`. An item quote has exactly one
/// option whose items are components; its `totals` has one entry per currency and `total` is set only when all
/// items share one currency.
public struct QuoteOption: Sendable, Equatable, Codable {
    public var hotel: String?
    public var hotel_id: String?
    public var rating: Double?
    public var room_type: String?
    public var meal_plan: String?
    /// `package`, `per_night` (generated) or `items`.
    public var basis: String
    public var nights: Int?
    public var rate_ids: [String]
    public var per_person: PerPerson
    public var items: [QuoteItem]
    public var total: Money?
    public var totals: [Money]
    public var within_budget: Bool?
    public var requested: Bool

    public init(hotel: String?, hotel_id: String?, rating: Double?, room_type: String?, meal_plan: String?, basis: String,
                nights: Int?, rate_ids: [String], per_person: PerPerson, items: [QuoteItem], total: Money?, totals: [Money],
                within_budget: Bool?, requested: Bool) {
        self.hotel = hotel
        self.hotel_id = hotel_id
        self.rating = rating
        self.room_type = room_type
        self.meal_plan = meal_plan
        self.basis = basis
        self.nights = nights
        self.rate_ids = rate_ids
        self.per_person = per_person
        self.items = items
        self.total = total
        self.totals = totals
        self.within_budget = within_budget
        self.requested = requested
    }

    private enum CodingKeys: String, CodingKey {
        case hotel, hotel_id, rating, room_type, meal_plan, basis, nights, rate_ids, per_person, items, total, totals, within_budget, requested
    }

    /// Every key is written, `null` included (SPEC §7: unknown facts are `null`, never left out).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hotel, forKey: .hotel)
        try container.encode(hotel_id, forKey: .hotel_id)
        try container.encode(rating, forKey: .rating)
        try container.encode(room_type, forKey: .room_type)
        try container.encode(meal_plan, forKey: .meal_plan)
        try container.encode(basis, forKey: .basis)
        try container.encode(nights, forKey: .nights)
        try container.encode(rate_ids, forKey: .rate_ids)
        try container.encode(per_person, forKey: .per_person)
        try container.encode(items, forKey: .items)
        try container.encode(total, forKey: .total)
        try container.encode(totals, forKey: .totals)
        try container.encode(within_budget, forKey: .within_budget)
        try container.encode(requested, forKey: .requested)
    }
}
