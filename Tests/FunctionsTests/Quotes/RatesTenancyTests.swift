import Logging
@testable import QuotesFunction
import Quoting
import Runtime
import RuntimePostgres
import Testing

/// Hotels and rates across tenants, hotel management, and what ``RateStore`` hands the pricing engine.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct RatesTenancyTests {
    @Test func aTenantCannotReachAnotherTenantsRatesOrHotels() throws {
        let a = try RatesFixture("rates-xa")
        let b = try RatesFixture("rates-xb")
        defer { a.drop(); b.drop() }
        let rateB = try b.create(["hotel": #""Secret B Lodge""#])
        let hotelB = try #require(b.harness.call(.get, "/api/v1/rates/\(rateB)", token: b.admin).json["rate"]?["hotel_id"]?.string)
        let rateA = try a.create(["hotel": #""Secret B Lodge""#])
        let hotelA = try #require(a.harness.call(.get, "/api/v1/rates/\(rateA)", token: a.admin).json["rate"]?["hotel_id"]?.string)
        #expect(hotelA != hotelB, "the same name is a different hotel in each tenant")

        for (method, path, body) in [
            (HTTPMethod.get, "/api/v1/rates/\(rateB)", nil as String?), (.patch, "/api/v1/rates/\(rateB)", #"{"nights":3}"#),
            (.delete, "/api/v1/rates/\(rateB)", nil), (.get, "/api/v1/rates/hotels/\(hotelB)", nil),
            (.patch, "/api/v1/rates/hotels/\(hotelB)", #"{"name":"hijack"}"#), (.delete, "/api/v1/rates/hotels/\(hotelB)?cascade=true", nil),
        ] {
            let result = a.harness.call(method, path, token: a.admin, json: body)
            #expect(result.status == 404, "\(method) \(path) → \(result.status)")
        }
        for path in ["/api/v1/rates", "/api/v1/rates?hotel=secret", "/api/v1/rates/hotels", "/api/v1/rates?hotel_id=\(hotelB)"] {
            let listed = a.harness.call(.get, path, token: a.admin).text
            #expect(!listed.contains(rateB) && !listed.contains(hotelB), "\(path)")
        }
        #expect(a.total("?hotel_id=\(hotelB)") == 0)
        // Naming B in X-Client-ID with A's token: 403.
        for (method, path, body) in [(HTTPMethod.get, "/api/v1/rates", nil as String?), (.get, "/api/v1/rates/hotels", nil),
                                     (.post, "/api/v1/rates", RatesFixture.rate()), (.get, "/api/v1/rates/\(rateB)", nil)] {
            let fresh = try IdentityHarness(function: "quotes", routes: { RateHandlers.install(on: &$0) })
            let result = fresh.call(method, path, token: a.admin, headers: ["x-client-id": b.tenant.id], json: body)
            #expect(result.status == 403, "\(method) \(path) with X-Client-ID of B → \(result.status)")
        }
        let csv = Array((RatesImportTests.header + "\nZanzibar,Secret B Lodge,1,Deluxe Sea View,Half Board,2027-01-01,2027-03-31,7,1,,,,ZAR\n").utf8)
        #expect(a.harness.call(.post, "/api/v1/rates/import", token: a.admin, body: csv, contentType: "text/csv").json["updated"]?.number == 1)
        let untouched = b.harness.call(.get, "/api/v1/rates/\(rateB)", token: b.admin).json["rate"]
        #expect(untouched?["nights"]?.number == 7 && untouched?["adult_sharing"]?["amount"]?.number == 1_050_000)
        #expect(untouched?["rating"]?.number == 4.5 && untouched?["hotel"]?.string == "Secret B Lodge")
    }

    @Test func hotelsAreListedCreatedPatchedAndDeleted() throws {
        let fixture = try RatesFixture("hotels")
        defer { fixture.drop() }
        let call = { (method: HTTPMethod, path: String, body: String?) in
            fixture.harness.call(method, path, token: fixture.admin, json: body)
        }
        let created = call(.post, "/api/v1/rates/hotels", #"{"destination":"cpt","name":"Cape Grace","rating":5,"description":"Harbour"}"#)
        #expect(created.status == 201, "\(created.text)")
        let hotel = try #require(created.json["hotel"]?["id"]?.string)
        #expect(created.json["hotel"]?["destination"]?.string == "Cape Town" && created.json["hotel"]?["rate_count"]?.number == 0)
        #expect(call(.post, "/api/v1/rates/hotels", #"{"destination":"Cape Town","name":"CAPE GRACE"}"#).errorCode == "duplicate_hotel")
        #expect(call(.post, "/api/v1/rates/hotels", #"{"destination":"Cape Town","name":"X","rating":9}"#).json["error"]?["field"]?.string == "rating")
        #expect(call(.post, "/api/v1/rates/hotels", #"{"destination":"Atlantis","name":"X"}"#).json["error"]?["field"]?.string == "destination")

        _ = try fixture.create(["destination": #""Cape Town""#, "hotel": #""cape grace""#, "rating": "null"])
        _ = try fixture.create(["destination": #""Cape Town""#, "hotel": #""Cape Grace""#, "nights": "null", "is_active": "false",
                                "rating": "null"])
        let listed = call(.get, "/api/v1/rates/hotels?destination=CPT&search=grace", nil)
        #expect(listed.json["total"]?.number == 1)
        let row = try #require(listed.json["data"]?.array?.first)
        #expect(row["rate_count"]?.number == 2 && row["active_rate_count"]?.number == 1 && row["rating"]?.number == 5)

        let renamed = call(.patch, "/api/v1/rates/hotels/\(hotel)", #"{"name":"The Cape Grace","rating":null,"is_active":false}"#)
        #expect(renamed.status == 200, "\(renamed.text)")
        #expect(renamed.json["hotel"]?["rating"] == .null && renamed.json["hotel"]?["is_active"]?.bool == false)
        #expect(renamed.json["hotel"]?["description"]?.string == "Harbour")
        #expect(call(.get, "/api/v1/rates?hotel=the%20cape", nil).json["total"]?.number == 2, "rates follow their hotel")
        #expect(call(.get, "/api/v1/rates/hotels?active=false", nil).json["total"]?.number == 1)
        _ = try fixture.create(["hotel": #""Other""#])
        let clash = call(.patch, "/api/v1/rates/hotels/\(hotel)", #"{"name":"other","destination":"Zanzibar"}"#)
        #expect(clash.status == 409 && clash.errorCode == "duplicate_hotel")

        let refused = call(.delete, "/api/v1/rates/hotels/\(hotel)", nil)
        #expect(refused.status == 409 && refused.errorCode == "hotel_has_rates")
        #expect(call(.delete, "/api/v1/rates/hotels/\(hotel)?cascade=true", nil).status == 204)
        #expect(call(.get, "/api/v1/rates/hotels/\(hotel)", nil).status == 404)
        #expect(fixture.total() == 1, "the hotel's rates went with it")
        #expect(call(.patch, "/api/v1/rates/hotels", #"{}"#).status == 404, "no route captures the list path")
        #expect(call(.get, "/api/v1/rates/import", nil).status == 404)
    }

    @Test func theRateStoreLoadsExactlyTheActiveRowsOfADestination() throws {
        let a = try RatesFixture("store-a")
        let b = try RatesFixture("store-b")
        defer { a.drop(); b.drop() }
        let package = try a.create()
        let perNight = try a.create(["nights": "null", "single": "null", "child": "null", "infant": "null", "rating": "null"])
        _ = try a.create(["room_type": #""Inactive Room""#, "is_active": "false"])
        let closed = try a.create(["hotel": #""Closed Hotel""#])
        _ = try a.create(["destination": #""Mauritius""#])
        _ = try b.create()
        let closedHotel = try #require(a.harness.call(.get, "/api/v1/rates/\(closed)", token: a.admin).json["rate"]?["hotel_id"]?.string)
        #expect(a.harness.call(.patch, "/api/v1/rates/hotels/\(closedHotel)", token: a.admin, json: #"{"is_active":false}"#).status == 200)

        let database = Database(url: try #require(IdentityHarness.environment["DATABASE_URL"]), logger: Logger(label: "tests"))
        let rows = try database.withTenant(a.tenant.id) { try RateStore.load(destination: " zanZIBAR ", on: $0) }
        #expect(Set(rows.map(\.id)) == [package, perNight])
        let row = try #require(rows.first { $0.id == package })
        #expect(row == RateRow(id: package, hotelID: row.hotelID, hotel: "Hôtel Le Méridien", destination: "Zanzibar", rating: 4.5,
                               roomType: "Deluxe Sea View", mealPlan: "Half Board", validFrom: Day(year: 2027, month: 1, day: 1) ?? row.validFrom,
                               validTo: Day(year: 2027, month: 3, day: 31) ?? row.validTo, nights: 7, currency: "ZAR",
                               adultSharing: 1_050_000, single: 1_400_000, child: 525_000, infant: 0))
        let night = try #require(rows.first { $0.id == perNight })
        #expect(night.nights == nil && night.single == nil && night.child == nil && night.infant == nil && night.rating == 4.5)
        #expect(try database.withTenant(a.tenant.id) { try RateStore.load(destination: "Atlantis", on: $0) }.isEmpty)
        #expect(try database.transaction { try RateStore.load(destination: "Zanzibar", on: $0) }.isEmpty,
                "without a tenant bound there are no rows")
        #expect(try database.withTenant(b.tenant.id) { try RateStore.load(destination: "Zanzibar", on: $0) }.count == 1)
    }
}
