import Quoting
import SharedPlatform
import Testing

/// Rule 6: margin in basis points, half-up to the minor unit, then half-up to a multiple of `roundTo`; integer only.
@Suite struct PricingMarginTests {
    static let cases: [PricingCase] = [
        // 1,000,033 × 1.1 = 1,100,036.3 → 1,100,036; 33,333 × 1.1 = 36,666.3 → 36,666; 15 × 1.1 = 16.5 → 17.
        PricingCase(name: "10 % margin, roundTo 1: half-up to the minor unit",
                    rates: [package("r1", "Serena", sharing: 10_000_33, child: 333_33, infant: 15)],
                    request: stay(ages: [6, 0]), policy: PricingPolicy(marginBasisPoints: 1_000, roundTo: 1),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(2, 11_000_36, 22_000_72), .child(1, 366_66, 366_66),
                                                    .infant(1, 17, 17)],
                                            total: 22_367_55)])),
        // 10,000 × 1.125 = 11,250 → 11,300 (exactly half goes up); 9,999 × 1.125 = 11,248.875 → 11,249 → 11,200;
        // 9,644 × 1.125 = 10,849.5 → 10,850 (minor unit first) → 10,900.
        PricingCase(name: "12.5 % margin, roundTo 100: exactly .50 goes up, and the minor unit is rounded first",
                    rates: [package("r1", "Serena", sharing: 100_00, child: 99_99, infant: 96_44)],
                    request: stay(ages: [5, 1]), policy: PricingPolicy(marginBasisPoints: 1_250, roundTo: 100),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(2, 113_00, 226_00), .child(1, 112_00, 112_00),
                                                    .infant(1, 109_00, 109_00)],
                                            total: 447_00)])),
        // 123,456 × 1.15 = 141,974.4 → 141,974 → 142,000; 130,000 × 1.15 = 149,500 → 150,000 (exactly half).
        PricingCase(name: "15 % margin, roundTo 1000, 3 adults in 2 rooms",
                    rates: [package("r1", "Serena", sharing: 1_234_56, single: 1_300_00)],
                    request: stay(adults: 3, rooms: 2), policy: PricingPolicy(marginBasisPoints: 1_500, roundTo: 1_000),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(2, 1_420_00, 2_840_00), .single(1, 1_500_00, 1_500_00)],
                                            total: 4_340_00)])),
        // ¥98,765 × 1.1 = 108,641.5 → 108,642 → 108,600; the child falls back to sharing; the infant is free.
        PricingCase(name: "zero-decimal currency (JPY), 10 % margin, roundTo 100 yen",
                    rates: [package("r1", "Ryokan", sharing: 98_765, currency: "JPY")],
                    request: stay(ages: [4, 0]), policy: PricingPolicy(marginBasisPoints: 1_000, roundTo: 100),
                    expected: .options([Opt(hotel: "Ryokan", rates: ["r1"],
                                            lines: [.sharing(2, 108_600, 217_200), .child(1, 108_600, 108_600),
                                                    .infant(1, 0, 0)],
                                            total: 325_800, currency: "JPY")])),
        // 3 nights × 333 = 999; 999 × 1.1 = 1,098.9 → 1,099 (per night first would give 3 × 366 = 1,098).
        PricingCase(name: "per-night: the margin applies to the stay's summed price, not to each night",
                    rates: [perNight("p1", "Serena", sharing: 3_33)],
                    request: stay(nights: 3), policy: PricingPolicy(marginBasisPoints: 1_000, roundTo: 1),
                    expected: .options([Opt(hotel: "Serena", basis: "per_night", rates: ["p1"],
                                            lines: [.sharing(2, 10_99, 21_98)], total: 21_98)])),
        PricingCase(name: "a zero infant price stays zero under margin and rounding",
                    rates: [package("r1", "Serena", sharing: 10_000_00, infant: 0)],
                    request: stay(ages: [1]), policy: PricingPolicy(marginBasisPoints: 1_250, roundTo: 100),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"],
                                            lines: [.sharing(2, 11_250_00, 22_500_00), .infant(1, 0, 0)],
                                            total: 22_500_00)])),
        // 1,000,050 → (1,000,050 + 50) / 100 × 100 = 1,000,100.
        PricingCase(name: "no margin, roundTo 100: a half unit rounds up",
                    rates: [package("r1", "Serena", sharing: 10_000_50)],
                    request: stay(), policy: PricingPolicy(marginBasisPoints: 0, roundTo: 100),
                    expected: .options([Opt(hotel: "Serena", rates: ["r1"], lines: [.sharing(2, 10_001_00, 20_002_00)],
                                            total: 20_002_00)])),
    ]

    @Test(arguments: cases) func prices(_ testCase: PricingCase) { check(testCase) }
}
