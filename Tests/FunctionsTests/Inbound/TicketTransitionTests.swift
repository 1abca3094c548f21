import InboundFunction
import InboundMail
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// `PATCH …/{id}` and `…/reject`: every step of the lifecycle, legal and illegal; priority, assignee and notes.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct TicketTransitionTests {
    /// Every (from, to) pair of distinct statuses: legal steps answer 200 and log one `status_change`; the rest
    /// answer 409 `invalid_transition` and change and log nothing.
    @Test func everyTransitionIsEnforced() throws {
        let t = try TicketWorld.make("tt")
        defer { t.drop() }
        let legal: Set<[String]> = [["open", "in_progress"], ["open", "closed"], ["in_progress", "resolved"],
                                    ["in_progress", "closed"], ["resolved", "closed"]]
        for from in TicketStatus.all {
            for to in TicketStatus.all where to != from {
                let (id, _) = try t.manualTicket(subject: "\(from) to \(to)")
                try t.force(id, status: from)
                let before = try t.activities(id).count
                let result = t.call(.patch, "/api/v1/inbound/tickets/\(id)", json: #"{"status":"\#(to)","notes":"tried"}"#)
                if legal.contains([from, to]) {
                    #expect(result.status == 200, "\(from) → \(to): \(result.text)")
                    #expect(result.json["ticket"]?["status"]?.string == to)
                    #expect(try t.status(id) == to)
                    let logged = try t.activities(id).dropFirst(before)
                    #expect(logged.map(\.kind) == ["status_change", "notes_updated"])
                    #expect(logged.first?.from == from && logged.first?.to == to)
                } else {
                    #expect(result.status == 409 && result.errorCode == "invalid_transition", "\(from) → \(to): \(result.text)")
                    #expect(try t.status(id) == from)
                    #expect(try t.activities(id).count == before, "\(from) → \(to) logged something")
                    let notes = try IdentityHarness.owner().query("SELECT notes FROM tickets WHERE id = \(id)::uuid").first?["notes"]
                    #expect(notes == "", "the refused PATCH changed the notes")
                }
            }
        }
        #expect(TicketStatus.path(from: "open", to: "resolved") == ["in_progress", "resolved"])
        #expect(TicketStatus.path(from: "closed", to: "open") == nil)
    }

    @Test func priorityAssigneeAndNotesAreCheckedAndLogged() throws {
        let t = try TicketWorld.make("tq")
        defer { t.drop() }
        let (id, ref) = try t.manualTicket()
        let consultant = try t.world.addConsultant("Cara Consultant")
        let changed = t.call(.patch, "/api/v1/inbound/tickets/\(ref)",
                             json: #"{"priority":"HIGH","assigned_to":"\#(consultant.id)","notes":"Call after 5 pm"}"#)
        #expect(changed.status == 200, "\(changed.text)")
        let ticket = try #require(changed.json["ticket"])
        #expect(ticket["priority"]?.string == "high" && ticket["assigned_to"]?.string == consultant.id)
        #expect(ticket["notes"]?.string == "Call after 5 pm" && ticket["status"]?.string == "open")
        #expect(try t.activities(id).map(\.kind) == ["created", "priority_changed", "assigned", "notes_updated"])
        #expect(t.call(.patch, "/api/v1/inbound/tickets/\(ref)", json: #"{"priority":"high"}"#).status == 200)
        #expect(try t.activities(id).count == 4, "an unchanged value logs nothing")
        #expect(t.call(.patch, "/api/v1/inbound/tickets/\(ref)", json: #"{"assigned_to":null}"#, token: consultant.token).status == 200)
        #expect(try IdentityHarness.owner().query("SELECT assigned_to FROM tickets WHERE id = \(id)::uuid").first?["assigned_to"] == nil)

        try IdentityHarness.owner().query("UPDATE users SET is_active = false WHERE id = \(consultant.id)::uuid")
        let other = try TicketWorld.make("tq2", harness: t.harness)
        defer { other.drop() }
        let stranger = try #require(try IdentityHarness.owner().query("""
            SELECT id::text AS id FROM users WHERE tenant_id = \(other.tenant.id)
            """).first?["id"])
        for (body, field) in [
            (#"{"assigned_to":"\#(consultant.id)"}"#, "assigned_to"), (#"{"assigned_to":"\#(stranger)"}"#, "assigned_to"),
            (#"{"assigned_to":"bob"}"#, "assigned_to"), (#"{"priority":"asap"}"#, "priority"), (#"{"status":"done"}"#, "status"),
            (#"{"notes":"\#(String(repeating: "n", count: 5001))"}"#, "notes"), (#"{"owner":"me"}"#, "owner"),
            (#"{"status":"closed","assigned_to":"\#(stranger)"}"#, "assigned_to"),
        ] {
            let refused = t.call(.patch, "/api/v1/inbound/tickets/\(ref)", json: body)
            #expect(refused.status == 422 && refused.json["error"]?["field"]?.string == field, "\(body.prefix(60)): \(refused.text)")
        }
        #expect(try t.status(id) == "open", "the refused PATCH closed the ticket")
    }

    @Test func rejectClosesWithTheReasonInTheNotes() throws {
        let t = try TicketWorld.make("tr")
        defer { t.drop() }
        let (id, ref) = try t.emailTicket()
        #expect(t.call(.patch, "/api/v1/inbound/tickets/\(id)", json: #"{"notes":"Asked twice."}"#).status == 200)
        let rejected = t.call(.post, "/api/v1/inbound/tickets/\(ref)/reject", json: #"{"reason":"We do not sell cruises."}"#)
        #expect(rejected.status == 200, "\(rejected.text)")
        #expect(rejected.json["ticket"]?["status"]?.string == "closed")
        #expect(rejected.json["ticket"]?["notes"]?.string == "Asked twice.\nRejected: We do not sell cruises.")
        #expect(rejected.json["ticket"]?["next_statuses"] == .array([]))
        let log = try t.activities(id)
        #expect(log.suffix(2).map(\.kind) == ["status_change", "rejected"] && log.suffix(2).first?.to == "closed")
        let again = t.call(.post, "/api/v1/inbound/tickets/\(ref)/reject")
        #expect(again.status == 409 && again.errorCode == "invalid_transition")
        #expect(try t.activities(id).count == log.count)
        let (other, _) = try t.manualTicket()
        try t.force(other, status: "resolved")
        #expect(t.call(.post, "/api/v1/inbound/tickets/\(other)/reject").json["ticket"]?["status"]?.string == "closed")
    }
}
