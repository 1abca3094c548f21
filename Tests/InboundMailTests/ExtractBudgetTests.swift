import InboundMail
import Testing

/// Budget rules: amounts in minor units, currency, per person; dates, phones and stars are never money.
@Suite struct ExtractBudgetTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var budget: ExtractedBudget?
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "budget R60,000", budget: money(60_000, "ZAR")),
        Case(text: "budget R 60 000", budget: money(60_000, "ZAR")),
        Case(text: "budget ZAR 60000", budget: money(60_000, "ZAR")),
        Case(text: "budget $9k", budget: money(9_000, "USD")),
        Case(text: "budget 9k USD", budget: money(9_000, "USD")),
        Case(text: "budget US$9,000", budget: money(9_000, "USD")),
        Case(text: "budget €15,000", budget: money(15_000, "EUR")),
        Case(text: "budget 15000 EUR", budget: money(15_000, "EUR")),
        Case(text: "budget £4.5k", budget: money(4_500, "GBP")),
        Case(text: "a budget of around 6000 dollars", budget: money(6_000, "USD")),
        Case(text: "budget 1.2m rand", budget: money(1_200_000, "ZAR")),
        Case(text: "budget 45000", budget: money(45_000, "ZAR")),
        Case(text: "budget R20,000 per person", budget: money(20_000, "ZAR", perPerson: true)),
        Case(text: "budget R20,000 pp", budget: money(20_000, "ZAR", perPerson: true)),
        Case(text: "budget R20,000 each", budget: money(20_000, "ZAR", perPerson: true)),
        Case(text: "budget R20,000 pps", budget: money(20_000, "ZAR", perPerson: true)),
        Case(text: "per person budget of R20,000", budget: money(20_000, "ZAR", perPerson: true)),
        Case(text: "R20,000 for everyone", budget: money(20_000, "ZAR")),
        Case(text: "R20,000 total", budget: money(20_000, "ZAR")),
        Case(text: "budget R50,000 - R60,000", budget: money(60_000, "ZAR")),
        Case(text: "budget 1,500.50 USD", budget: ExtractedBudget(amount: 150_050, currency: "USD", perPerson: false)),
        Case(text: "budget 8000 €", budget: money(8_000, "EUR")),
        Case(text: "budget: 15 August 2027", budget: nil),
        Case(text: "budget flexible, call 082 555 1234", budget: nil),
        Case(text: "budget for a 5 star hotel", budget: nil),
        Case(text: "max 4* please", budget: nil),
        Case(text: "budget around 2027-08-15", budget: nil),
        Case(text: "7 nights for 2 adults", budget: nil),
    ]

    @Test(arguments: cases)
    func readsBudget(_ testCase: Case) {
        #expect(ExtractFixtures.extract(testCase.text).budget == testCase.budget)
    }

    @Test func noCurrencyMeansTheTenantDefault() {
        #expect(ExtractFixtures.extract("budget 5000", currency: "KES").budget == money(5_000, "KES"))
        #expect(
            ExtractFixtures.extract("budget 500000", currency: "JPY").budget
                == ExtractedBudget(amount: 500_000, currency: "JPY", perPerson: false))
    }
}
