import InboundMail
import Runtime

/// One hand-labelled mail of the extractor corpus: the expected values are literals written by a person.
struct LabelledInquiry: Sendable, CustomStringConvertible {
    var id: String
    var subject: String
    var body: String
    var destination: String?
    var checkIn: String?
    var checkOut: String?
    var adults: Int?
    var children: Int?
    var ages: [Int] = []
    var budget: ExtractedBudget?
    var from: String?

    var description: String { id }

    init(
        _ id: String, subject: String, _ body: String, destination: String?, checkIn: String?, checkOut: String?,
        adults: Int?, children: Int?, ages: [Int] = [], budget: ExtractedBudget?, from: String? = nil
    ) {
        self.id = id
        self.subject = subject
        self.body = body
        self.destination = destination
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.adults = adults
        self.children = children
        self.ages = ages
        self.budget = budget
        self.from = from
    }
}

/// A budget literal: `major` whole units of `currency`, as minor units.
func money(_ major: Int64, _ currency: String, perPerson: Bool = false) -> ExtractedBudget {
    ExtractedBudget(amount: major * 100, currency: currency, perPerson: perPerson)
}

/// Per-field tallies over the corpus.
struct FieldAccuracy {
    static let fields = [
        "destination", "check_in", "check_out", "adults", "children", "children_ages", "budget",
        "is_travel_inquiry",
    ]
    var correct: [String: Int] = [:]
    var total = 0
    var misses: [String] = []

    mutating func score(_ inquiry: LabelledInquiry, _ trip: ExtractedTrip) {
        total += 1
        let checks: [(String, Bool, String)] = [
            ("destination", trip.destination == inquiry.destination, "\(trip.destination ?? "nil")"),
            ("check_in", trip.checkIn?.description == inquiry.checkIn, "\(trip.checkIn?.description ?? "nil")"),
            ("check_out", trip.checkOut?.description == inquiry.checkOut, "\(trip.checkOut?.description ?? "nil")"),
            ("adults", trip.adults == inquiry.adults, "\(trip.adults.map(String.init) ?? "nil")"),
            ("children", trip.children == inquiry.children, "\(trip.children.map(String.init) ?? "nil")"),
            ("children_ages", trip.childrenAges == inquiry.ages, "\(trip.childrenAges)"),
            ("budget", trip.budget == inquiry.budget, "\(String(describing: trip.budget))"),
            ("is_travel_inquiry", trip.isTravelInquiry, "\(trip.isTravelInquiry)"),
        ]
        for (field, ok, got) in checks {
            if ok { correct[field, default: 0] += 1 } else { misses.append("\(inquiry.id) \(field): got \(got)") }
        }
    }

    var summary: String {
        "extractor accuracy: " + Self.fields.map { "\($0) \(correct[$0, default: 0])/\(total)" }.joined(separator: ", ")
    }

    func ratio(_ field: String) -> Double { total == 0 ? 0 : Double(correct[field, default: 0]) / Double(total) }
}
