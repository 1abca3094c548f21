import Quoting
import SharedPlatform
import Testing

/// Rules 7–9: requested hotel, budget fit, price, one option per hotel, at most `maxOptions`.
/// Default stay: 2 adults, 7 nights from 2026-03-10; all rows are 7-night packages valid in March.
@Suite struct PricingRankingTests {
    static let serenaAndBreezes = [package("s1", "Zanzibar Serena Hotel", sharing: 20_000_00),
                                   package("b1", "Breezes", sharing: 10_000_00)]
    static let serenaFirst: Expect = .options([
        Opt(hotel: "Zanzibar Serena Hotel", rates: ["s1"], lines: [.sharing(2, 20_000_00, 40_000_00)],
            total: 40_000_00, requested: true),
        Opt(hotel: "Breezes", rates: ["b1"], lines: [.sharing(2, 10_000_00, 20_000_00)], total: 20_000_00),
    ])
    static let fourHotels = [package("a1", "Amani", sharing: 12_000_00),
                             package("b1", "Bwawani", sharing: 1_000_00, currency: "USD"),
                             package("c1", "Coral", sharing: 13_000_00), package("d1", "Dhow", sharing: 20_000_00)]
    static let amani = Opt(hotel: "Amani", rates: ["a1"], lines: [.sharing(2, 12_000_00, 24_000_00)], total: 24_000_00,
                           within: true)
    static let bwawani = Opt(hotel: "Bwawani", rates: ["b1"], lines: [.sharing(2, 1_000_00, 2_000_00)],
                             total: 2_000_00, currency: "USD")
    static let coral = Opt(hotel: "Coral", rates: ["c1"], lines: [.sharing(2, 13_000_00, 26_000_00)], total: 26_000_00,
                           within: false)
    static let dhow = Opt(hotel: "Dhow", rates: ["d1"], lines: [.sharing(2, 20_000_00, 40_000_00)], total: 40_000_00,
                          within: false)
    static let zar25k = Budget(amount: Money(25_000_00, "ZAR"), perPerson: false)
    // 2 adults + a child (7) + an infant (1).
    // Amani: 26,000 + 8,000 + 0 = 34,000. Baraza: 24,000 + 12,000 + 2,000 = 38,000.
    static let family = [package("a1", "Amani", sharing: 13_000_00, child: 8_000_00),
                         package("b1", "Baraza", sharing: 12_000_00, child: 12_000_00, infant: 2_000_00)]
    static func familyOptions(_ amaniFits: Bool?, _ barazaFits: Bool?) -> Expect {
        .options([
            Opt(hotel: "Amani", rates: ["a1"],
                lines: [.sharing(2, 13_000_00, 26_000_00), .child(1, 8_000_00, 8_000_00), .infant(1, 0, 0)],
                total: 34_000_00, within: amaniFits),
            Opt(hotel: "Baraza", rates: ["b1"],
                lines: [.sharing(2, 12_000_00, 24_000_00), .child(1, 12_000_00, 12_000_00),
                        .infant(1, 2_000_00, 2_000_00)],
                total: 38_000_00, within: barazaFits),
        ])
    }

