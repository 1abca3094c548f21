import FoundationEssentials
import InboundMail
import Runtime
import Testing

/// The ticket's `parsed` document: snake_case keys and explicit nulls for unknown facts.
@Suite struct ExtractEncodingTests {
    @Test func encodesSnakeCaseWithExplicitNulls() throws {
        let trip = ExtractFixtures.extract("Zanzibar 10-17 September 2027, 2 adults, budget R60,000 pp")
        let data = try JSONEncoder().encode(trip)
        let object = try JSONValue.object(from: Array(data))
        #expect(object["is_travel_inquiry"] == .bool(true))
        #expect(object["destination"] == .string("Zanzibar"))
        #expect(object["check_in"] == .string("2027-09-10"))
        #expect(object["check_out"] == .string("2027-09-17"))
        #expect(object["nights"] == .number(7))
        #expect(object["children"] == .number(0))
        #expect(object["children_ages"] == .array([]))
        #expect(object["requested_hotel"] == .null)
        #expect(object["name"] == .null)
        #expect(
            object["budget"]
                == .object([
                    "amount": .number(6_000_000), "currency": .string("ZAR"),
                    "per_person": .bool(true),
                ]))
        #expect(JSONValue.object(object) == trip.json)
    }

    @Test func noBudgetIsNull() throws {
        let trip = ExtractFixtures.extract("hello")
        #expect(trip.json["budget"] == .null)
        #expect(trip.json["adults"] == .null)
        let decoded = try JSONDecoder().decode(ExtractedTrip.self, from: JSONEncoder().encode(trip))
        #expect(decoded == trip)
    }
}
