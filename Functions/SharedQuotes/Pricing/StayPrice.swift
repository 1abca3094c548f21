import SharedPlatform

/// Raw per-person prices for a whole stay, before margin and rounding (rule 5), in one currency's minor units.
///
/// Fallbacks apply per rate row: a lone adult without a single rate pays `adultSharing`, a child without a child
/// rate pays `adultSharing`, and an infant without an infant rate is free (0). For a per-night product each
/// night's row is taken with its own fallbacks and the nights are summed.
struct StayPrice: Equatable {
    var adultSharing: Int64
    var single: Int64
    var child: Int64
    var infant: Int64

    static let zero = StayPrice(adultSharing: 0, single: 0, child: 0, infant: 0)

    init(adultSharing: Int64, single: Int64, child: Int64, infant: Int64) {
        self.adultSharing = adultSharing
        self.single = single
        self.child = child
        self.infant = infant
    }

    /// One row's prices with the fallbacks applied.
    init(_ row: RateRow) {
        self.init(adultSharing: row.adultSharing, single: row.single ?? row.adultSharing,
                  child: row.child ?? row.adultSharing, infant: row.infant ?? 0)
    }

    /// `self + other`, or `nil` on Int64 overflow (never traps; the product is then treated as unavailable).
    func adding(_ other: StayPrice) -> StayPrice? {
        guard let adultSharing = Checked.add(adultSharing, other.adultSharing),
              let single = Checked.add(single, other.single), let child = Checked.add(child, other.child),
              let infant = Checked.add(infant, other.infant) else { return nil }
        return StayPrice(adultSharing: adultSharing, single: single, child: child, infant: infant)
    }

    /// The priced lines for `party` (rule 6): each kind's unit is marked up and rounded on its own, each line
    /// total is `unit × count`, lines with no travellers are left out, and an infant line at 0 is kept.
    /// Order: adult_sharing, adult_single, child, infant. `nil` when a price is negative or arithmetic overflows.
    func lines(for party: Party, policy: PricingPolicy, currency: String) -> [PriceLine]? {
        let kinds: [(kind: String, count: Int, raw: Int64)] = [
            ("adult_sharing", party.adultsSharing, adultSharing), ("adult_single", party.singles, single),
            ("child", party.children, child), ("infant", party.infants, infant),
        ]
        var lines: [PriceLine] = []
        for (kind, count, raw) in kinds where count > 0 {
            guard let unit = Markup.unit(raw, policy: policy),
                  let total = Checked.multiply(unit, Int64(count)) else { return nil }
            lines.append(PriceLine(kind: kind, count: count, unit: Money(unit, currency),
                                   total: Money(total, currency)))
        }
        return lines
    }
}

/// Int64 arithmetic that reports overflow as `nil` instead of trapping.
enum Checked {
    static func add(_ lhs: Int64, _ rhs: Int64) -> Int64? {
        let (value, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? nil : value
    }

    static func multiply(_ lhs: Int64, _ rhs: Int64) -> Int64? {
        let (value, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        return overflow ? nil : value
    }
}

/// The tenant margin and rounding applied to one raw per-person price (rule 6), in exact integer arithmetic.
///
/// 1. Mark up, half-up to the minor unit: `marked = (raw × (10000 + marginBasisPoints) + 5000) / 10000`.
/// 2. Round half-up to a multiple `m` of `roundTo`: `unit = ((marked + m / 2) / m) × m`.
///
/// With 12.5 % and `roundTo` 100: 100.00 → 112.50 → 113.00 (exactly half goes up); 96.44 → 108.495 → 108.50
/// (the minor unit is rounded first) → 109.00. A zero price stays zero. Invariants: no `Double` anywhere; the
/// margin is clamped to −100 %…+10,000 %; `roundTo < 1` counts as 1; a negative raw price or an overflow gives
/// `nil` (never a trap).
enum Markup {
    static func unit(_ raw: Int64, policy: PricingPolicy) -> Int64? {
        guard raw >= 0 else { return nil }
        let factor = Int64(10_000 + min(max(policy.marginBasisPoints, -10_000), 1_000_000))
        guard let scaled = Checked.multiply(raw, factor), let halfUp = Checked.add(scaled, 5_000) else { return nil }
        let marked = halfUp / 10_000
        let multiple = Int64(max(1, policy.roundTo))
        guard let shifted = Checked.add(marked, multiple / 2) else { return nil }
        return (shifted / multiple) * multiple
    }
}
