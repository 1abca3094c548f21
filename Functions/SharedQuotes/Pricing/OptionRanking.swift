import SharedPlatform

/// Which priced rooms become the options, and in what order (rule 9). Options are alternatives: nothing here or
/// anywhere else adds their totals together.
///
/// Only the best product of each hotel is kept. Order:
/// 1. the hotel the customer asked for (`requested`) first;
/// 2. then by budget fit: within budget, then no comparable budget (`nil`), then over budget by overshoot ascending;
/// 3. then total ascending; then hotel name, then room type (then meal plan, basis, hotel id and rate ids, so the
///    order never depends on input order).
/// At most `maxOptions` (at least 1) are returned.
enum OptionRanking {
    /// One priced room with what ranking needs to know about its budget fit.
    struct Ranked {
        var option: PricedOption
        var overshoot: Int64

        /// 0 within budget, 1 no comparable budget, 2 over budget.
        var fitClass: Int {
            switch option.withinBudget {
            case true?: 0
            case nil: 1
            case false?: 2
            }
        }
    }

    static func choose(_ ranked: [Ranked], maxOptions: Int) -> [PricedOption] {
        let bestPerHotel = Dictionary(grouping: ranked, by: \.option.hotelID).values.compactMap {
            $0.min(by: precedes)
        }
        return Array(bestPerHotel.sorted(by: precedes).prefix(max(1, maxOptions)).map(\.option))
    }

    static func precedes(_ lhs: Ranked, _ rhs: Ranked) -> Bool {
        if lhs.option.requested != rhs.option.requested { return lhs.option.requested }
        if lhs.fitClass != rhs.fitClass { return lhs.fitClass < rhs.fitClass }
        if lhs.overshoot != rhs.overshoot { return lhs.overshoot < rhs.overshoot }
        return cheaper(lhs.option, rhs.option)
    }

    /// Total ascending, then a fixed order on the option's names and ids (a strict total order on distinct options).
    static func cheaper(_ lhs: PricedOption, _ rhs: PricedOption) -> Bool {
        if lhs.total.amount != rhs.total.amount { return lhs.total.amount < rhs.total.amount }
        let keys = [
            (lhs.hotel, rhs.hotel), (lhs.roomType, rhs.roomType), (lhs.mealPlan, rhs.mealPlan),
            (lhs.basis, rhs.basis), (lhs.hotelID, rhs.hotelID), (lhs.total.currency, rhs.total.currency),
            (lhs.rateIDs.joined(separator: ","), rhs.rateIDs.joined(separator: ",")),
        ]
        for (left, right) in keys where left != right { return left < right }
        return false
    }
}

/// How an option's total compares with the customer's budget (rule 7). Budgets compare like with like only.
///
/// - A budget in another currency than the option is never converted: the comparison is `nil`.
/// - A per-person budget covers `amount × (adults + children aged 2…17)`; infants are not counted.
///   A total budget covers `amount`.
/// - The option fits when `total ≤` that limit; otherwise it overshoots by `total − limit`.
enum BudgetFit {
    /// The budget for the whole party in `currency`'s minor units, or `nil` when there is none to compare with.
    static func limit(_ budget: Budget?, currency: String, party: Party) -> Int64? {
        guard let budget, budget.amount.currency.uppercased() == currency.uppercased() else { return nil }
        let amount = budget.amount.amount
        guard budget.perPerson else { return amount }
        return Checked.multiply(amount, Int64(party.budgetHeads)) ?? (amount < 0 ? .min : .max)
    }

    /// `withinBudget` for an option of `total` against `limit` (`nil` stays `nil`).
    static func within(_ total: Money, limit: Int64?) -> Bool? {
        limit.map { total.amount <= $0 }
    }

    /// How far `total` is over `limit`; 0 when it fits or there is no limit.
    static func overshoot(_ total: Money, limit: Int64?) -> Int64 {
        guard let limit, total.amount > limit else { return 0 }
        return total.amount.subtractingReportingOverflow(limit).overflow ? .max : total.amount - limit
    }
}