    static let cases: [PricingCase] = [
        PricingCase(name: "the requested hotel comes first even when dearer", rates: serenaAndBreezes,
                    request: stay(hotel: "serena"), expected: serenaFirst),
        PricingCase(name: "requested hotel with diacritics, a star marker and generic words", rates: serenaAndBreezes,
                    request: stay(hotel: "Séréna 5* Resort"), expected: serenaFirst),
        PricingCase(name: "requested hotel with a typo", rates: serenaAndBreezes,
                    request: stay(hotel: "the Serana hotel"), expected: serenaFirst),
        PricingCase(name: "an unknown requested hotel changes nothing: cheapest first", rates: serenaAndBreezes,
                    request: stay(hotel: "Kempinski"),
                    expected: .options([
                        Opt(hotel: "Breezes", rates: ["b1"], lines: [.sharing(2, 10_000_00, 20_000_00)],
                            total: 20_000_00),
                        Opt(hotel: "Zanzibar Serena Hotel", rates: ["s1"], lines: [.sharing(2, 20_000_00, 40_000_00)],
                            total: 40_000_00),
                    ])),
        // Budget 25,000 ZAR total: Amani fits; Bwawani is in USD (not comparable); Coral is 1,000 over, Dhow 15,000.
        PricingCase(name: "budget fit: within, then not comparable, then over by overshoot (not by price)",
                    rates: fourHotels, request: stay(budget: zar25k), policy: PricingPolicy(maxOptions: 4),
                    expected: .options([amani, bwawani, coral, dhow])),
        PricingCase(name: "the requested hotel comes before budget fit", rates: fourHotels,
                    request: stay(budget: zar25k, hotel: "Dhow"), policy: PricingPolicy(maxOptions: 4),
                    expected: .options([Opt(hotel: "Dhow", rates: ["d1"], lines: [.sharing(2, 20_000_00, 40_000_00)],
                                            total: 40_000_00, within: false, requested: true),
                                        amani, bwawani, coral])),
        // 12,000 per person × 3 (2 adults + 1 child; the infant is not counted) = 36,000.
        PricingCase(name: "per-person budget counts adults and children, not infants", rates: family,
                    request: stay(ages: [7, 1], budget: Budget(amount: Money(12_000_00, "ZAR"), perPerson: true)),
                    expected: familyOptions(true, false)),
        PricingCase(name: "a total budget is compared with the whole total", rates: family,
                    request: stay(ages: [7, 1], budget: Budget(amount: Money(12_000_00, "ZAR"), perPerson: false)),
                    expected: familyOptions(false, false)),
        PricingCase(name: "a budget in another currency is not compared", rates: family,
                    request: stay(ages: [7, 1], budget: Budget(amount: Money(5_000_00, "USD"), perPerson: false)),
                    expected: familyOptions(nil, nil)),
        PricingCase(name: "at most 3 options from 5 hotels, cheapest first",
                    rates: [package("a1", "Amani", sharing: 5_000_00), package("b1", "Baraza", sharing: 3_000_00),
                            package("c1", "Coral", sharing: 4_000_00), package("d1", "Dhow", sharing: 1_000_00),
                            package("e1", "Emerson", sharing: 2_000_00)],
                    request: stay(),
                    expected: .options([
                        Opt(hotel: "Dhow", rates: ["d1"], lines: [.sharing(2, 1_000_00, 2_000_00)], total: 2_000_00),
                        Opt(hotel: "Emerson", rates: ["e1"], lines: [.sharing(2, 2_000_00, 4_000_00)], total: 4_000_00),
                        Opt(hotel: "Baraza", rates: ["b1"], lines: [.sharing(2, 3_000_00, 6_000_00)], total: 6_000_00),
                    ])),
        // Amani's per-night garden room: 7 × 1,200.00 = 8,400.00 per person, cheaper than its two packages.
        PricingCase(name: "one option per hotel: its best room",
                    rates: [package("a1", "Amani", sharing: 10_000_00),
                            package("a2", "Amani", sharing: 15_000_00, room: "Deluxe"),
                            perNight("a3", "Amani", sharing: 1_200_00, room: "Garden"),
                            package("b1", "Baraza", sharing: 9_000_00)],
                    request: stay(),
                    expected: .options([
                        Opt(hotel: "Amani", room: "Garden", basis: "per_night", rates: ["a3"],
                            lines: [.sharing(2, 8_400_00, 16_800_00)], total: 16_800_00),
                        Opt(hotel: "Baraza", rates: ["b1"], lines: [.sharing(2, 9_000_00, 18_000_00)],
                            total: 18_000_00),
                    ])),
        PricingCase(name: "equal totals: by hotel name, then room type",
                    rates: [package("b1", "Beta", sharing: 10_000_00),
                            package("a1", "Alpha", sharing: 10_000_00, room: "Suite"),
                            package("a2", "Alpha", sharing: 10_000_00, room: "Deluxe")],
                    request: stay(),
                    expected: .options([
                        Opt(hotel: "Alpha", room: "Deluxe", rates: ["a2"], lines: [.sharing(2, 10_000_00, 20_000_00)],
                            total: 20_000_00),
                        Opt(hotel: "Beta", rates: ["b1"], lines: [.sharing(2, 10_000_00, 20_000_00)], total: 20_000_00),
                    ])),
        PricingCase(name: "maxOptions 1 returns only the best", rates: serenaAndBreezes, request: stay(),
                    policy: PricingPolicy(maxOptions: 1),
                    expected: .options([Opt(hotel: "Breezes", rates: ["b1"], lines: [.sharing(2, 10_000_00, 20_000_00)],
                                            total: 20_000_00)])),
    ]

    @Test(arguments: cases) func ranks(_ testCase: PricingCase) { check(testCase) }
}
