@testable import QuotesFunction
import Runtime
import RuntimePostgres
import Testing

/// A tenant with destinations configured, its admin's token and a harness serving the rate routes.
struct RatesFixture {
    static let destinations = #"""
        {"destinations":[{"name":"Zanzibar","aliases":["ZNZ","Unguja"]},{"name":"Mauritius"},
                         {"name":"Cape Town","aliases":["CPT"]}]}
        """#

    let harness: IdentityHarness
    let tenant: IdentityHarness.Tenant
    let admin: String

    init(_ label: String, destinations: String? = Self.destinations) throws {
        harness = try IdentityHarness(function: "quotes", routes: { RateHandlers.install(on: &$0) })
        tenant = try harness.makeTenant(label)
        admin = try harness.login(tenant.adminEmail, tenant.adminPassword).access
        if let destinations {
            let configured = harness.call(.patch, "/api/v1/tenant/config", token: admin, json: destinations)
            try #require(configured.status == 200, "config: \(configured.text)")
        }
    }

    func drop() { IdentityHarness.dropTenant(tenant.id) }

    /// A consultant's access token, through an accepted invitation.
    func consultant() throws -> String {
        let email = "consultant@\(tenant.id).example.com"
        try #require(harness.call(.post, "/api/v1/invitations", token: admin,
                                  json: #"{"email":"\#(email)","role":"consultant"}"#).status == 201)
        let token = try harness.mailedToken(to: email, prefix: "inv_")
        let accepted = harness.call(.post, "/api/v1/invitations/accept",
                                    json: #"{"token":"\#(token)","password":"Consultant-pass-1","name":"Cleo"}"#)
        return try #require(accepted.json["access_token"]?.string)
    }

    /// A rate row's JSON with `overrides` replacing members (raw JSON values).
    static func rate(_ overrides: [String: String] = [:]) -> String {
        var members: [String: String] = [
            "destination": #""ZNZ""#, "hotel": #""Hôtel Le Méridien""#, "rating": "4.5", "room_type": #""Deluxe Sea View""#,
            "meal_plan": #""Half Board""#, "valid_from": #""2027-01-01""#, "valid_to": #""2027-03-31""#, "nights": "7",
            "currency": #""ZAR""#, "adult_sharing": #"{"amount":1050000,"currency":"ZAR"}"#,
            "single": #"{"amount":1400000,"currency":"ZAR"}"#, "child": #"{"amount":525000,"currency":"ZAR"}"#,
            "infant": #"{"amount":0,"currency":"ZAR"}"#,
        ]
        for (key, value) in overrides { members[key] = value }
        return "{" + members.sorted { $0.key < $1.key }.filter { $0.value != "-" }.map { "\"\($0.key)\":\($0.value)" }
            .joined(separator: ",") + "}"
    }

    /// Creates a rate and returns its id.
    func create(_ overrides: [String: String] = [:]) throws -> String {
        let created = harness.call(.post, "/api/v1/rates", token: admin, json: Self.rate(overrides))
        try #require(created.status == 201, "create: \(created.text)")
        return try #require(created.json["rate"]?["id"]?.string)
    }

    func total(_ query: String = "") -> Double? {
        harness.call(.get, "/api/v1/rates" + query, token: admin).json["total"]?.number
    }
}

@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct RatesAPITests {
    @Test func aRateIsCreatedReadListedPatchedAndDeleted() throws {
        let fixture = try RatesFixture("rates")
        defer { fixture.drop() }
        let created = fixture.harness.call(.post, "/api/v1/rates", token: fixture.admin, json: RatesFixture.rate(["single": "null", "child": "-"]))
        #expect(created.status == 201, "\(created.text)")
        let rate = try #require(created.json["rate"])
        let id = try #require(rate["id"]?.string)
        #expect(rate["destination"]?.string == "Zanzibar", "the alias is stored as the canonical name")
        #expect(rate["hotel"]?.string == "Hôtel Le Méridien" && rate["rating"]?.number == 4.5 && rate["nights"]?.number == 7)
        #expect(rate["adult_sharing"] == .object(["amount": .number(1_050_000), "currency": .string("ZAR")]))
        #expect(rate["single"] == .null && rate["child"] == .null, "absent prices are null")
        #expect(created.text.contains(#""single":null"#) && created.text.contains(#""child":null"#))
        #expect(rate["is_active"]?.bool == true && rate["hotel_id"]?.string != nil && rate["currency"]?.string == "ZAR")

        #expect(fixture.harness.call(.get, "/api/v1/rates/\(id)", token: fixture.admin).json["rate"] == rate)
        let listed = fixture.harness.call(.get, "/api/v1/rates?destination=unguja&hotel=m%C3%A9RIDIEN", token: fixture.admin)
        #expect(listed.json["total"]?.number == 1 && listed.json["limit"]?.number == 50 && listed.json["offset"]?.number == 0)
        #expect(listed.json["data"]?.array?.first?["id"]?.string == id)
        #expect(fixture.total("?destination=Mauritius") == 0)

        let patched = fixture.harness.call(.patch, "/api/v1/rates/\(id)", token: fixture.admin,
                                           json: #"{"nights":null,"adult_sharing":{"amount":150000},"single":{"amount":210000,"currency":"ZAR"}}"#)
        #expect(patched.status == 200, "\(patched.text)")
        #expect(patched.json["rate"]?["nights"] == .null, "now a per-night rate")
        #expect(patched.json["rate"]?["adult_sharing"]?["amount"]?.number == 150_000)
        #expect(patched.json["rate"]?["single"]?["amount"]?.number == 210_000)
        #expect(patched.json["rate"]?["room_type"]?.string == "Deluxe Sea View", "unpatched fields stay")

        let moved = fixture.harness.call(.patch, "/api/v1/rates/\(id)", token: fixture.admin,
                                         json: #"{"hotel":"Zuri Zanzibar","destination":"zanzibar","rating":5}"#)
        #expect(moved.json["rate"]?["hotel"]?.string == "Zuri Zanzibar" && moved.json["rate"]?["rating"]?.number == 5)
        #expect(moved.json["rate"]?["hotel_id"] != rate["hotel_id"], "a new hotel was created for the new name")

        #expect(fixture.harness.call(.delete, "/api/v1/rates/\(id)", token: fixture.admin).status == 204)
        #expect(fixture.harness.call(.get, "/api/v1/rates/\(id)", token: fixture.admin).status == 404)
        #expect(fixture.harness.call(.delete, "/api/v1/rates/\(id)", token: fixture.admin).status == 404)
        #expect(fixture.harness.call(.get, "/api/v1/rates/not-a-uuid", token: fixture.admin).status == 404)
    }

    @Test func everyInvalidFieldIsRefusedWithItsName() throws {
        let fixture = try RatesFixture("rates-bad")
        defer { fixture.drop() }
        let cases: [([String: String], String)] = [
            (["destination": #""Atlantis""#], "destination"), (["destination": #""  ""#], "destination"),
            (["destination": "-"], "destination"), (["hotel": #""""#], "hotel"), (["hotel": #""Two\nLines""#], "hotel"),
            (["hotel": "\"" + String(repeating: "h", count: 201) + "\""], "hotel"), (["rating": "7.5"], "rating"),
            (["rating": "-1"], "rating"), (["rating": "4.55"], "rating"), (["room_type": #"" ""#], "room_type"),
            (["room_type": "\"" + String(repeating: "r", count: 101) + "\""], "room_type"), (["meal_plan": #""""#], "meal_plan"),
            (["valid_from": #""2027-02-30""#], "valid_from"), (["valid_from": #""01/02/2027""#], "valid_from"),
            (["valid_to": #""2026-12-31""#], "valid_to"), (["nights": "0"], "nights"), (["nights": "61"], "nights"),
            (["currency": #""zar""#], "currency"), (["currency": #""RANDS""#], "currency"),
            (["adult_sharing": #"{"amount":0,"currency":"ZAR"}"#], "adult_sharing"), (["adult_sharing": "-"], "adult_sharing"),
            (["adult_sharing": #"{"amount":"10500","currency":"ZAR"}"#], "adult_sharing.amount"),
            (["single": #"{"amount":0,"currency":"ZAR"}"#], "single"), (["child": #"{"amount":-1,"currency":"ZAR"}"#], "child"),
            (["infant": #"{"amount":-100,"currency":"ZAR"}"#], "infant"),
            (["single": #"{"amount":1000,"currency":"USD"}"#], "single.currency"),
            (["currency": "-", "adult_sharing": #"{"amount":1000,"currency":"usd"}"#], "currency"),
        ]
        for (overrides, field) in cases {
            let result = fixture.harness.call(.post, "/api/v1/rates", token: fixture.admin, json: RatesFixture.rate(overrides))
            #expect(result.status == 422 && result.json["error"]?["field"]?.string == field, "\(overrides) → \(result.text)")
        }
        // A fraction where an integer belongs is refused too (Runtime's decoder answers 400 malformed_json for it).
        for overrides in [["nights": "2.5"], ["adult_sharing": #"{"amount":10.5,"currency":"ZAR"}"#]] {
            let result = fixture.harness.call(.post, "/api/v1/rates", token: fixture.admin, json: RatesFixture.rate(overrides))
            #expect(result.status == 400 || result.status == 422, "\(overrides) → \(result.text)")
        }
        #expect(fixture.total() == 0, "nothing was written")
        let id = try fixture.create()
        for (patch, field) in [(#"{"valid_to":"2026-01-01"}"#, "valid_to"), (#"{"adult_sharing":null}"#, "adult_sharing"),
                               (#"{"currency":"USD"}"#, "adult_sharing.currency"), (#"{"destination":"Atlantis"}"#, "destination")] {
            let result = fixture.harness.call(.patch, "/api/v1/rates/\(id)", token: fixture.admin, json: patch)
            #expect(result.status == 422 && result.json["error"]?["field"]?.string == field, "\(patch) → \(result.text)")
        }
        #expect(fixture.harness.call(.patch, "/api/v1/rates/\(id)", token: fixture.admin, json: "[1]").status == 400)
        #expect(fixture.harness.call(.post, "/api/v1/rates", token: fixture.admin, body: Array("x".utf8), contentType: "text/plain").status == 415)
    }

    @Test func aSecondRowWithTheSameKeyIsAConflict() throws {
        let fixture = try RatesFixture("rates-dup")
        defer { fixture.drop() }
        let first = try fixture.create()
        let again = fixture.harness.call(.post, "/api/v1/rates", token: fixture.admin,
                                         json: RatesFixture.rate(["hotel": #""HÔTEL LE MÉRIDIEN""#, "meal_plan": #""half board""#]))
        #expect(again.status == 409 && again.errorCode == "duplicate_rate", "\(again.text)")
        let other = try fixture.create(["nights": "null"])
        #expect(other != first, "a per-night row of the same room is another row")
        let clash = fixture.harness.call(.patch, "/api/v1/rates/\(other)", token: fixture.admin, json: #"{"nights":7}"#)
        #expect(clash.status == 409 && clash.errorCode == "duplicate_rate")
        #expect(fixture.total() == 2)
    }

    @Test func withoutConfiguredDestinationsAnyDestinationIsAccepted() throws {
        let fixture = try RatesFixture("rates-open", destinations: nil)
        defer { fixture.drop() }
        _ = try fixture.create(["destination": #""  Anywhere Island ""#])
        #expect(fixture.harness.call(.get, "/api/v1/rates", token: fixture.admin).json["data"]?.array?.first?["destination"]?.string
            == "Anywhere Island")
        let long = "\"" + String(repeating: "d", count: 101) + "\""
        #expect(fixture.harness.call(.post, "/api/v1/rates", token: fixture.admin, json: RatesFixture.rate(["destination": long])).status == 422)
    }

    @Test func listsFilterSortAndPage() throws {
        let fixture = try RatesFixture("rates-list")
        defer { fixture.drop() }
        let a = try fixture.create(["hotel": #""Alpha Lodge""#, "valid_from": #""2027-02-01""#])
        let b = try fixture.create(["hotel": #""Beta Resort""#, "destination": #""Mauritius""#, "valid_from": #""2027-01-15""#])
        let c = try fixture.create(["hotel": #""Alpha Lodge""#, "room_type": #""Suite""#, "currency": "-",
                                    "adult_sharing": #"{"amount":90000,"currency":"USD"}"#, "single": "null", "child": "null",
                                    "infant": "null", "is_active": "false"])
        func ids(_ query: String) -> [String] {
            (fixture.harness.call(.get, "/api/v1/rates" + query, token: fixture.admin).json["data"]?.array ?? []).compactMap { $0["id"]?.string }
        }
        #expect(ids("?currency=USD") == [c])
        #expect(ids("?active=false") == [c])
        #expect(Set(ids("?active=true")) == [a, b])
        #expect(ids("?destination=CPT").isEmpty)
        #expect(ids("?sort=valid_from") == [c, b, a])
        #expect(ids("?sort=-valid_from").first == a)
        #expect(ids("?sort=hotel") == [a, c, b])
        #expect(ids("?sort=-destination").first == a, "Zanzibar before Mauritius")
        let hotel = try #require(fixture.harness.call(.get, "/api/v1/rates/\(a)", token: fixture.admin).json["rate"]?["hotel_id"]?.string)
        #expect(Set(ids("?hotel_id=\(hotel)")) == [a, c])
        let page = fixture.harness.call(.get, "/api/v1/rates?sort=hotel&limit=1&offset=1", token: fixture.admin)
        #expect(page.json["total"]?.number == 3 && page.json["data"]?.array?.map { $0["id"]?.string } == [c])
        #expect(fixture.total("?offset=10") == 3, "the total does not depend on the page")
        for query in ["?sort=price", "?active=yes", "?currency=usd", "?hotel_id=123", "?limit=0", "?limit=201"] {
            #expect(fixture.harness.call(.get, "/api/v1/rates" + query, token: fixture.admin).status == 422, "\(query)")
        }
    }

    @Test func consultantsReadRatesButOnlyAdminsWriteThem() throws {
        let fixture = try RatesFixture("rates-roles")
        defer { fixture.drop() }
        let id = try fixture.create()
        let hotel = try #require(fixture.harness.call(.get, "/api/v1/rates/\(id)", token: fixture.admin).json["rate"]?["hotel_id"]?.string)
        let consultant = try fixture.consultant()
        #expect(fixture.harness.call(.get, "/api/v1/rates", token: consultant).json["total"]?.number == 1)
        #expect(fixture.harness.call(.get, "/api/v1/rates/\(id)", token: consultant).status == 200)
        #expect(fixture.harness.call(.get, "/api/v1/rates/hotels", token: consultant).status == 200)
        #expect(fixture.harness.call(.get, "/api/v1/rates/hotels/\(hotel)", token: consultant).status == 200)
        let writes: [(HTTPMethod, String, String?)] = [
            (.post, "/api/v1/rates", RatesFixture.rate(["nights": "3"])), (.patch, "/api/v1/rates/\(id)", #"{"nights":3}"#),
            (.delete, "/api/v1/rates/\(id)", nil), (.post, "/api/v1/rates/hotels", #"{"destination":"Zanzibar","name":"X"}"#),
            (.patch, "/api/v1/rates/hotels/\(hotel)", #"{"name":"X"}"#), (.delete, "/api/v1/rates/hotels/\(hotel)?cascade=true", nil),
        ]
        for (method, path, body) in writes {
            let result = fixture.harness.call(method, path, token: consultant, json: body)
            #expect(result.status == 403, "\(method) \(path) → \(result.status)")
        }
        let csv = Array((RateInput.csvColumns.joined(separator: ",") + "\n").utf8)
        #expect(fixture.harness.call(.post, "/api/v1/rates/import", token: consultant, body: csv, contentType: "text/csv").status == 403)
        #expect(fixture.harness.call(.get, "/api/v1/rates").status == 401)
        #expect(fixture.total() == 1 && fixture.harness.call(.get, "/api/v1/rates/\(id)", token: fixture.admin).json["rate"]?["nights"]?.number == 7)
    }
}
