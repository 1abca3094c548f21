import Quoting
import QuotesFunction
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// The enforced lifecycle: every (from, to) pair through `PATCH /api/v1/quotes/{id}/status` — legal ones change
/// the status and log exactly one activity, illegal ones answer 409 and change nothing.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct QuoteLifecycleTests {
    /// Legal by the machine but reached through their own routes (send, convert-to-invoice).
    static let ownRoute: Set<String> = ["sent", "converted"]

    @Test func everyTransitionIsEnforcedAndLogged() throws {
        let world = try QuoteWorld.make("life")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let created = world.call(.post, "/api/v1/quotes/generate", json: QuoteWorld.inquiry(send: false))
        let id = try #require(created.json["quote"]?["id"]?.string)
        var legal = 0, illegal = 0
        for from in QuoteStatus.all {
            for to in QuoteStatus.all {
                try world.force(id, status: from)
                let before = try world.activities(id).count
                let result = world.call(.patch, "/api/v1/quotes/\(id)/status", json: #"{"status":"\#(to)","selected_option":\#(to == "accepted" ? "1" : "null")}"#)
                let now = try #require(try IdentityHarness.owner().query("SELECT status FROM quotes WHERE id = \(id)::uuid").first?["status"])
                if QuoteStatus.allows(from, to) && !Self.ownRoute.contains(to) {
                    legal += 1
                    #expect(result.status == 200, "\(from) → \(to): \(result.text)")
                    #expect(now == to)
                    let log = try world.activities(id)
                    #expect(log.count == before + 1)
                    #expect(log.last?.kind == "status_change" && log.last?.from == from && log.last?.to == to)
                } else {
                    illegal += 1
                    #expect(result.status == 409, "\(from) → \(to) should be refused: \(result.text)")
                    #expect(now == from, "\(from) → \(to) changed the status")
                    #expect(try world.activities(id).count == before, "\(from) → \(to) logged an activity")
                }
            }
        }
        #expect(legal == 18 && illegal == 63)
    }

    @Test func acceptingRecordsTheChosenOptionAndRequotingRenewsValidity() throws {
        let world = try QuoteWorld.make("accept")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let id = try #require(world.call(.post, "/api/v1/quotes/generate", json: QuoteWorld.inquiry(send: false))
            .json["quote"]?["quote_id"]?.string)
        #expect(world.call(.patch, "/api/v1/quotes/\(id)/status", json: #"{"status":"accepted","selected_option":7}"#).status == 422)
        let accepted = world.call(.patch, "/api/v1/quotes/\(id)/status", json: #"{"status":"accepted","selected_option":2}"#)
        #expect(accepted.json["quote"]?["selected_option"]?.number == 2)
        #expect(accepted.json["quote"]?["accepted_at"]?.string != nil)
        #expect(world.call(.patch, "/api/v1/quotes/\(id)/status", json: #"{"status":"nonsense"}"#).status == 422)
        // expired → quoted renews valid_until from today.
        try IdentityHarness.owner().query("UPDATE quotes SET status = 'expired', valid_until = '2020-01-01' WHERE quote_id = \(id)")
        let requoted = world.call(.patch, "/api/v1/quotes/\(id)/status", json: #"{"status":"quoted"}"#)
        #expect(requoted.json["quote"]?["valid_until"]?.string == Day.today().adding(days: 14).description)
    }

    @Test func sendAndResendFollowTheLifecycle() throws {
        let world = try QuoteWorld.make("send")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let created = world.call(.post, "/api/v1/quotes/generate", json: QuoteWorld.inquiry(draft: true))
        #expect(created.json["quote"]?["status"]?.string == "draft")
        #expect(created.json["email"]?["queued"]?.bool == false)
        let id = try #require(created.json["quote"]?["quote_id"]?.string)
        let uuid = try #require(created.json["quote"]?["id"]?.string)
        #expect(world.call(.post, "/api/v1/quotes/\(id)/resend").status == 409)
        let sent = world.call(.post, "/api/v1/quotes/\(id)/send")
        #expect(sent.status == 200, "\(sent.text)")
        #expect(sent.json["quote"]?["status"]?.string == "sent")
        #expect(try world.activities(uuid).map(\.kind) == ["created", "status_change", "status_change", "sent"])
        #expect(world.call(.post, "/api/v1/quotes/\(id)/send").status == 409)
        let resent = world.call(.post, "/api/v1/quotes/\(id)/resend")
        #expect(resent.status == 200 && resent.json["quote"]?["status"]?.string == "sent")
        #expect(resent.json["quote"]?["send_count"]?.number == 2)
        let mails = try IdentityHarness.owner().query("SELECT count(*) AS n FROM outbox WHERE tenant_id = \(world.tenant.id)")
        #expect(mails.first?["n"] == "2")
        try world.force(uuid, status: "cancelled")
        #expect(world.call(.post, "/api/v1/quotes/\(id)/resend").status == 409)
    }

    @Test func expiryMovesStaleQuotesAndLogsIt() throws {
        let world = try QuoteWorld.make("expiry")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        var ids: [String] = []
        for index in 0..<3 {
            let result = world.call(.post, "/api/v1/quotes/generate", json: QuoteWorld.inquiry(email: "e\(index)@example.com", send: false))
            ids.append(try #require(result.json["quote"]?["id"]?.string))
        }
        let owner = try IdentityHarness.owner()
        try owner.query("UPDATE quotes SET valid_until = current_date - 1 WHERE id = \(ids[0])::uuid")
        try owner.query("UPDATE quotes SET valid_until = current_date - 1, status = 'accepted' WHERE id = \(ids[1])::uuid")
        let expired = try QuoteMaintenance.expire(on: owner)
        #expect(expired >= 1)
        let statuses = try ids.map { id in try owner.query("SELECT status FROM quotes WHERE id = \(id)::uuid").first?["status"] }
        #expect(statuses == ["expired", "accepted", "quoted"])
        #expect(try world.activities(ids[0]).last.map { [$0.kind, $0.from, $0.to] } == ["status_change", "quoted", "expired"])
    }
}
