import InboundFunction
import InboundMail
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// `POST …/{id}/accept`: the ticket's facts (plus overrides) become a priced quote, the ticket walks to resolved.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct TicketAcceptTests {
    func quoteCount(_ tenant: String) throws -> String? {
        try IdentityHarness.owner().query("SELECT count(*) AS n FROM quotes WHERE tenant_id = \(tenant)").first?["n"]
    }

    @Test func acceptPricesEmailsAndResolves() throws {
        let t = try TicketWorld.make("aa")
        defer { t.drop() }
        let (id, ref) = try t.emailTicket()
        let accepted = t.call(.post, "/api/v1/inbound/tickets/\(ref)/accept")
        #expect(accepted.status == 201, "\(accepted.text)")
        let quote = try #require(accepted.json["quote"])
        let quoteID = try #require(quote["quote_id"]?.string)
        #expect(quote["ticket_id"]?.string == ref && quote["source"]?.string == "inbound" && quote["status"]?.string == "sent")
        #expect(quote["destination"]?.string == "Zanzibar" && quote["check_in"]?.string == "2027-03-10" && quote["nights"]?.number == 7)
        #expect(quote["adults"]?.number == 2 && quote["children"]?.number == 1 && quote["children_ages"] == .array([.number(0)]))
        #expect((quote["options"]?.array?.count ?? 0) >= 1)
        #expect(accepted.json["email"]?["queued"] == .bool(true))
        let ticket = try #require(accepted.json["ticket"])
        #expect(ticket["status"]?.string == "resolved" && ticket["quote_id"]?.string == quoteID)
        #expect(ticket["client_id"]?.string?.hasPrefix("CLI-") == true)
        let log = try t.activities(id)
        #expect(log.map(\.kind) == ["created", "quote_created", "status_change", "status_change"])
        #expect(log.suffix(2).map(\.to) == ["in_progress", "resolved"] && log.suffix(2).map(\.from) == ["open", "in_progress"])
        let pdf = try IdentityHarness.owner().query("""
            SELECT a.content_type FROM outbox o JOIN outbox_attachments a ON a.outbox_id = o.id
            WHERE o.tenant_id = \(t.tenant.id) AND o.to_address = 'zoe@example.com'
            """)
        #expect(pdf.all.compactMap { $0["content_type"] } == ["application/pdf"])
        let listed = t.call(.get, "/api/v1/inbound/tickets?status=resolved").json["data"]?.array?.first
        #expect(listed?["quote_id"]?.string == quoteID)
        for status in ["resolved", "closed"] {
            try t.force(id, status: status)
            let refused = t.call(.post, "/api/v1/inbound/tickets/\(id)/accept")
            #expect(refused.status == 409 && refused.errorCode == "invalid_transition")
        }
        #expect(try quoteCount(t.tenant.id) == "1")
    }

    @Test func missingFactsAre422AndChangeNothing() throws {
        let t = try TicketWorld.make("am")
        defer { t.drop() }
        var trip = TicketWorld.trip
        trip.checkIn = nil
        trip.checkOut = nil
        trip.nights = nil
        let (id, ref) = try t.emailTicket(trip: trip)
        let refused = t.call(.post, "/api/v1/inbound/tickets/\(ref)/accept", json: #"{"send_email":true}"#)
        #expect(refused.status == 422 && refused.json["error"]?["field"]?.string == "inquiry.check_in", "\(refused.text)")
        #expect(try t.status(id) == "open" && t.activities(id).map(\.kind) == ["created"] && quoteCount(t.tenant.id) == "0")
        let wrongType = t.call(.post, "/api/v1/inbound/tickets/\(ref)/accept", json: #"{"inquiry":{"adults":"two"}}"#)
        #expect(wrongType.status == 422 && wrongType.json["error"]?["field"]?.string == "inquiry.adults", "\(wrongType.text)")
        #expect(t.call(.post, "/api/v1/inbound/tickets/\(ref)/accept", json: #"{"send_email":"yes"}"#).status == 422)

        let overridden = t.call(.post, "/api/v1/inbound/tickets/\(ref)/accept", json: """
            {"inquiry":{"check_in":"2027-03-10","nights":7,"children_ages":[],"children":0},"send_email":false}
            """)
        #expect(overridden.status == 201, "\(overridden.text)")
        #expect(overridden.json["quote"]?["check_out"]?.string == "2027-03-17" && overridden.json["quote"]?["children"]?.number == 0)
        #expect(overridden.json["email"]?["queued"] == .bool(false) && overridden.json["quote"]?["status"]?.string == "quoted")
        #expect(try IdentityHarness.owner().query("SELECT count(*) AS n FROM outbox WHERE tenant_id = \(t.tenant.id)").first?["n"] == "0")
    }

    @Test func noAvailabilityLeavesTheTicketInProgress() throws {
        let t = try TicketWorld.make("an")
        defer { t.drop() }
        var trip = TicketWorld.trip
        trip.checkIn = Day("2028-06-01")
        trip.checkOut = Day("2028-06-08")
        let (id, _) = try t.emailTicket(trip: trip)
        let none = t.call(.post, "/api/v1/inbound/tickets/\(id)/accept")
        #expect(none.status == 200, "\(none.text)")
        #expect(none.json["quote"] == .null && none.text.contains(#""quote":null"#))
        #expect(none.json["status"]?.string == "no_availability" && none.json["alternatives"]?.array != nil)
        #expect(none.json["ticket"]?["status"]?.string == "in_progress" && none.json["ticket"]?["quote_id"] == .null)
        #expect(try t.activities(id).map(\.kind) == ["created", "no_availability", "status_change"])
        #expect(try quoteCount(t.tenant.id) == "0")
        let again = t.call(.post, "/api/v1/inbound/tickets/\(id)/accept")
        #expect(again.status == 200 && again.json["ticket"]?["status"]?.string == "in_progress")
    }
}
