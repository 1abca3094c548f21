import InboundFunction
import InboundMail
import Logging
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// Tenant A's token never reaches tenant B's tickets: every route answers 404 and changes nothing, lists and
/// searches never show them, RLS alone hides them from A's transaction, and naming B in X-Client-ID is 403.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct TicketCrossTenantTests {
    @Test func aTenantCannotReachAnotherTenantsTickets() throws {
        let a = try TicketWorld.make("xa")
        let b = try TicketWorld.make("xb", harness: a.harness)
        defer { a.drop(); b.drop() }
        let mine = try a.emailTicket(subject: "Mine")
        let theirs = try b.emailTicket(subject: "Secret B trip", email: "secret-b@example.com")
        for reference in [theirs.id, theirs.ref] {
            for (method, path, body) in [
                (HTTPMethod.get, "/api/v1/inbound/tickets/\(reference)", nil as String?),
                (.patch, "/api/v1/inbound/tickets/\(reference)", #"{"status":"closed"}"#),
                (.patch, "/api/v1/inbound/tickets/\(reference)", #"{"notes":"mine now"}"#),
                (.post, "/api/v1/inbound/tickets/\(reference)/reply", #"{"message":"Hello from A"}"#),
                (.post, "/api/v1/inbound/tickets/\(reference)/accept", nil),
                (.post, "/api/v1/inbound/tickets/\(reference)/reject", #"{"reason":"A says no"}"#),
            ] {
                let result = a.call(method, path, json: body)
                #expect(result.status == 404, "\(method) \(path) → \(result.status)")
            }
        }
        #expect(try b.status(theirs.id) == "open" && b.activities(theirs.id).map(\.kind) == ["created"])
        let untouched = try IdentityHarness.owner().query("""
            SELECT notes, quote_id FROM tickets WHERE id = \(theirs.id)::uuid
            """).first
        #expect(untouched?["notes"] == "" && untouched?["quote_id"] == nil)
        #expect(try IdentityHarness.owner().query("SELECT count(*) AS n FROM outbox WHERE tenant_id = \(a.tenant.id)").first?["n"] == "0")
        let list = a.call(.get, "/api/v1/inbound/tickets?limit=200")
        #expect(list.json["data"]?.array?.compactMap { $0["id"]?.string } == [mine.id])
        #expect(!a.call(.get, "/api/v1/inbound/tickets?q=secret").text.contains(theirs.ref))

        // RLS on its own: A's transaction does not see B's row even when asked for it by id.
        let seen = try a.withTenant { connection in
            try connection.query("SELECT count(*) AS n FROM tickets WHERE id = \(theirs.id)::uuid").first?["n"]
        }
        #expect(seen == "0")
        let visible = try a.withTenant { try TicketRecord.load(theirs.ref, on: $0) }
        #expect(visible == nil)
        let written = try a.withTenant { connection in
            try connection.query("UPDATE tickets SET notes = 'x' WHERE id = \(theirs.id)::uuid").affectedRows
        }
        #expect(written == 0)

        for (method, path, body) in [
            (HTTPMethod.get, "/api/v1/inbound/tickets", nil as String?), (.get, "/api/v1/inbound/tickets/\(theirs.ref)", nil),
            (.post, "/api/v1/inbound/tickets/\(theirs.ref)/reject", nil),
        ] {
            let result = a.harness.call(method, path, token: a.world.admin, headers: ["x-client-id": b.tenant.id], json: body)
            #expect(result.status == 403, "\(method) \(path) with X-Client-ID of B → \(result.status)")
        }
        #expect(try b.status(theirs.id) == "open", "the mismatched reject changed B's ticket")
        #expect(a.harness.call(.get, "/api/v1/inbound/tickets").status == 401)
        #expect(a.harness.call(.post, "/api/v1/inbound/tickets/\(mine.id)/reply", json: #"{"message":"x"}"#).status == 401)
    }
}
