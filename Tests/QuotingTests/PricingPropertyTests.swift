import Quoting
import Runtime
import SharedPlatform
import Testing

/// Properties over random tables: the breakdown always adds up, options are alternatives (never summed), and the
/// answer does not depend on the order of the rate rows.
@Suite struct PricingPropertyTests {
    /// SplitMix64: a tiny seeded generator, so a failure is reproducible.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let hotels = ["Amani", "Baraza", "Coral", "Dhow", "Emerson", "Fumba"]
    /// Requests go to the table's destination (any case), another one in it, and one it has no rows for.
    static let destinations = ["Zanzibar", "ZANZIBAR", "Mauritius", "Seychelles"]

    static func randomTable(_ rng: inout SplitMix) -> [RateRow] {
        (0..<24).map { index in
            let hotel = hotels[Int.random(in: 0..<hotels.count, using: &rng)]
            let from = day("2026-03-01").adding(days: Int.random(in: 0..<60, using: &rng))
            let to = from.adding(days: Int.random(in: 0..<20, using: &rng))
            let isPackage = Bool.random(using: &rng)
            let range: ClosedRange<Int64> = isPackage ? 10_000...2_000_000 : 1_000...200_000
            func price() -> Int64 { Int64.random(in: range, using: &rng) }
            func maybe() -> Int64? { Bool.random(using: &rng) ? price() : nil }
            var row = package("r\(index)", hotel, nights: Int.random(in: 2...8, using: &rng), from: from.description,
                              to: to.description, sharing: price(), single: maybe(), child: maybe(), infant: maybe(),
                              room: ["Standard", "Deluxe"][Int.random(in: 0...1, using: &rng)],
                              currency: ["ZAR", "USD"][Int.random(in: 0...1, using: &rng)],
                              destination: ["Zanzibar", " zanzibar", "Mauritius"][Int.random(in: 0...2, using: &rng)])
            if !isPackage { row.nights = nil }
            return row
        }
    }

    static func randomRequest(_ rng: inout SplitMix) -> (PricingRequest, PricingPolicy) {
        let adults = Int.random(in: 1...4, using: &rng)
        let ages = (0..<Int.random(in: 0...3, using: &rng)).map { _ in Int.random(in: 0...17, using: &rng) }
        var budget: Budget?
        if Bool.random(using: &rng) {
            let amount = Money(Int64.random(in: 1...5_000_000, using: &rng), Bool.random(using: &rng) ? "ZAR" : "USD")
            budget = Budget(amount: amount, perPerson: Bool.random(using: &rng))
        }
        let hotel = Bool.random(using: &rng) ? hotels[Int.random(in: 0..<hotels.count, using: &rng)] : nil
        let request = stay(day("2026-03-01").adding(days: Int.random(in: 0..<120, using: &rng)).description,
                           nights: Int.random(in: 1...8, using: &rng), adults: adults, ages: ages,
                           rooms: Int.random(in: 1...adults, using: &rng), budget: budget, hotel: hotel,
                           destination: destinations[Int.random(in: 0...3, using: &rng)])
        let policy = PricingPolicy(marginBasisPoints: Int.random(in: 0...3_000, using: &rng),
                                   roundTo: [1, 10, 100, 1_000][Int.random(in: 0...3, using: &rng)],
                                   maxOptions: Int.random(in: 1...4, using: &rng))
        return (request, policy)
    }

    @Test func breakdownsAddUpAndOptionsAreNeverSummed() {
        var rng = SplitMix(state: 20_260_310)
        let rates = Self.randomTable(&rng)
        var withOptions = 0, withAlternatives = 0, withNothing = 0
        for _ in 0..<200 {
            let (request, policy) = Self.randomRequest(&rng)
            let outcome = PricingEngine.price(request, rates: rates, policy: policy)
            #expect(PricingEngine.price(request, rates: rates.shuffled(using: &rng), policy: policy) == outcome)
            switch outcome {
            case .options(let options):
                withOptions += 1
                #expect((1...policy.maxOptions).contains(options.count))
                #expect(Set(options.map(\.hotelID)).count == options.count)
                #expect(options.map(\.requested) == options.map(\.requested).sorted { $0 && !$1 })
                for option in options {
                    #expect(option.total.amount == option.lines.reduce(0) { $0 + $1.total.amount })
                    #expect(option.lines.map(\.count).reduce(0, +) == request.adults + request.childrenAges.count)
                    for line in option.lines {
                        #expect(line.total.amount == line.unit.amount * Int64(line.count))
                        #expect(line.unit.amount % Int64(policy.roundTo) == 0)
                        #expect(line.unit.currency == option.total.currency)
                        #expect(line.total.currency == option.total.currency)
                    }
                }
                if options.count >= 2 {
                    let sum = options.reduce(Int64(0)) { $0 + $1.total.amount }
                    #expect(!options.contains { $0.total.amount == sum })
                }
            case .noAvailability(let alternatives):
                if alternatives.isEmpty { withNothing += 1 } else { withAlternatives += 1 }
                #expect(alternatives.count <= 3)
                #expect(Set(alternatives.map { "\($0.reason)|\($0.hotel)" }).count == alternatives.count)
                #expect(alternatives.allSatisfy { $0.total.amount > 0 })
                #expect(alternatives.allSatisfy { $0.checkIn.days(until: $0.checkOut) == $0.nights })
            }
        }
        // The seeded table exercises every outcome (fails only if the generator or the table changes).
        #expect(withOptions >= 20 && withAlternatives >= 20 && withNothing >= 5,
                "options \(withOptions), alternatives \(withAlternatives), nothing \(withNothing)")
    }
}
