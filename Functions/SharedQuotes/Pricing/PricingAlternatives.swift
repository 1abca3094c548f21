import Runtime

/// The nearest stays that *can* be sold when the requested one cannot (rule 10).
///
/// - `other_length`: package rows of the destination whose window contains the check-in but whose nights differ;
///   each such length `n` is priced as a stay from the same check-in for `n` nights (rules 2–6). Distance =
///   |n − requested nights|. Lengths beyond ``longestPackage`` nights are ignored.
/// - `other_dates`: the same length with the check-in moved +1, −1, +2, −2, … up to ±60 days; the first shift at
///   which any product (package or per-night) can be sold is used, and only that one. Distance = |shift|.
/// - One alternative per (reason, hotel): the nearest, then cheapest. All candidates are then ordered by distance,
///   `other_length` before `other_dates` at equal distance, then total, hotel and room; the first 3 are returned.
///   A destination with no rows has no alternatives.
extension PricingContext {
    static let longestPackage = 366
    static let furthestShift = 60
    static let maxAlternatives = 3

    private struct Candidate {
        var distance: Int
        var reasonRank: Int
        var checkIn: Day
        var option: PricedOption

        var reason: String { reasonRank == 0 ? "other_length" : "other_dates" }

        static func nearer(_ lhs: Candidate, _ rhs: Candidate) -> Bool {
            if lhs.distance != rhs.distance { return lhs.distance < rhs.distance }
            if lhs.reasonRank != rhs.reasonRank { return lhs.reasonRank < rhs.reasonRank }
            return OptionRanking.cheaper(lhs.option, rhs.option)
        }
    }

    func alternatives(for request: PricingRequest) -> [PricingAlternative] {
        let candidates = otherLengths(request) + otherDates(request)
        let perHotel = Dictionary(grouping: candidates) { "\($0.reasonRank)|\($0.option.hotelID)" }.values
            .compactMap { $0.min(by: Candidate.nearer) }
        return perHotel.sorted(by: Candidate.nearer).prefix(Self.maxAlternatives).map { candidate in
            let option = candidate.option
            return PricingAlternative(checkIn: candidate.checkIn,
                                      checkOut: candidate.checkIn.adding(days: option.nights), nights: option.nights,
                                      hotel: option.hotel, roomType: option.roomType, mealPlan: option.mealPlan,
                                      total: option.total, reason: candidate.reason)
        }
    }

    private func otherLengths(_ request: PricingRequest) -> [Candidate] {
        var lengths = Set<Int>()
        for row in catalogue.values.joined() {
            guard let nights = row.nights, nights != request.nights, (1...Self.longestPackage).contains(nights),
                  RoomProduct.window(row, contains: request.checkIn) else { continue }
            lengths.insert(nights)
        }
        return lengths.flatMap { nights in
            priced(checkIn: request.checkIn, nights: nights, packagesOnly: true).map {
                Candidate(distance: abs(nights - request.nights), reasonRank: 0, checkIn: request.checkIn, option: $0)
            }
        }
    }

    private func otherDates(_ request: PricingRequest) -> [Candidate] {
        guard !catalogue.isEmpty else { return [] }
        for step in 1...Self.furthestShift {
            for shift in [step, -step] {
                let checkIn = request.checkIn.adding(days: shift)
                let options = priced(checkIn: checkIn, nights: request.nights)
                if !options.isEmpty {
                    return options.map { Candidate(distance: step, reasonRank: 1, checkIn: checkIn, option: $0) }
                }
            }
        }
        return []
    }
}
