import InboundMail
import Testing

/// Destination rules: names and aliases, case and punctuation, typos, ambiguity, origins, no silent default.
@Suite struct ExtractDestinationTests {
    struct Case: Sendable, CustomStringConvertible {
        var subject: String = ""
        var text: String
        var destination: String?
        var description: String { subject + " | " + text }
    }

    static let cases: [Case] = [
        Case(text: "a trip to zanzibar", destination: "Zanzibar"),
        Case(text: "a trip to ZANZIBAR!", destination: "Zanzibar"),
        Case(text: "staying in Stone Town", destination: "Zanzibar"),
        Case(text: "Nungwi beach", destination: "Zanzibar"),
        Case(text: "Unguja island", destination: "Zanzibar"),
        Case(text: "a week in Cape Town", destination: "Cape Town"),
        Case(text: "a week in cape-town", destination: "Cape Town"),
        Case(text: "a week in Capetown", destination: "Cape Town"),
        Case(text: "flights to CPT", destination: "Cape Town"),
        Case(text: "na Kaapstad", destination: "Cape Town"),
        Case(text: "Vic Falls", destination: "Victoria Falls"),
        Case(text: "Victoria Falls", destination: "Victoria Falls"),
        Case(text: "Kruger National Park", destination: "Kruger"),
        Case(text: "Zanzibr", destination: "Zanzibar"),
        Case(text: "Zanizbar", destination: "Zanzibar"),
        Case(text: "Mauritus", destination: "Mauritius"),
        Case(text: "Maurititus", destination: "Mauritius"),
        Case(text: "Santorni", destination: "Santorini"),
        Case(text: "Maldive islands", destination: "Maldives"),
        Case(text: "Bali", destination: "Bali"),
        Case(text: "Baly", destination: nil),
        Case(text: "Balinese food", destination: nil),
        Case(text: "a beach holiday", destination: nil),
        Case(text: "we live in Cape Town", destination: nil),
        Case(text: "flying from Cape Town to Bali", destination: "Bali"),
        Case(text: "Zanzibar or Mauritius", destination: "Zanzibar"),
        Case(subject: "Mauritius", text: "Zanzibar or Mauritius", destination: "Mauritius"),
        Case(text: "burger and fries", destination: nil),
    ]

    @Test(arguments: cases)
    func matchesDestination(_ testCase: Case) {
        #expect(ExtractFixtures.extract(testCase.text, subject: testCase.subject).destination == testCase.destination)
    }

    @Test func noTenantDestinationsMeansNil() {
        let trip = TripExtractor.extract(
            ExtractionInput(
                subject: "Zanzibar", body: "Zanzibar please",
                destinations: [], defaultCurrency: "ZAR",
                today: ExtractFixtures.today))
        #expect(trip.destination == nil)
    }
}
