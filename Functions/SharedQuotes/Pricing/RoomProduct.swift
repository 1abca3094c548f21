import Runtime

/// One sellable room (rule 1): a hotel's room type and meal plan, in one currency, on one basis — a fixed-length
/// package (`nights` set on its rows) or a per-night rate (`nights` nil).
///
/// Rows match a request's destination when the names are equal ignoring case and surrounding whitespace.
/// A product's rows are all its validity windows; ``match(_:checkIn:nights:)`` picks the ones a stay uses.
struct RoomProduct: Hashable {
    var hotelID: String
    var roomType: String
    var mealPlan: String
    var currency: String
    var isPackage: Bool

    init(_ row: RateRow) {
        hotelID = row.hotelID
        roomType = row.roomType
        mealPlan = row.mealPlan
        currency = row.currency
        isPackage = row.nights != nil
    }

    /// `package` or `per_night`, as ``PricedOption/basis`` spells it.
    var basis: String { isPackage ? "package" : "per_night" }

    /// The rows for `destination`, grouped by product.
    static func catalogue(_ rates: [RateRow], destination: String) -> [RoomProduct: [RateRow]] {
        let wanted = normalised(destination)
        return Dictionary(grouping: rates.filter { normalised($0.destination) == wanted }, by: RoomProduct.init)
    }

    /// Lowercased, surrounding whitespace removed.
    static func normalised(_ destination: String) -> String {
        let lower = destination.lowercased()
        guard let start = lower.firstIndex(where: { !$0.isWhitespace }),
              let end = lower.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(lower[start...end])
    }
}

/// The rows a stay of one product uses and their summed raw prices.
struct StayMatch {
    /// Each row used, in order of first use (one for a package).
    var rows: [RateRow]
    var price: StayPrice
}

extension RoomProduct {
    /// Which of this product's `rows` price a stay of `nights` nights from `checkIn`; `nil` when it cannot be sold.
    ///
    /// - Package (rule 2): a row qualifies when `row.nights == nights` and `validFrom ≤ checkIn ≤ validTo`; its
    ///   prices cover the whole stay. Of several, the narrowest window wins, ties → smallest id.
    /// - Per night (rule 3): every night `d` in `checkIn ..< checkIn + nights` needs a row whose window contains
    ///   `d`; that night is priced by that row (narrowest window wins, ties → smallest id), and the nights are
    ///   summed, so a stay crossing two windows pays each window's price for its own nights. One uncovered night
    ///   makes the product unavailable.
    func match(_ rows: [RateRow], checkIn: Day, nights: Int) -> StayMatch? {
        guard nights >= 1 else { return nil }
        if isPackage {
            let usable = rows.filter { $0.nights == nights && Self.window($0, contains: checkIn) }
            return usable.min(by: Self.narrower).map { StayMatch(rows: [$0], price: StayPrice($0)) }
        }
        var used: [RateRow] = []
        var price = StayPrice.zero
        for offset in 0..<nights {
            let night = checkIn.adding(days: offset)
            guard let row = rows.filter({ Self.window($0, contains: night) }).min(by: Self.narrower),
                  let sum = price.adding(StayPrice(row)) else { return nil }
            price = sum
            if !used.contains(where: { $0.id == row.id }) { used.append(row) }
        }
        return StayMatch(rows: used, price: price)
    }

    static func window(_ row: RateRow, contains day: Day) -> Bool { row.validFrom <= day && day <= row.validTo }

    /// Orders rows narrowest window first (fewest days), ties by smallest id.
    static func narrower(_ lhs: RateRow, _ rhs: RateRow) -> Bool {
        let left = lhs.validFrom.days(until: lhs.validTo), right = rhs.validFrom.days(until: rhs.validTo)
        return left != right ? left < right : lhs.id < rhs.id
    }
}
