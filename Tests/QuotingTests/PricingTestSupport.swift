import Quoting
import Runtime
import SharedPlatform
import Testing

// Builders for small, readable pricing tables. Amounts are minor units written with `_` between major and minor
// (10_000_00 = 10,000.00). Every expected figure in the tables is worked out by hand, never by the engine.

/// A date from `YYYY-MM-DD` (an impossible literal becomes 1970-01-01, which no table uses).
func day(_ text: String) -> Day { Day(text) ?? Day(ordinal: 0) }

/// A fixed-length package row (prices per person for the whole stay).
func package(_ id: String, _ hotel: String, nights: Int = 7, from: String = "2026-03-01", to: String = "2026-03-31",
             sharing: Int64, single: Int64? = nil, child: Int64? = nil, infant: Int64? = nil, room: String = "Standard",
             meal: String = "BB", currency: String = "ZAR", destination: String = "Zanzibar") -> RateRow {
    RateRow(id: id, hotelID: "h-" + hotel.lowercased(), hotel: hotel, destination: destination, rating: 4,
            roomType: room, mealPlan: meal, validFrom: day(from), validTo: day(to), nights: nights, currency: currency,
            adultSharing: sharing, single: single, child: child, infant: infant)
}

/// A per-night row (prices per person per night).
func perNight(_ id: String, _ hotel: String, from: String = "2026-03-01", to: String = "2026-03-31",
              sharing: Int64, single: Int64? = nil, child: Int64? = nil, infant: Int64? = nil,
              room: String = "Standard", meal: String = "BB", currency: String = "ZAR",
              destination: String = "Zanzibar") -> RateRow {
    var row = package(id, hotel, from: from, to: to, sharing: sharing, single: single, child: child, infant: infant,
                      room: room, meal: meal, currency: currency, destination: destination)
    row.nights = nil
    return row
}

/// A stay: by default 2 adults, 7 nights from 2026-03-10 (checkout 2026-03-17), one room, Zanzibar.
func stay(_ checkIn: String = "2026-03-10", nights: Int = 7, adults: Int = 2, ages: [Int] = [], rooms: Int = 1,
          budget: Budget? = nil, hotel: String? = nil, destination: String = "Zanzibar") -> PricingRequest {
    PricingRequest(destination: destination, checkIn: day(checkIn), checkOut: day(checkIn).adding(days: nights),
                   adults: adults, childrenAges: ages, rooms: rooms, budget: budget, requestedHotel: hotel)
}

/// One expected line: kind, count, unit and line total (all literals).
struct Line: Sendable, Equatable, CustomStringConvertible {
    var kind: String, count: Int, unit: Int64, total: Int64
    static func sharing(_ count: Int, _ unit: Int64, _ total: Int64) -> Line {
        Line("adult_sharing", count, unit, total)
    }
    static func single(_ count: Int, _ unit: Int64, _ total: Int64) -> Line { Line("adult_single", count, unit, total) }
    static func child(_ count: Int, _ unit: Int64, _ total: Int64) -> Line { Line("child", count, unit, total) }
    static func infant(_ count: Int, _ unit: Int64, _ total: Int64) -> Line { Line("infant", count, unit, total) }

    init(_ kind: String, _ count: Int, _ unit: Int64, _ total: Int64) {
        self.kind = kind
        self.count = count
        self.unit = unit
        self.total = total
    }

    var description: String { "\(kind) \(count)×\(unit)=\(total)" }
}

/// One expected option.
struct Opt: Sendable, Equatable {
    var hotel: String
    var room = "Standard"
    var basis = "package"
    var rates: [String]
    var lines: [Line]
    var total: Int64
    var currency = "ZAR"
    var within: Bool? = nil
    var requested = false
}

/// One expected alternative.
struct Alt: Sendable, Equatable {
    var reason: String
    var hotel: String
    var checkIn: String
    var nights: Int
    var total: Int64
    var currency = "ZAR"

    static func length(_ hotel: String, _ checkIn: String, nights: Int, total: Int64) -> Alt {
        Alt(reason: "other_length", hotel: hotel, checkIn: checkIn, nights: nights, total: total)
    }

    static func dates(_ hotel: String, _ checkIn: String, nights: Int, total: Int64) -> Alt {
        Alt(reason: "other_dates", hotel: hotel, checkIn: checkIn, nights: nights, total: total)
    }
}

enum Expect: Sendable {
    case options([Opt])
    case noAvailability([Alt])
}

/// A table row: rates, request, policy and the hand-computed answer.
struct PricingCase: Sendable, CustomTestStringConvertible {
    var name: String
    var rates: [RateRow]
    var request: PricingRequest
    var policy = PricingPolicy()
    var expected: Expect
    var testDescription: String { name }
}

/// Prices `testCase` and compares the whole outcome with its expectation.
func check(_ testCase: PricingCase, sourceLocation: SourceLocation = #_sourceLocation) {
    let outcome = PricingEngine.price(testCase.request, rates: testCase.rates, policy: testCase.policy)
    switch (outcome, testCase.expected) {
    case (.options(let options), .options(let expected)):
        let actual = options.map { option in
            Opt(hotel: option.hotel, room: option.roomType, basis: option.basis, rates: option.rateIDs,
                lines: option.lines.map { Line($0.kind, $0.count, $0.unit.amount, $0.total.amount) },
                total: option.total.amount, currency: option.total.currency, within: option.withinBudget,
                requested: option.requested)
        }
        #expect(actual == expected, sourceLocation: sourceLocation)
        for option in options {
            #expect(option.nights == testCase.request.nights, sourceLocation: sourceLocation)
            let currencies = option.lines.flatMap { [$0.unit.currency, $0.total.currency] }
            #expect(currencies.allSatisfy { $0 == option.total.currency }, sourceLocation: sourceLocation)
        }
    case (.noAvailability(let alternatives), .noAvailability(let expected)):
        let actual = alternatives.map {
            Alt(reason: $0.reason, hotel: $0.hotel, checkIn: $0.checkIn.description, nights: $0.nights,
                total: $0.total.amount, currency: $0.total.currency)
        }
        #expect(actual == expected, sourceLocation: sourceLocation)
        for alternative in alternatives {
            let nights = alternative.checkIn.days(until: alternative.checkOut)
            #expect(nights == alternative.nights, sourceLocation: sourceLocation)
        }
    default:
        Issue.record("expected \(testCase.expected), got \(outcome)", sourceLocation: sourceLocation)
    }
}
