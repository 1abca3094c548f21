@testable import QuotesFunction
import Runtime
import SharedPlatform
import Testing

/// The rate-sheet CSV reader on its own: RFC 4180 quoting, line ends, line numbers and malformed input.
@Suite struct RatesCSVTests {
    private func parse(_ text: String) -> [RateCSV.Record] { RateCSV.parse(Array(text.utf8)) }

    private func fields(_ text: String) -> [[String]] { parse(text).map(\.fields) }

    @Test func plainRecordsWithOrWithoutAFinalLineBreak() {
        #expect(fields("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(fields("a,b,c\n1,2,3") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(fields("a,,c,\n") == [["a", "", "c", ""]])
        #expect(parse("").isEmpty)
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() {
        let records = parse("name,note\r\n\"Hotel, The \"\"Best\"\"\",\"two\r\nlines\"\r\nnext,row\r\n")
        #expect(records.map(\.fields) == [["name", "note"], ["Hotel, The \"Best\"", "two\r\nlines"], ["next", "row"]])
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test func crlfLfAndLoneCRLineEndsAllCount() {
        let records = parse("h\r\na\nb\rc\r\n")
        #expect(records.map(\.fields) == [["h"], ["a"], ["b"], ["c"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func aByteOrderMarkIsDropped() {
        let records = RateCSV.parse([0xEF, 0xBB, 0xBF] + Array("destination,hotel\nZanzibar,Hôtel Le Méridien\n".utf8))
        #expect(records.first?.fields == ["destination", "hotel"])
        #expect(records.last?.fields == ["Zanzibar", "Hôtel Le Méridien"])
    }

    @Test func blankLinesAreSkippedButCounted() {
        let records = parse("h1,h2\n\n1,2\n,\n\r\n3,4\n\n\n")
        #expect(records.map(\.fields) == [["h1", "h2"], ["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [1, 3, 6])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsKept() {
        #expect(fields("5\" TV,ok\n") == [["5\" TV", "ok"]])
    }

    @Test func anUnterminatedQuoteIsReportedAtItsRecord() {
        let records = parse("a,b\n1,\"never closed\n2,3\n")
        #expect(records.count == 2)
        #expect(records[1].line == 2)
        #expect(records[1].problem?.column == 1)
        #expect(records[1].problem?.message.contains("never closed") == true)
    }

    @Test func textAfterAClosingQuoteIsReportedAndParsingGoesOn() {
        let records = parse("a,b\n\"x\"y,2\n3,4\n")
        #expect(records.count == 3)
        #expect(records[1].problem?.column == 0)
        #expect(records[2].fields == ["3", "4"])
        #expect(records[2].problem == nil)
    }

    @Test func invalidUTF8IsReportedPerField() {
        let records = RateCSV.parse(Array("a,b\nok,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        #expect(records[1].problem?.column == 1)
        #expect(records[1].problem?.message.contains("UTF-8") == true)
    }

    @Test func everyMultiByteCharacterSurvives() {
        let text = "Zoë,Ñúñez,東京,€\n"
        #expect(fields(text) == [["Zoë", "Ñúñez", "東京", "€"]])
    }

    @Test func csvRowsAreCheckedFieldByField() throws {
        let destinations = RateDestinations(TenantSettings(
            tenantID: "t", companyName: "T", currency: "ZAR", timezone: "UTC",
            stored: .object(["destinations": .array([.object(["name": .string("Zanzibar"), "aliases": .array([.string("ZNZ")])])])])))
        var row = ["destination": "znz", "hotel": " Hôtel Le Méridien ", "rating": "4.5", "room_type": "Deluxe",
                   "meal_plan": "Half Board", "valid_from": "2027-01-01", "valid_to": "2027-03-31", "nights": "7",
                   "adult_sharing": "10,500.00", "single": "", "child": "0", "infant": "", "currency": "ZAR"]
        let (good, none) = RateInput.checking(csv: { row[$0] ?? "" }, destinations: destinations)
        #expect(none.isEmpty)
        let input = try #require(good)
        #expect(input.destination == "Zanzibar" && input.hotel == "Hôtel Le Méridien")
        #expect(input.adultSharing == 1_050_000 && input.single == nil && input.child == 0 && input.nights == 7)
        row = ["destination": "Atlantis", "hotel": "", "rating": "7.5", "room_type": "", "meal_plan": "BB",
               "valid_from": "2027-02-30", "valid_to": "2027-01-01", "nights": "61", "adult_sharing": "0",
               "single": "-1", "child": "x", "infant": "1.234", "currency": "zar"]
        let (bad, issues) = RateInput.checking(csv: { row[$0] ?? "" }, destinations: destinations)
        #expect(bad == nil)
        #expect(issues.map(\.field) == ["destination", "hotel", "rating", "room_type", "valid_from", "nights", "currency",
                                        "adult_sharing", "single", "child", "infant"])
    }
}
