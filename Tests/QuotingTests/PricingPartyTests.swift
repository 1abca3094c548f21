import Quoting
import SharedPlatform
import Testing

/// Rules 4 and 5: who shares, who is single, child and infant rates and their fallbacks. One package hotel, 7 nights
/// from 2026-03-10; sharing 10,000.00, single 14,000.00, child 5,000.00, infant 1,000.00 unless a case says otherwise.
@Suite struct PricingPartyTests {
    static let full = [
        package("r1", "Serena", sharing: 10_000_00, single: 14_000_00, child: 5_000_00, infant: 1_000_00),
    ]
    static let bare = [package("r1", "Serena", sharing: 10_000_00)]

    static let cases: [PricingCase] = [
        PricingCase(name: "1 adult alone pays the single rate", rates: full, request: stay(adults: 1),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"], lines: [.single(1, 14_000_00, 14_000_00)],
                                            total: 14_000_00)])),
        PricingCase(name: "1 adult alone with no single rate pays the sharing rate", rates: bare,
                    request: stay(adults: 1),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"], lines: [.single(1, 10_000_00, 10_000_00)],
                                            total: 10_000_00)])),
        PricingCase(name: "2 adults share one room", rates: full, request: stay(adults: 2),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"], lines: [.sharing(2, 10_000_00, 20_000_00)],
                                            total: 20_000_00)])),
        PricingCase(name: "2 adults + 2 children (7, 10) + 1 infant (1)", rates: full, request: stay(ages: [7, 10, 1]),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(2, 10_000_00, 20_000_00), .child(2, 5_000_00, 10_000_00),
                                                    .infant(1, 1_000_00, 1_000_00)],
                                            total: 31_000_00)])),
        PricingCase(name: "2 adults + 2 under-18s of whom one (0) is an infant", rates: full,
                    request: stay(ages: [5, 0]),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(2, 10_000_00, 20_000_00), .child(1, 5_000_00, 5_000_00),
                                                    .infant(1, 1_000_00, 1_000_00)],
                                            total: 26_000_00)])),
        PricingCase(name: "age 2 is a child; with no child rate the child pays the sharing rate", rates: bare,
                    request: stay(ages: [2]),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(2, 10_000_00, 20_000_00), .child(1, 10_000_00, 10_000_00)],
                                            total: 30_000_00)])),
        PricingCase(name: "an infant with no infant rate is free but still listed", rates: bare,
                    request: stay(ages: [1]),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(2, 10_000_00, 20_000_00), .infant(1, 0, 0)],
                                            total: 20_000_00)])),
        PricingCase(name: "age 17 pays the child rate, age 1 the infant rate", rates: full,
                    request: stay(ages: [17, 1]),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(2, 10_000_00, 20_000_00), .child(1, 5_000_00, 5_000_00),
                                                    .infant(1, 1_000_00, 1_000_00)],
                                            total: 26_000_00)])),
        PricingCase(name: "2 adults in 2 rooms are both single", rates: full, request: stay(adults: 2, rooms: 2),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"], lines: [.single(2, 14_000_00, 28_000_00)],
                                            total: 28_000_00)])),
        PricingCase(name: "3 adults in 2 rooms: 1 single + 2 sharing", rates: full, request: stay(adults: 3, rooms: 2),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(2, 10_000_00, 20_000_00),
                                                    .single(1, 14_000_00, 14_000_00)],
                                            total: 34_000_00)])),
        PricingCase(name: "1 adult + 1 child (7): the adult shares with the child", rates: full,
                    request: stay(adults: 1, ages: [7]),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(1, 10_000_00, 10_000_00), .child(1, 5_000_00, 5_000_00)],
                                            total: 15_000_00)])),
        PricingCase(name: "1 adult + 1 infant: the infant takes no bed, the adult is single", rates: full,
                    request: stay(adults: 1, ages: [0]),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.single(1, 14_000_00, 14_000_00), .infant(1, 1_000_00, 1_000_00)],
                                            total: 15_000_00)])),
        PricingCase(name: "2 adults + 2 children (8, 12) in 2 rooms: nobody single", rates: full,
                    request: stay(adults: 2, ages: [8, 12], rooms: 2),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(2, 10_000_00, 20_000_00), .child(2, 5_000_00, 10_000_00)],
                                            total: 30_000_00)])),
    ]

    @Test(arguments: cases) func prices(_ testCase: PricingCase) { check(testCase) }
}
