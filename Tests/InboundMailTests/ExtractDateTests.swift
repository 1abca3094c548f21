import InboundMail
import Runtime
import Testing

/// Date rules, one written form per case; "today" is 2027-01-15.
@Suite struct ExtractDateTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var checkIn: String?
        var checkOut: String?
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "arriving 2027-08-15", checkIn: "2027-08-15", checkOut: nil),
        Case(text: "on 15/08/2027", checkIn: "2027-08-15", checkOut: nil),
        Case(text: "on 08/15/2027", checkIn: "2027-08-15", checkOut: nil),
        Case(text: "on 12/09/2027", checkIn: "2027-09-12", checkOut: nil),
        Case(text: "on 12.09.2027", checkIn: "2027-09-12", checkOut: nil),
        Case(text: "on 12-09-2027", checkIn: "2027-09-12", checkOut: nil),
        Case(text: "on 12 April 2027", checkIn: "2027-04-12", checkOut: nil),
        Case(text: "on the 12th April", checkIn: "2027-04-12", checkOut: nil),
        Case(text: "on April 12th", checkIn: "2027-04-12", checkOut: nil),
        Case(text: "on April 12, 2027", checkIn: "2027-04-12", checkOut: nil),
        Case(text: "on Apr 12", checkIn: "2027-04-12", checkOut: nil),
        Case(text: "10-17 September 2027", checkIn: "2027-09-10", checkOut: "2027-09-17"),
        Case(text: "10 to 17 Sept", checkIn: "2027-09-10", checkOut: "2027-09-17"),
        Case(text: "from 3rd to the 6th of June 2027", checkIn: "2027-06-03", checkOut: "2027-06-06"),
        Case(text: "15 Aug - 22 Aug", checkIn: "2027-08-15", checkOut: "2027-08-22"),
        Case(text: "15 Aug – 22 Aug", checkIn: "2027-08-15", checkOut: "2027-08-22"),
        Case(text: "between 1 and 8 March", checkIn: "2027-03-01", checkOut: "2027-03-08"),
        Case(text: "7 nights from 3 May 2027", checkIn: "2027-05-03", checkOut: "2027-05-10"),
        Case(text: "for a week from 3 May", checkIn: "2027-05-03", checkOut: "2027-05-10"),
        Case(text: "two weeks from 3 May", checkIn: "2027-05-03", checkOut: "2027-05-17"),
        Case(text: "leaving 3 May returning 9 May", checkIn: "2027-05-03", checkOut: "2027-05-09"),
        Case(text: "Check-in: 3 May\nCheck-out: 9 May", checkIn: "2027-05-03", checkOut: "2027-05-09"),
        Case(text: "arriving 3 May and departing 9 May", checkIn: "2027-05-03", checkOut: "2027-05-09"),
        Case(text: "sometime in March", checkIn: nil, checkOut: nil),
        Case(text: "mid-March please", checkIn: nil, checkOut: nil),
        Case(text: "on 10 January", checkIn: "2028-01-10", checkOut: nil),
        Case(text: "28 Dec - 4 Jan", checkIn: "2027-12-28", checkOut: "2028-01-04"),
        Case(text: "vom 3. bis 10. Juli 2027", checkIn: "2027-07-03", checkOut: "2027-07-10"),
        Case(text: "im März, vom 20. März bis 27. März", checkIn: "2027-03-20", checkOut: "2027-03-27"),
        Case(text: "du 3 au 10 juillet 2027", checkIn: "2027-07-03", checkOut: "2027-07-10"),
        Case(text: "del 10 al 20 de julio de 2027", checkIn: "2027-07-10", checkOut: "2027-07-20"),
        Case(text: "de 5 a 12 de julho de 2027", checkIn: "2027-07-05", checkOut: "2027-07-12"),
        Case(text: "van 12 tot 19 Desember 2027", checkIn: "2027-12-12", checkOut: "2027-12-19"),
        Case(text: "van 1 tot 8 maart", checkIn: "2027-03-01", checkOut: "2027-03-08"),
        Case(text: "July 3-10, 2027", checkIn: "2027-07-03", checkOut: "2027-07-10"),
        Case(text: "born 12 April 1985, travelling 3 May", checkIn: "2027-05-03", checkOut: nil),
        Case(text: "you may 5 people come", checkIn: nil, checkOut: nil),
        Case(text: "version 1.2.3.4 of the app", checkIn: nil, checkOut: nil),
        Case(text: "on 31/02/2027", checkIn: nil, checkOut: nil),
    ]

    @Test(arguments: cases)
    func readsDates(_ testCase: Case) {
        let trip = ExtractFixtures.extract(testCase.text)
        #expect(trip.checkIn?.description == testCase.checkIn)
        #expect(trip.checkOut?.description == testCase.checkOut)
    }

    @Test func nightsComeFromBothDatesOrAreStated() {
        #expect(ExtractFixtures.extract("10-17 September 2027").nights == 7)
        #expect(ExtractFixtures.extract("7 nights in March").nights == 7)
        #expect(ExtractFixtures.extract("7 nights in March").checkIn == nil)
        #expect(ExtractFixtures.extract("R2000 per night").nights == nil)
    }

    @Test func aReplyDateInAQuoteHeaderIsNotATravelDate() {
        let trip = ExtractFixtures.extract("Sounds good!\n\nOn 20 March 2027, Agent <a@b.example> wrote:\n> Hello")
        #expect(trip.checkIn == nil)
    }
}
