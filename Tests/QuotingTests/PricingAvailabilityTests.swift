import Quoting
import SharedPlatform
import Testing

/// Rules 10 and 11: no availability with the nearest alternatives, and input guards.
/// Default stay: 2 adults, 7 nights from 2026-03-10.
@Suite struct PricingAvailabilityTests {
    static let cases: [PricingCase] = [
        // Serena: 7 and 5 nights are both 1 away from 6 → the cheaper (5 nights); Breezes: 4 nights, 2 away.
        PricingCase(name: "wrong length: other_length alternatives, one per hotel, nearest first",
                    rates: [package("s7", "Serena", nights: 7, sharing: 10_000_00),
                            package("s5", "Serena", nights: 5, sharing: 8_000_00),
                            package("s10", "Serena", nights: 10, sharing: 13_000_00),
                            package("b4", "Breezes", nights: 4, sharing: 6_000_00)],
                    request: stay(nights: 6),
                    expected: .noAvailability([
                        Alt.length("Serena", "2026-03-10", nights: 5, total: 16_000_00),
                        Alt.length("Breezes", "2026-03-10", nights: 4, total: 12_000_00),
                    ])),
        PricingCase(name: "window starts later: other_dates forward (+5)",
                    rates: [package("s1", "Serena", from: "2026-03-15", sharing: 10_000_00)],
                    request: stay(),
                    expected: .noAvailability([
                        Alt.dates("Serena", "2026-03-15", nights: 7, total: 20_000_00),
                    ])),
        // Priced like an option: 10,000.00 + 10 % = 11,000.00 per person.
        PricingCase(name: "window ended: other_dates backward (−3), priced with the margin",
                    rates: [package("s1", "Serena", to: "2026-03-07", sharing: 10_000_00)],
                    request: stay(), policy: PricingPolicy(marginBasisPoints: 1_000),
                    expected: .noAvailability([
                        Alt.dates("Serena", "2026-03-07", nights: 7, total: 22_000_00),
                    ])),
        PricingCase(name: "other_dates: +3 is tried before −3, and only the first shift that sells is used",
                    rates: [package("a1", "Amani", to: "2026-03-07", sharing: 5_000_00),
                            package("b1", "Baraza", from: "2026-03-13", sharing: 9_000_00)],
                    request: stay(),
                    expected: .noAvailability([
                        Alt.dates("Baraza", "2026-03-13", nights: 7, total: 18_000_00),
                    ])),
        // Night 12 uncovered for check-ins 03-08 … 03-12; +3 (03-13 … 03-17) is all in g2: 5 × 1,500.00 × 2.
        PricingCase(name: "per-night gap: the nearest check-in whose every night is covered",
                    rates: [perNight("g1", "Gappy", to: "2026-03-11", sharing: 1_000_00),
                            perNight("g2", "Gappy", from: "2026-03-13", sharing: 1_500_00)],
                    request: stay(nights: 5),
                    expected: .noAvailability([
                        Alt.dates("Gappy", "2026-03-13", nights: 5, total: 15_000_00),
                    ])),
        // Amani 6 nights (1 away), Baraza 9 nights (2), Coral same length from 03-12 (+2), Dhow 3 nights (4).
        PricingCase(name: "both kinds mixed: nearest first, other_length first at equal distance, at most 3",
                    rates: [package("a6", "Amani", nights: 6, sharing: 9_000_00),
                            package("b9", "Baraza", nights: 9, sharing: 14_000_00),
                            package("c7", "Coral", nights: 7, from: "2026-03-12", sharing: 10_000_00),
                            package("d3", "Dhow", nights: 3, sharing: 5_000_00)],
                    request: stay(),
                    expected: .noAvailability([
                        Alt.length("Amani", "2026-03-10", nights: 6, total: 18_000_00),
                        Alt.length("Baraza", "2026-03-10", nights: 9, total: 28_000_00),
                        Alt.dates("Coral", "2026-03-12", nights: 7, total: 20_000_00),
                    ])),
        PricingCase(name: "one hotel may offer one alternative of each kind",
                    rates: [package("s5", "Serena", nights: 5, sharing: 8_000_00),
                            package("s7", "Serena", nights: 7, from: "2026-03-12", sharing: 10_000_00)],
                    request: stay(),
                    expected: .noAvailability([
                        Alt.length("Serena", "2026-03-10", nights: 5, total: 16_000_00),
                        Alt.dates("Serena", "2026-03-12", nights: 7, total: 20_000_00),
                    ])),
        // 2026-03-10 + 60 days = 2026-05-09.
        PricingCase(name: "other_dates reaches exactly 60 days",
                    rates: [package("s1", "Serena", from: "2026-05-09", to: "2026-05-31", sharing: 10_000_00)],
                    request: stay(),
                    expected: .noAvailability([
                        Alt.dates("Serena", "2026-05-09", nights: 7, total: 20_000_00),
                    ])),
        PricingCase(name: "nothing within 60 days: no alternatives",
                    rates: [package("s1", "Serena", from: "2026-05-10", to: "2026-06-30", sharing: 10_000_00)],
                    request: stay(), expected: .noAvailability([])),
        PricingCase(name: "no rows for the destination: no alternatives",
                    rates: [package("m1", "Le Morne", sharing: 10_000_00, destination: "Mauritius")],
                    request: stay(), expected: .noAvailability([])),
    ]

    @Test(arguments: cases) func answers(_ testCase: PricingCase) { check(testCase) }

    static let everything = [package("s1", "Serena", from: "2026-01-01", to: "2026-12-31", sharing: 10_000_00),
                             perNight("p1", "Breezes", from: "2026-01-01", to: "2026-12-31", sharing: 1_000_00)]

    /// Rule 11: requests the API should have rejected get no options and no alternatives, and never trap.
    @Test(arguments: [
        ("no nights", stay(nights: 0)),
        ("checkout before check-in", stay(nights: -2)),
        ("no adults", stay(adults: 0)),
        ("no rooms", stay(rooms: 0)),
        ("more rooms than adults", stay(adults: 2, rooms: 3)),
    ])
    func guards(_ name: String, _ request: PricingRequest) {
        let outcome = PricingEngine.price(request, rates: Self.everything, policy: PricingPolicy())
        #expect(outcome == .noAvailability(alternatives: []), "\(name)")
    }

    /// Prices, margins, roundings and parties that overflow Int64 make a room unsellable; nothing traps.
    @Test func extremeValuesNeverTrap() {
        let huge = [package("x1", "Huge", sharing: .max / 2)]
        #expect(PricingEngine.price(stay(), rates: huge, policy: PricingPolicy()) == .noAvailability(alternatives: []))
        let normal = [package("s1", "Serena", sharing: 10_000_00, infant: 0)]
        let crowd = stay(adults: .max, ages: [0, 5], rooms: .max,
                         budget: Budget(amount: Money(1, "ZAR"), perPerson: true))
        #expect(PricingEngine.price(crowd, rates: normal, policy: PricingPolicy()) == .noAvailability(alternatives: []))
        let wild = PricingPolicy(marginBasisPoints: .max, roundTo: .max, maxOptions: .max)
        guard case .options(let options) = PricingEngine.price(stay(), rates: normal, policy: wild) else {
            Issue.record("expected an option")
            return
        }
        #expect(options.map(\.total.amount) == [0])
        let discount = PricingPolicy(marginBasisPoints: .min, roundTo: .min, maxOptions: .min)
        guard case .options(let free) = PricingEngine.price(stay(), rates: normal, policy: discount) else {
            Issue.record("expected an option")
            return
        }
        #expect(free.map(\.total.amount) == [0])
    }
}
