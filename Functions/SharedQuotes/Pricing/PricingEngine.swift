import Runtime
import SharedPlatform

/// Prices a stay against a tenant's rate rows: pure code, no I/O, no clock, no floating point.
///
/// The rules, each documented where it is implemented:
/// 1. matching rows and room products — ``RoomProduct``;
/// 2–3. packages, per-night rates and validity windows — ``RoomProduct/match(_:checkIn:nights:)``;
/// 4. travellers (sharing, single, child, infant) — ``Party``;
/// 5. prices and fallbacks — ``StayPrice``; 6. margin and rounding — ``Markup``;
/// 7. budget — ``BudgetFit``; 8. the requested hotel — ``HotelNameMatch``;
/// 9. choosing and ordering options — ``OptionRanking``;
/// 10. no availability — ``PricingContext/alternatives(for:)``.
/// 11. Guards: a request with fewer than 1 night, fewer than 1 adult, or rooms outside `1…adults` gets
///     `.noAvailability(alternatives: [])` (the API rejects these first; the engine never traps on them).
public enum PricingEngine {
    /// Prices `request` against `rates` (all the tenant's active rate rows for any destination; filtered here).
    ///
    /// Returns 1…`policy.maxOptions` options, best first, each in its rate's currency with lines that add up to its
    /// total exactly; or, when no room can be sold for the stay, up to 3 nearest alternatives.
    public static func price(_ request: PricingRequest, rates: [RateRow], policy: PricingPolicy) -> PricingOutcome {
        guard request.nights >= 1, request.adults >= 1, request.rooms >= 1, request.rooms <= request.adults else {
            return .noAvailability(alternatives: [])
        }
        let context = PricingContext(catalogue: RoomProduct.catalogue(rates, destination: request.destination),
                                     party: Party(request), policy: policy)
        let priced = context.priced(checkIn: request.checkIn, nights: request.nights)
        guard !priced.isEmpty else { return .noAvailability(alternatives: context.alternatives(for: request)) }
        let ranked = priced.map { option in
            var option = option
            let limit = BudgetFit.limit(request.budget, currency: option.total.currency, party: context.party)
            option.withinBudget = BudgetFit.within(option.total, limit: limit)
            option.requested = request.requestedHotel.map { HotelNameMatch.matches(requested: $0, hotel: option.hotel) }
                ?? false
            return OptionRanking.Ranked(option: option, overshoot: BudgetFit.overshoot(option.total, limit: limit))
        }
        return .options(OptionRanking.choose(ranked, maxOptions: policy.maxOptions))
    }
}

/// What stays fixed while one request is priced: the destination's products, the party and the tenant's policy.
struct PricingContext {
    var catalogue: [RoomProduct: [RateRow]]
    var party: Party
    var policy: PricingPolicy

    /// Every product that can be sold for `nights` nights from `checkIn`, priced (rules 2–6), in no set order.
    /// `withinBudget` and `requested` are left `nil`/`false` for the caller to fill in.
    func priced(checkIn: Day, nights: Int, packagesOnly: Bool = false) -> [PricedOption] {
        catalogue.compactMap { product, rows in
            guard !packagesOnly || product.isPackage,
                  let match = product.match(rows, checkIn: checkIn, nights: nights), let first = match.rows.first,
                  let lines = match.price.lines(for: party, policy: policy, currency: product.currency) else {
                return nil
            }
            var total: Int64 = 0
            for line in lines {
                guard let sum = Checked.add(total, line.total.amount) else { return nil }
                total = sum
            }
            return PricedOption(hotelID: product.hotelID, hotel: first.hotel, rating: first.rating,
                                roomType: product.roomType, mealPlan: product.mealPlan, basis: product.basis,
                                nights: nights, rateIDs: match.rows.map(\.id), lines: lines,
                                total: Money(total, product.currency), withinBudget: nil, requested: false)
        }
    }
}

/// The travellers of one request as the engine prices them (rule 4): who shares, who sleeps alone, who pays the
/// child rate and who is an infant.
///
/// - Ages below 2 are infants; every other age is a child (the API rejects ages outside 0…17 before calling).
/// - Children sleep in the rooms and so fill beds that adults would otherwise leave empty; infants take no bed.
///   With `beds = 2 × rooms`, the single adults are `max(0, min(rooms, beds − adults − children))`: a room with
///   only one adult (and no child) in it is a single. Everyone else pays the sharing rate.
///   1 adult alone → 1 single; 1 adult + 1 child → 0 singles; 2 adults in 2 rooms → 2 singles;
///   3 adults in 2 rooms → 1 single + 2 sharing; 2 adults + 2 children in 2 rooms → 0 singles.
/// - Invariant: `adultsSharing + singles` equals the request's adults, provided `1 ≤ rooms ≤ adults` (the engine
///   guards that before building a party).
struct Party: Equatable {
    var adultsSharing: Int
    var singles: Int
    /// Children aged 2…17 (child rate).
    var children: Int
    /// Children under 2.
    var infants: Int

    init(adults: Int, childrenAges: [Int], rooms: Int) {
        let infants = childrenAges.count(where: { $0 < 2 })
        let children = childrenAges.count - infants
        let beds = rooms > Int.max / 2 ? Int.max : 2 * rooms
        let singles = max(0, min(rooms, beds - adults - children))
        self.adultsSharing = adults - singles
        self.singles = singles
        self.children = children
        self.infants = infants
    }

    init(_ request: PricingRequest) {
        self.init(adults: request.adults, childrenAges: request.childrenAges, rooms: request.rooms)
    }

    /// The people a per-person budget counts: adults and children, not infants (rule 7).
    var budgetHeads: Int {
        let (heads, overflow) = (adultsSharing + singles).addingReportingOverflow(children)
        return overflow ? .max : heads
    }
}
