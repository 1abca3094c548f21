@testable import QuotesFunction
import Runtime
import RuntimePostgres
import Testing

/// `POST /api/v1/rates/import`: a real rate sheet, all-or-nothing validation with every bad row listed, and the
/// limits of the endpoint.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct RatesImportTests {
    static let header = "destination,hotel,rating,room_type,meal_plan,valid_from,valid_to,nights,adult_sharing,single,child,infant,currency"

    /// A season's sheet as a spreadsheet exports it: BOM, CRLF, quoted names with commas, quotes and accents, aliases,
    /// amounts with thousands separators, empty optional prices. 7 hotels × 3 rooms × 2 windows = 42 rows.
    static let sheet: [UInt8] = {
        let hotels = [
            ("Zanzibar", "Hôtel Le Méridien", "4.5"), ("ZNZ", "\"Zuri Zanzibar, a Kempinski resort\"", "5"),
            ("unguja", "\"The \"\"Palms\"\" Zanzibar\"", "5"), ("Mauritius", "Lux* Le Morne", "5"),
            ("Mauritius", "\"Sugar Beach, A Sun Resort\"", "4"), ("Cape Town", "\"Mount Nelson, A Belmond Hotel\"", "5"),
            ("CPT", "Café Caprice Guesthouse", ""),
        ]
        let rooms = [("Standard", "Bed & Breakfast"), ("\"Deluxe, Sea View\"", "Half Board"), ("Suite", "\"All Inclusive\"")]
        var lines = [header]
        for (h, (destination, name, rating)) in hotels.enumerated() {
            for (r, (room, meal)) in rooms.enumerated() {
                let base = 8_000 + h * 1_000 + r * 2_500
                lines.append([destination, name, rating, room, meal, "2027-01-01", "2027-03-31", "7",
                              "\"\(base / 1000),\(String(base % 1000).leftPadded(3)).00\"", "\(base + 3000).50", "\(base / 2)", "", "ZAR"]
                    .joined(separator: ","))
                lines.append([destination, name, rating, room, meal, "2027-04-01", "2027-06-30", "",
                              "\(base / 7)", "", "", "150", "ZAR"].joined(separator: ","))
            }
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }()

    private func upload(_ fixture: RatesFixture, _ bytes: [UInt8], contentType: String = "text/csv") -> IdentityHarness.Result {
        fixture.harness.call(.post, "/api/v1/rates/import", token: fixture.admin, body: bytes, contentType: contentType)
    }

    private func upload(_ fixture: RatesFixture, lines: [String]) -> IdentityHarness.Result {
        upload(fixture, Array(lines.joined(separator: "\n").utf8))
    }

    /// The listed row of a hotel (name part), room type and start of window.
    private func row(_ fixture: RatesFixture, hotel: String, room: String, from: String) -> JSONValue? {
        let rows = fixture.harness.call(.get, "/api/v1/rates?limit=200&hotel=" + hotel, token: fixture.admin).json["data"]?.array
        return rows?.first { $0["room_type"]?.string == room && $0["valid_from"]?.string == from }
    }

    private func problems(_ result: IdentityHarness.Result) -> [String] {
        (result.json["error"]?["rows"]?.array ?? []).map {
            "\(Int($0["line"]?.number ?? 0)):\($0["field"]?.string ?? "")"
        }
    }

    @Test func aRealSheetIsImportedAndListed() throws {
        let fixture = try RatesFixture("import")
        defer { fixture.drop() }
        let result = upload(fixture, Self.sheet, contentType: "text/csv; charset=UTF-8")
        #expect(result.status == 200, "\(result.text)")
        #expect(result.json["imported"]?.number == 42 && result.json["inserted"]?.number == 42)
        #expect(result.json["hotels_created"]?.number == 7)
        #expect(fixture.total() == 42)
        #expect(fixture.total("?destination=Zanzibar") == 18, "ZNZ and unguja are aliases of Zanzibar")
        #expect(fixture.total("?destination=Cape%20Town&hotel=CAF%C3%89") == 6)

        let hotels = fixture.harness.call(.get, "/api/v1/rates/hotels?limit=200", token: fixture.admin)
        let names = Set((hotels.json["data"]?.array ?? []).compactMap { $0["name"]?.string })
        #expect(names == ["Hôtel Le Méridien", "Zuri Zanzibar, a Kempinski resort", "The \"Palms\" Zanzibar", "Lux* Le Morne",
                          "Sugar Beach, A Sun Resort", "Mount Nelson, A Belmond Hotel", "Café Caprice Guesthouse"])
        #expect((hotels.json["data"]?.array ?? []).allSatisfy { $0["rate_count"]?.number == 6 && $0["active_rate_count"]?.number == 6 })
        #expect((hotels.json["data"]?.array ?? []).first { $0["name"]?.string == "Café Caprice Guesthouse" }?["rating"] == .null)

        let first = try #require(row(fixture, hotel: "m%C3%A9ridien", room: "Deluxe, Sea View", from: "2027-01-01"))
        #expect(first["adult_sharing"]?["amount"]?.number == 1_050_000, "\"10,500.00\" is 1050000 cents")
        #expect(first["single"]?["amount"]?.number == 1_350_050 && first["child"]?["amount"]?.number == 525_000)
        #expect(first["infant"] == .null && first["nights"]?.number == 7 && first["rating"]?.number == 4.5)
        #expect(first["meal_plan"]?.string == "Half Board" && first["destination"]?.string == "Zanzibar")
        let perNight = try #require(row(fixture, hotel: "palms", room: "Suite", from: "2027-04-01"))
        #expect(perNight["nights"] == .null && perNight["infant"]?["amount"]?.number == 15_000)
        #expect(perNight["adult_sharing"]?["amount"]?.number == Double((8_000 + 2_000 + 5_000) / 7 * 100))
        #expect(perNight["single"] == .null && perNight["meal_plan"]?.string == "All Inclusive")
    }

    @Test func reimportingUpdatesPricesInsteadOfDuplicating() throws {
        let fixture = try RatesFixture("reimport")
        defer { fixture.drop() }
        #expect(upload(fixture, Self.sheet).status == 200)
        let again = upload(fixture, Self.sheet)
        #expect(again.json["imported"]?.number == 42 && again.json["updated"]?.number == 42 && again.json["inserted"]?.number == 0)
        #expect(again.json["hotels_created"]?.number == 0)
        #expect(fixture.total() == 42)
        let changed = upload(fixture, lines: [Self.header, "zanzibar,HÔTEL LE MÉRIDIEN,,standard,bed & breakfast,2027-01-01,2027-03-31,7,9999,,,,ZAR",
                                              "Zanzibar,Hôtel Le Méridien,4.5,Standard,Bed & Breakfast,2027-07-01,2027-09-30,7,9000,,,,ZAR"])
        #expect(changed.json["updated"]?.number == 1 && changed.json["inserted"]?.number == 1, "\(changed.text)")
        #expect(fixture.total() == 43)
        let updated = try #require(row(fixture, hotel: "m%C3%A9ridien", room: "Standard", from: "2027-01-01"))
        #expect(updated["adult_sharing"]?["amount"]?.number == 999_900)
        #expect(updated["single"] == .null, "the import replaces every price of the row")
        #expect(updated["room_type"]?.string == "Standard", "the stored spelling stays")
    }

    @Test func badRowsAreAllReportedAndNothingIsImported() throws {
        let fixture = try RatesFixture("import-bad")
        defer { fixture.drop() }
        #expect(upload(fixture, lines: [Self.header, "Mauritius,Existing,,Std,BB,2027-01-01,2027-12-31,,100,,,,MUR"]).status == 200)
        let lines = [
            Self.header,
            "Zanzibar,Good One,4,Std,BB,2027-01-01,2027-03-31,7,10500.00,,,,ZAR",
            "Zanzibar,Bad Window,4,Std,BB,2027-03-31,2027-01-01,7,10500.00,,,,ZAR",
            "Zanzibar,Good Two,4,Std,BB,2027-01-01,2027-03-31,7,10500.00,,,,ZAR",
            "Zanzibar,Bad Room,4,\"Family\r\nRoom\",BB,2027-01-01,2027-03-31,7,10500.00,,,,ZAR",
            "Zanzibar,\"Good, Three\",4,Std,\"B\"\"B\",2027-01-01,2027-03-31,7,\"10,500.00\",,,,ZAR",
            "Zanzibar,Bad Price,4,Std,BB,2027-01-01,2027-03-31,7,abc,,,,ZAR",
            "Mauritius,Good Four,,Std,BB,2027-01-01,2027-03-31,,2500,,,,MUR",
        ]
        let result = upload(fixture, lines: lines)
        #expect(result.status == 422 && result.errorCode == "invalid_rows", "\(result.text)")
        #expect(problems(result) == ["3:valid_to", "5:room_type", "8:adult_sharing"], "the quoted line break makes Bad Price line 8")
        #expect(result.json["error"]?["message"]?.string == "3 rows have errors; nothing was imported.")
        #expect(result.json["error"]?["request_id"]?.string != nil && result.json["error"]?["rows_total"]?.number == 3)
        #expect(fixture.total() == 1, "nothing of the refused sheet was imported")
        #expect(fixture.harness.call(.get, "/api/v1/rates/hotels", token: fixture.admin).json["total"]?.number == 1)

        let several = upload(fixture, lines: [Self.header, "Nowhere,,9,,,bad,2027-01-01,0,-5,0,-1,x,usd", "Zanzibar,Short,row",
                                              "Japan,Ryokan,,Room,BB,2027-01-01,2027-01-31,,1000.50,,,,JPY"])
        #expect(problems(several) == ["2:destination", "2:hotel", "2:rating", "2:room_type", "2:meal_plan", "2:valid_from",
                                      "2:nights", "2:currency", "2:adult_sharing", "2:single", "2:child", "2:infant", "3:row",
                                      "4:destination", "4:adult_sharing"])
        #expect(several.json["error"]?["rows"]?.array?.last?["message"]?.string?.contains("JPY has no minor unit") == true)
    }

    @Test func rowsMustAgreeWithEachOther() throws {
        let fixture = try RatesFixture("import-twins")
        defer { fixture.drop() }
        let result = upload(fixture, lines: [
            Self.header,
            "Zanzibar,Twin,4,Std,BB,2027-01-01,2027-03-31,7,100,,,,ZAR",
            "Zanzibar,Twin,4,Std,BB,2027-01-01,2027-03-31,,100,,,,ZAR",
            "ZNZ,TWIN,,std,bb,2027-01-01,2027-03-31,7,120,,,,ZAR",
            "Zanzibar,Twin,5,Suite,BB,2027-01-01,2027-03-31,7,100,,,,ZAR",
            "Zanzibar,\"Broken \"quote,4,Std,BB,2027-01-01,2027-03-31,7,100,,,,ZAR",
        ])
        #expect(problems(result) == ["4:row", "5:rating", "6:hotel"], "\(result.text)")
        #expect(fixture.total() == 0)
    }

    @Test func theHeaderMustNameExactlyTheColumns() throws {
        let fixture = try RatesFixture("import-header")
        defer { fixture.drop() }
        let wrong = "destination,hotel,rating,room_type,meal_plan,valid_from,valid_to,nights,adult_sharing,single,child,price,currency,hotel"
        let result = upload(fixture, lines: [wrong, "Zanzibar,X,4,Std,BB,2027-01-01,2027-03-31,7,100,,,1,ZAR,X"])
        #expect(result.status == 422 && result.errorCode == "invalid_header")
        #expect(problems(result) == ["1:price", "1:hotel", "1:infant"])
        #expect(upload(fixture, lines: ["Destination,Hotel", "a,b"]).errorCode == "invalid_header")

        let shuffled = "currency,infant,child,single,adult_sharing,nights,valid_to,valid_from,meal_plan,room_type,rating,hotel,destination"
        let reordered = upload(fixture, lines: [shuffled, "USD,,,,99.99,,2027-12-31,2027-01-01,Room Only,Twin,3,Shuffle Inn,Mauritius"])
        #expect(reordered.json["imported"]?.number == 1, "\(reordered.text)")
        #expect(fixture.harness.call(.get, "/api/v1/rates?hotel=shuffle", token: fixture.admin).json["data"]?.array?.first?["adult_sharing"]
            == .object(["amount": .number(9999), "currency": .string("USD")]))
    }

    @Test func theEndpointsLimitsAndMediaType() throws {
        let fixture = try RatesFixture("import-limits")
        defer { fixture.drop() }
        for type in ["application/json", "text/plain", "text/csv; charset=iso-8859-1", "multipart/form-data; boundary=x"] {
            #expect(upload(fixture, Self.sheet, contentType: type).status == 415, "\(type)")
        }
        #expect(fixture.harness.call(.post, "/api/v1/rates/import", token: fixture.admin, body: Self.sheet).status == 415)
        #expect(upload(fixture, []).errorCode == "no_rows")
        #expect(upload(fixture, lines: [Self.header, "", ""]).errorCode == "no_rows")
        #expect(upload(fixture, Array(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1)).status == 413)
        let row = "Zanzibar,Big,,R,M,2027-01-01,2027-01-02,,1,,,,ZAR"
        let tooMany = upload(fixture, lines: [Self.header] + Array(repeating: row, count: RateImport.maxRows + 1))
        #expect(tooMany.status == 422 && tooMany.errorCode == "too_many_rows")
        #expect(fixture.total() == 0)
    }

    /// The largest sheet allowed goes in at once (two statements, not one per row).
    @Test func tenThousandRowsImportQuickly() throws {
        let fixture = try RatesFixture("import-big")
        defer { fixture.drop() }
        let start = Day(year: 2027, month: 1, day: 1) ?? Day(ordinal: 0)
        var lines = [Self.header]
        for index in 0..<RateImport.maxRows {
            let day = start.adding(days: index % 2_000)
            lines.append("Zanzibar,Hotel \(index / 2_000),3.5,Room,BB,\(day),\(day.adding(days: 6)),7,\(1_000 + index).00,,,,ZAR")
        }
        let clock = ContinuousClock()
        var result: IdentityHarness.Result?
        let elapsed = clock.measure { result = upload(fixture, lines: lines) }
        #expect(result?.json["imported"]?.number == 10_000, "\(result?.text.prefix(500) ?? "")")
        #expect(elapsed < .seconds(20), "took \(elapsed)")
        #expect(fixture.total() == 10_000)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
