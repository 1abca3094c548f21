import InboundMail
import Testing

/// Traveller rules: adults, children (infants included), stated ages.
@Suite struct ExtractTravellerTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var adults: Int?
        var children: Int?
        var ages: [Int] = []
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "2 adults and 2 children (ages 7 and 10)", adults: 2, children: 2, ages: [7, 10]),
        Case(text: "2 adults, 1 child aged 5", adults: 2, children: 1, ages: [5]),
        Case(text: "two adults and three kids", adults: 2, children: 3),
        Case(text: "kids aged 4 and 9", adults: nil, children: 2, ages: [4, 9]),
        Case(text: "a family of four", adults: 2, children: 2),
        Case(text: "family of 5, 3 kids", adults: 2, children: 3),
        Case(text: "party of 5", adults: 5, children: 0),
        Case(text: "a group of 5", adults: 5, children: 0),
        Case(text: "4 pax", adults: 4, children: 0),
        Case(text: "there are 8 of us", adults: 8, children: 0),
        Case(text: "just the two of us", adults: 2, children: 0),
        Case(text: "my wife and I", adults: 2, children: 0),
        Case(text: "my husband and me", adults: 2, children: 0),
        Case(text: "me and my partner", adults: 2, children: 0),
        Case(text: "myself only", adults: 1, children: 0),
        Case(text: "travelling solo", adults: 1, children: 0),
        Case(text: "just me", adults: 1, children: 0),
        Case(text: "our honeymoon", adults: 2, children: 0),
        Case(text: "2 adults and a baby of 10 months", adults: 2, children: 1, ages: [0]),
        Case(text: "2 adults and an infant", adults: 2, children: 1),
        Case(text: "2 adults with a toddler (18 months)", adults: 2, children: 1, ages: [1]),
        Case(text: "2 adults, 2 kids aged 4 and 9 and a baby of 10 months", adults: 2, children: 3, ages: [4, 9, 0]),
        Case(text: "twelve adults", adults: 12, children: 0),
        Case(text: "6 people including 2 children", adults: 4, children: 2),
        Case(text: "Adults: 2\nChildren: 1", adults: 2, children: 1),
        Case(text: "2 children, 3 adults", adults: 3, children: 2),
        Case(text: "a 7 year old and a 10 year old, plus 2 adults", adults: 2, children: 2, ages: [7, 10]),
        Case(text: "2 Erwachsene und 2 Kinder (5 und 8 Jahre)", adults: 2, children: 2, ages: [5, 8]),
        Case(text: "Hello, what are your rates?", adults: nil, children: nil),
        Case(text: "R5000 per person", adults: nil, children: nil),
    ]

    @Test(arguments: cases)
    func countsTravellers(_ testCase: Case) {
        let trip = ExtractFixtures.extract(testCase.text)
        #expect(trip.adults == testCase.adults)
        #expect(trip.children == testCase.children)
        #expect(trip.childrenAges == testCase.ages)
    }

    @Test func infantsAreCountedSeparatelyToo() {
        #expect(ExtractFixtures.extract("2 adults and 2 babies").infants == 2)
        #expect(ExtractFixtures.extract("2 adults").infants == nil)
    }
}
