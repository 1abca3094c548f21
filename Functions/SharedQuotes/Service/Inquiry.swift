public import Runtime
public import SharedPlatform

/// A request to price a trip, as sent to `POST /api/v1/quotes/generate` (`inquiry`) — every field optional on the
/// wire so that ``Inquiry/validated(settings:today:)`` can say exactly which one is missing or wrong.
public struct InquiryBody: Sendable, Decodable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var destination: String?
    public var check_in: String?
    public var check_out: String?
    public var nights: Int?
    public var adults: Int?
    public var children: Int?
    public var children_ages: [Int]?
    public var rooms: Int?
    public var budget: BudgetBody?
    public var requested_hotel: String?
    public var message: String?

    public struct BudgetBody: Sendable, Decodable {
        public var amount: Int64?
        public var currency: String?
        public var per_person: Bool?
    }

    public init(name: String? = nil, email: String? = nil, phone: String? = nil, destination: String? = nil,
                check_in: String? = nil, check_out: String? = nil, nights: Int? = nil, adults: Int? = nil,
                children: Int? = nil, children_ages: [Int]? = nil, rooms: Int? = nil, budget: BudgetBody? = nil,
                requested_hotel: String? = nil, message: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
        self.destination = destination
        self.check_in = check_in
        self.check_out = check_out
        self.nights = nights
        self.adults = adults
        self.children = children
        self.children_ages = children_ages
        self.rooms = rooms
        self.budget = budget
        self.requested_hotel = requested_hotel
        self.message = message
    }
}

/// A validated inquiry: everything pricing needs, with the destination in the tenant's canonical spelling.
public struct Inquiry: Sendable, Equatable {
    public var name: String
    public var email: String
    public var phone: String?
    public var destination: String
    public var checkIn: Day
    public var checkOut: Day
    public var adults: Int
    /// Every traveller under 18, infants included.
    public var children: Int
    /// The ages that are known (`children_ages.count <= children`).
    public var childrenAges: [Int]
    public var rooms: Int
    public var budget: Budget?
    public var requestedHotel: String?
    public var message: String

    public var nights: Int { checkIn.days(until: checkOut) }

    /// What the pricing engine gets: children of unknown age are priced as children (age 2+).
    public var pricingRequest: PricingRequest {
        let ages = childrenAges + Array(repeating: 2, count: max(0, children - childrenAges.count))
        return PricingRequest(destination: destination, checkIn: checkIn, checkOut: checkOut, adults: adults,
                              childrenAges: ages, rooms: rooms, budget: budget, requestedHotel: requestedHotel)
    }
}

extension InquiryBody {
    /// Checks every field (422 `invalid_field` with `field` = `inquiry.<name>` for the first problem).
    ///
    /// Rules: name 1–100 characters; a valid email; phone ≤ 40; destination one of the tenant's destinations
    /// (name or alias, ignoring case; any 1–100 characters when the tenant has configured none); `check_in` today
    /// or later; `check_out` after it, or `nights` 1–60 instead; adults 1–20 (default 2); children 0–10 (default:
    /// the number of ages given); each age 0–17; rooms 1…adults (default 1); budget amount > 0 in minor units,
    /// currency default the tenant's; requested hotel ≤ 200; message ≤ 5000.
    public func validated(settings: TenantSettings, today: Day = .today()) throws(HTTPError) -> Inquiry {
        func field(_ name: String) -> String { "inquiry." + name }
        let name = try Validate.text(self.name ?? "", field: field("name"), length: 1...100)
        let email = try Validate.email(self.email ?? "", field: field("email"))
        var phone: String?
        if let text = self.phone {
            let trimmed = try Validate.text(text, field: field("phone"), length: 0...40)
            phone = trimmed.isEmpty ? nil : trimmed
        }
        let destination = try Self.destination(self.destination, settings: settings, field: field("destination"))
        guard let checkInText = check_in else { throw .invalid(field("check_in"), "Required (YYYY-MM-DD) to price a stay.") }
        guard let checkIn = Day(checkInText) else { throw .invalid(field("check_in"), "Must be a date YYYY-MM-DD.") }
        guard checkIn >= today else { throw .invalid(field("check_in"), "Must be today or later.") }
        let checkOut: Day
        if let text = check_out {
            guard let day = Day(text) else { throw .invalid(field("check_out"), "Must be a date YYYY-MM-DD.") }
            checkOut = day
        } else if let nights {
            checkOut = checkIn.adding(days: nights)
        } else {
            throw .invalid(field("check_out"), "Required (or nights) to price a stay.")
        }
        let stay = checkIn.days(until: checkOut)
        guard stay >= 1 else { throw .invalid(field("check_out"), "Must be after check_in.") }
        guard stay <= 60 else { throw .invalid(field("check_out"), "A stay is at most 60 nights.") }
        if let nights, check_out != nil, nights != stay {
            throw .invalid(field("nights"), "Does not match check_in and check_out (\(stay) nights).")
        }
        let adults = adults ?? 2
        guard (1...20).contains(adults) else { throw .invalid(field("adults"), "Must be from 1 to 20.") }
        let ages = children_ages ?? []
        let children = children ?? ages.count
        guard (0...10).contains(children) else { throw .invalid(field("children"), "Must be from 0 to 10.") }
        guard ages.count <= children else {
            throw .invalid(field("children_ages"), "Lists more ages than children (\(children)).")
        }
        if ages.contains(where: { !(0...17).contains($0) }) {
            throw .invalid(field("children_ages"), "Each age must be from 0 to 17.")
        }
        let rooms = rooms ?? 1
        guard rooms >= 1, rooms <= adults, rooms <= 10 else {
            throw .invalid(field("rooms"), "Must be from 1 to the number of adults (at most 10).")
        }
        var budget: Budget?
        if let body = self.budget {
            guard let amount = body.amount, amount > 0 else { throw .invalid(field("budget.amount"), "Must be a positive amount in minor units.") }
            let currency = body.currency ?? settings.pricingCurrency
            guard currency.utf8.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw .invalid(field("budget.currency"), "Must be an ISO 4217 code such as ZAR.")
            }
            budget = Budget(amount: Money(amount, currency), perPerson: body.per_person ?? false)
        }
        var hotel: String?
        if let text = requested_hotel { hotel = try Validate.text(text, field: field("requested_hotel"), length: 0...200) }
        let message = try Validate.text(self.message ?? "", field: field("message"), length: 0...5000)
        return Inquiry(name: name, email: email, phone: phone, destination: destination, checkIn: checkIn, checkOut: checkOut,
                       adults: adults, children: children, childrenAges: ages, rooms: rooms, budget: budget,
                       requestedHotel: hotel.flatMap { $0.isEmpty ? nil : $0 }, message: message)
    }

    /// The tenant's canonical destination for `text` (name or alias of an enabled destination, ignoring case).
    static func destination(_ text: String?, settings: TenantSettings, field: String) throws(HTTPError) -> String {
        let given = try Validate.text(text ?? "", field: field, length: 1...100)
        let known = settings.destinations.filter(\.enabled)
        if known.isEmpty { return given }
        let key = given.lowercased()
        if let match = known.first(where: { $0.name.lowercased() == key || $0.aliases.contains { $0.lowercased() == key } }) {
            return match.name
        }
        throw .invalid(field, "Unknown destination \"\(given)\"; this agency sells: \(known.map(\.name).joined(separator: ", ")).")
    }
}
