public import Runtime
public import SharedPlatform

/// One rate row as the pricing engine sees it (table `rates` joined with `hotels`). Amounts are minor units of
/// `currency`, per person: for the whole stay when `nights` is set (a fixed-length package), per night otherwise.
public struct RateRow: Sendable, Equatable {
    public var id: String
    public var hotelID: String
    public var hotel: String
    public var destination: String
    public var rating: Double?
    public var roomType: String
    public var mealPlan: String
    public var validFrom: Day
    public var validTo: Day
    /// Set: package length in nights (check-in must fall in the window, the stay must be exactly this long).
    /// `nil`: a per-night rate (every night of the stay must fall in some window of the same room).
    public var nights: Int?
    public var currency: String
    public var adultSharing: Int64
    /// `nil`: no single rate; a lone adult pays `adultSharing`.
    public var single: Int64?
    /// `nil`: children (2–17) pay `adultSharing`.
    public var child: Int64?
    /// `nil`: infants (under 2) are free.
    public var infant: Int64?

    public init(id: String, hotelID: String, hotel: String, destination: String, rating: Double?, roomType: String,
                mealPlan: String, validFrom: Day, validTo: Day, nights: Int?, currency: String, adultSharing: Int64,
                single: Int64?, child: Int64?, infant: Int64?) {
        self.id = id
        self.hotelID = hotelID
        self.hotel = hotel
        self.destination = destination
        self.rating = rating
        self.roomType = roomType
        self.mealPlan = mealPlan
        self.validFrom = validFrom
        self.validTo = validTo
        self.nights = nights
        self.currency = currency
        self.adultSharing = adultSharing
        self.single = single
        self.child = child
        self.infant = infant
    }
}

/// A customer's budget: an amount in some currency, for the whole party or per person.
public struct Budget: Sendable, Equatable, Codable {
    public var amount: Money
    public var perPerson: Bool

    public init(amount: Money, perPerson: Bool) {
        self.amount = amount
        self.perPerson = perPerson
    }

    private enum CodingKeys: String, CodingKey { case amount, currency, per_person }

    /// On the wire and in storage as the contract's `{"amount": <minor units>, "currency", "per_person"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        amount = Money(try container.decode(Int64.self, forKey: .amount), try container.decode(String.self, forKey: .currency))
        perPerson = try container.decode(Bool.self, forKey: .per_person)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amount.amount, forKey: .amount)
        try container.encode(amount.currency, forKey: .currency)
        try container.encode(perPerson, forKey: .per_person)
    }
}

/// What to price: one stay for one party at one destination.
public struct PricingRequest: Sendable, Equatable {
    /// The tenant's canonical destination name (rates match it ignoring case).
    public var destination: String
    public var checkIn: Day
    /// After `checkIn`; nights = checkIn.days(until: checkOut).
    public var checkOut: Day
    /// 1…20.
    public var adults: Int
    /// Ages of every traveller under 18, infants included (0 = under one year). A child of unknown age is
    /// given as age 2 by the caller (child rate).
    public var childrenAges: [Int]
    /// 1…adults (every room has at least one adult).
    public var rooms: Int
    public var budget: Budget?
    /// A hotel the customer asked for, matched loosely (case, punctuation, generic words such as "hotel").
    public var requestedHotel: String?

    public init(destination: String, checkIn: Day, checkOut: Day, adults: Int, childrenAges: [Int] = [], rooms: Int = 1,
                budget: Budget? = nil, requestedHotel: String? = nil) {
        self.destination = destination
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.adults = adults
        self.childrenAges = childrenAges
        self.rooms = rooms
        self.budget = budget
        self.requestedHotel = requestedHotel
    }

    public var nights: Int { checkIn.days(until: checkOut) }
}

/// The tenant's pricing rules (`pricing` in the tenant config).
public struct PricingPolicy: Sendable, Equatable {
    /// Margin added to every per-person price, in basis points (12.5 % = 1250).
    public var marginBasisPoints: Int
    /// Each marked-up per-person price is rounded half-up to a multiple of this many minor units (100 = whole units).
    public var roundTo: Int
    /// Most options returned (the product shows 3).
    public var maxOptions: Int

    public init(marginBasisPoints: Int = 0, roundTo: Int = 1, maxOptions: Int = 3) {
        self.marginBasisPoints = marginBasisPoints
        self.roundTo = roundTo
        self.maxOptions = maxOptions
    }
}

/// Who pays what: the travellers of one kind, the per-person price they pay and the line total.
public struct PriceLine: Sendable, Equatable, Codable {
    /// `adult_sharing`, `adult_single`, `child`, `infant`.
    public var kind: String
    public var count: Int
    /// Per person for the whole stay, margin and rounding applied.
    public var unit: Money
    /// `unit × count`.
    public var total: Money

    public init(kind: String, count: Int, unit: Money, total: Money) {
        self.kind = kind
        self.count = count
        self.unit = unit
        self.total = total
    }
}

/// One priced alternative: a hotel room for the whole party. Options are alternatives — never summed.
public struct PricedOption: Sendable, Equatable {
    public var hotelID: String
    public var hotel: String
    public var rating: Double?
    public var roomType: String
    public var mealPlan: String
    /// `package` (fixed-length rate) or `per_night`.
    public var basis: String
    public var nights: Int
    /// The rate rows used (one for a package; one per validity window crossed for per-night rates).
    public var rateIDs: [String]
    /// Non-empty lines only, in the order adult_sharing, adult_single, child, infant.
    public var lines: [PriceLine]
    /// Σ lines.total.
    public var total: Money
    /// `nil` when there is no budget or it is in another currency (never compared across currencies).
    public var withinBudget: Bool?
    /// The hotel is the one the customer asked for.
    public var requested: Bool

    public init(hotelID: String, hotel: String, rating: Double?, roomType: String, mealPlan: String, basis: String,
                nights: Int, rateIDs: [String], lines: [PriceLine], total: Money, withinBudget: Bool?, requested: Bool) {
        self.hotelID = hotelID
        self.hotel = hotel
        self.rating = rating
        self.roomType = roomType
        self.mealPlan = mealPlan
        self.basis = basis
        self.nights = nights
        self.rateIDs = rateIDs
        self.lines = lines
        self.total = total
        self.withinBudget = withinBudget
        self.requested = requested
    }
}

/// A stay that *could* be sold when the requested one cannot: other dates or another length. Encodes as the API's
/// `alternatives[]` element (`check_in`, `check_out`, `nights`, `hotel`, `room_type`, `meal_plan`, `total`, `reason`).
public struct PricingAlternative: Sendable, Equatable, Encodable {
    public var checkIn: Day
    public var checkOut: Day
    public var nights: Int
    public var hotel: String
    public var roomType: String
    public var mealPlan: String
    /// The total for the same party, priced exactly like an option.
    public var total: Money
    /// `other_dates` or `other_length`.
    public var reason: String

    public init(checkIn: Day, checkOut: Day, nights: Int, hotel: String, roomType: String, mealPlan: String,
                total: Money, reason: String) {
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.nights = nights
        self.hotel = hotel
        self.roomType = roomType
        self.mealPlan = mealPlan
        self.total = total
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case checkIn = "check_in", checkOut = "check_out", nights, hotel, roomType = "room_type", mealPlan = "meal_plan"
        case total, reason
    }
}

/// The engine's answer.
public enum PricingOutcome: Sendable, Equatable {
    /// 1…maxOptions options, best first.
    case options([PricedOption])
    /// Nothing covers the request; up to 3 nearest alternatives (possibly none).
    case noAvailability(alternatives: [PricingAlternative])
}
