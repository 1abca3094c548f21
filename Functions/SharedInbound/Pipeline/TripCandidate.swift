internal import Runtime
internal import SharedPlatform

/// A model's answer to the trip-extraction prompt (``TripExtractionPrompt``), before it is trusted: the same
/// snake_case document as ``ExtractedTrip/json``, with dates as text.
///
/// ``validated(against:)`` is the only way to an ``ExtractedTrip``; any fact that breaks a rule rejects the whole
/// answer (the worker then uses the rule-based extractor), so a model cannot invent a destination the tenant does
/// not sell or an impossible stay.
public struct TripCandidate: Sendable, Equatable, Decodable {
    /// The answered budget (`amount` in minor units).
    public struct Budget: Sendable, Equatable, Decodable {
        public var amount: Int64
        public var currency: String
        public var per_person: Bool

        public init(amount: Int64, currency: String, per_person: Bool) {
            self.amount = amount
            self.currency = currency
            self.per_person = per_person
        }
    }

    public var is_travel_inquiry: Bool
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
    public var infants: Int?
    public var budget: Budget?
    public var requested_hotel: String?
    public var special_requests: String?

    /// Why an answer was rejected; safe to log (names the rule, never the mail's content).
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// The answer as an ``ExtractedTrip``, with the destination in the tenant's canonical spelling.
    ///
    /// Rules: the destination (if any) is one of `input.destinations` by name or alias, ignoring case; dates are
    /// `YYYY-MM-DD` with check-out after check-in and nights 1–60 agreeing with them; adults 1–50, children 0–20
    /// with ages 0–17 (no more ages than children), infants 0…children; a budget has a positive amount and an
    /// ISO 4217 code; texts are cut to sane lengths and an invalid email is dropped.
    /// - Throws: ``Invalid`` naming the first broken rule.
    public func validated(against input: ExtractionInput) throws(Invalid) -> ExtractedTrip {
        func fail(_ reason: String) -> Invalid { Invalid(reason: reason) }
        var trip = ExtractedTrip(isTravelInquiry: is_travel_inquiry)
        trip.name = Self.text(name, limit: 100)
        trip.email = Self.text(email, limit: 254).flatMap { try? Validate.email($0) }
        trip.phone = Self.text(phone, limit: 40)
        if let named = Self.text(destination, limit: 100) {
            let key = named.lowercased()
            guard
                let match = input.destinations.first(where: { place in
                    place.name.lowercased() == key || place.aliases.contains { $0.lowercased() == key }
                })
            else { throw fail("the destination is not one of the tenant's destinations") }
            trip.destination = match.name
        }
        if let text = Self.text(check_in, limit: 10) {
            guard let day = Day(text) else { throw fail("check_in is not a YYYY-MM-DD date") }
            trip.checkIn = day
        }
        if let text = Self.text(check_out, limit: 10) {
            guard let day = Day(text) else { throw fail("check_out is not a YYYY-MM-DD date") }
            guard let checkIn = trip.checkIn, checkIn < day else { throw fail("check_out is not after check_in") }
            trip.checkOut = day
        }
        if let nights {
            guard (1...60).contains(nights) else { throw fail("nights is outside 1–60") }
            if let checkIn = trip.checkIn, let checkOut = trip.checkOut, checkIn.days(until: checkOut) != nights {
                throw fail("nights does not match check_in and check_out")
            }
            trip.nights = nights
        } else if let checkIn = trip.checkIn, let checkOut = trip.checkOut {
            let stay = checkIn.days(until: checkOut)
            guard stay <= 60 else { throw fail("the stay is longer than 60 nights") }
            trip.nights = stay
        }
        if let adults { guard (1...50).contains(adults) else { throw fail("adults is outside 1–50") } }
        trip.adults = adults
        let ages = children_ages ?? []
        guard ages.allSatisfy({ (0...17).contains($0) }) else { throw fail("a child's age is outside 0–17") }
        if let children {
            guard (0...20).contains(children), ages.count <= children else {
                throw fail("children does not fit its ages")
            }
        } else if !ages.isEmpty {
            throw fail("children_ages without children")
        }
        trip.children = children
        trip.childrenAges = ages
        if let infants {
            guard infants >= 0, infants <= (children ?? 0) else { throw fail("infants is not within children") }
        }
        trip.infants = infants
        if let budget {
            guard budget.amount > 0 else { throw fail("the budget is not positive") }
            guard budget.currency.utf8.count == 3, budget.currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw fail("the budget currency is not an ISO 4217 code")
            }
            trip.budget = ExtractedBudget(
                amount: budget.amount, currency: budget.currency, perPerson: budget.per_person)
        }
        trip.requestedHotel = Self.text(requested_hotel, limit: 200)
        trip.specialRequests = Self.text(special_requests, limit: 1000)
        return trip
    }

    /// Trimmed text, nil when empty; cut to `limit` characters.
    static func text(_ value: String?, limit: Int) -> String? {
        guard let value else { return nil }
        let trimmed = value.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingWhitespace
        return trimmed.isEmpty ? nil : String(trimmed.prefix(limit))
    }
}
