internal import Runtime
internal import SharedPlatform

/// The JSON body of `POST /api/v1/rates` — the same names as a listed rate, Money as `{"amount","currency"}`.
///
/// `currency` may be left out: it is then `adult_sharing`'s. Every Money of the row must be in that currency.
/// `rating`, `nights`, `single`, `child`, `infant` may be null or absent; `is_active` defaults to true.
struct RateBody: Decodable {
    let destination: String
    let hotel: String
    let rating: Double?
    let room_type: String
    let meal_plan: String
    let valid_from: Day
    let valid_to: Day
    let nights: Int?
    let currency: String?
    let adult_sharing: Money
    let single: Money?
    let child: Money?
    let infant: Money?
    let is_active: Bool?
}

/// A problem with one field of one row (`field` is a column name, or `row` for the record as a whole).
struct RateIssue: Sendable, Equatable {
    var field: String
    var message: String
}

extension RateInput {
    /// The columns of a rate sheet (SPEC §7). All are required, in any order, and no others.
    static let csvColumns = ["destination", "hotel", "rating", "room_type", "meal_plan", "valid_from", "valid_to",
                             "nights", "adult_sharing", "single", "child", "infant", "currency"]

    /// Checks a JSON body, stopping at the first problem.
    ///
    /// - Parameter resolveDestination: false keeps `destination` as given (a PATCH that does not change it keeps
    ///   the stored name even if the tenant's destination list has changed since).
    /// - Throws: ``HTTPError`` 422 naming the field.
    init(_ body: RateBody, destinations: RateDestinations, resolveDestination: Bool = true) throws(HTTPError) {
        destination = resolveDestination ? try destinations.resolve(body.destination) : body.destination
        hotel = try RateRules.hotel(body.hotel)
        rating = try RateRules.rating(body.rating)
        roomType = try RateRules.label(body.room_type, field: "room_type")
        mealPlan = try RateRules.label(body.meal_plan, field: "meal_plan")
        try RateRules.window(from: body.valid_from, to: body.valid_to)
        validFrom = body.valid_from
        validTo = body.valid_to
        nights = try RateRules.nights(body.nights)
        currency = try RateRules.currency(body.currency ?? body.adult_sharing.currency)
        let prices: [(String, Money?)] = [("adult_sharing", body.adult_sharing), ("single", body.single),
                                          ("child", body.child), ("infant", body.infant)]
        for case let (field, money?) in prices where money.currency != currency {
            throw .invalid(field + ".currency", "\(field).currency must be \(currency), the currency of the row.")
        }
        adultSharing = try RateRules.amount(body.adult_sharing.amount, field: "adult_sharing")
        single = try RateRules.optionalAmount(body.single?.amount, field: "single")
        child = try RateRules.optionalAmount(body.child?.amount, field: "child")
        infant = try RateRules.optionalAmount(body.infant?.amount, field: "infant")
        isActive = body.is_active ?? true
    }

    /// Checks one rate-sheet record, collecting every problem rather than stopping at the first.
    ///
    /// - Parameter value: the trimmed text of a column of the record (``csvColumns``).
    /// - Returns: the row when it is valid, otherwise nil and one issue per bad field.
    static func checking(csv value: (String) -> String, destinations: RateDestinations) -> (RateInput?, [RateIssue]) {
        var issues: [RateIssue] = []
        @discardableResult
        func check<T>(_ rule: () throws -> T) -> T? {
            do { return try rule() } catch {
                let refusal = error as? HTTPError
                issues.append(RateIssue(field: refusal?.field ?? "row", message: refusal?.message ?? "The value is not valid."))
                return nil
            }
        }
        let destination = check { try destinations.resolve(value("destination")) }
        let hotel = check { try RateRules.hotel(value("hotel")) }
        let rating = check { try RateRules.rating(text: value("rating")) }
        let roomType = check { try RateRules.label(value("room_type"), field: "room_type") }
        let mealPlan = check { try RateRules.label(value("meal_plan"), field: "meal_plan") }
        let validFrom = check { try RateRules.day(text: value("valid_from"), field: "valid_from") }
        let validTo = check { try RateRules.day(text: value("valid_to"), field: "valid_to") }
        if let validFrom, let validTo { check { try RateRules.window(from: validFrom, to: validTo) } }
        let nights = check { try RateRules.nights(text: value("nights")) }
        let currency = check { try RateRules.currency(value("currency")) }
        // With a bad currency, amounts are still checked (as two-decimal amounts) so every problem shows at once.
        let unit = currency ?? "XXX"
        let adultSharing = check { try RateRules.amount(text: value("adult_sharing"), field: "adult_sharing", currency: unit) }
        let single = check { try RateRules.amount(text: value("single"), field: "single", currency: unit) }
        let child = check { try RateRules.amount(text: value("child"), field: "child", currency: unit) }
        let infant = check { try RateRules.amount(text: value("infant"), field: "infant", currency: unit) }
        guard issues.isEmpty, let destination, let hotel, let rating, let roomType, let mealPlan, let validFrom, let validTo,
              let nights, let currency, let adultSharing = adultSharing ?? nil, let single, let child, let infant
        else { return (nil, issues) }
        return (RateInput(destination: destination, hotel: hotel, rating: rating, roomType: roomType, mealPlan: mealPlan,
                          validFrom: validFrom, validTo: validTo, nights: nights, currency: currency,
                          adultSharing: adultSharing, single: single, child: child, infant: infant, isActive: true), [])
    }
}
