import Quoting
import QuotesFunction
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// Signed share links: a valid one serves the PDF and records the view; tampered, expired and foreign ones are 404.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct QuoteShareTests {
    @Test func shareLinksServeThePDFAndMarkTheQuoteViewed() throws {
        let world = try QuoteWorld.make("share")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let created = world.call(.post, "/api/v1/quotes/generate", json: QuoteWorld.inquiry())
        let id = try #require(created.json["quote"]?["quote_id"]?.string)
        let uuid = try #require(created.json["quote"]?["id"]?.string)
        let shared = world.call(.post, "/api/v1/quotes/\(id)/share", json: #"{"expires_in_days":3}"#)
        #expect(shared.status == 201, "\(shared.text)")
        let token = try #require(shared.json["token"]?.string)
        #expect(shared.json["url"]?.string == "https://localhost:8443/api/v1/public/quotes/" + token)
        #expect(!token.contains(id) && !token.contains(uuid))

        let viewed = world.harness.call(.get, "/api/v1/public/quotes/\(token)")
        #expect(viewed.status == 200)
        #expect(viewed.response.headers["content-type"] == "application/pdf")
        #expect(viewed.response.body.starts(with: Array("%PDF".utf8)))
        let quote = world.call(.get, "/api/v1/quotes/\(id)").json["quote"]
        #expect(quote?["status"]?.string == "viewed")
        #expect(quote?["viewed_at"]?.string != nil)
        #expect(try world.activities(uuid).last.map { [$0.kind, $0.from, $0.to] } == ["status_change", "sent", "viewed"])

        // Tampered: one character changed in either half, or truncated.
        var bytes = Array(token.utf8)
        for position in [2, bytes.count - 3] {
            var changed = bytes
            changed[position] = changed[position] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            #expect(world.harness.call(.get, "/api/v1/public/quotes/\(String(decoding: changed, as: UTF8.self))").status == 404)
        }
        bytes.removeLast()
        #expect(world.harness.call(.get, "/api/v1/public/quotes/\(String(decoding: bytes, as: UTF8.self))").status == 404)
        #expect(world.harness.call(.get, "/api/v1/public/quotes/not-a-token").status == 404)

        // Expired: signed with the same key, an expiry in the past.
        let links = try #require(world.harness.config.shareLinkSecret.map { ShareLinks(secret: $0, baseURL: "https://x") })
        let old = links.token(tenantID: world.tenant.id, quoteUUID: uuid, expires: Timestamp.epochSeconds() - 1)
        #expect(world.harness.call(.get, "/api/v1/public/quotes/\(old)").status == 404)
        // Another tenant named in a genuine token cannot reach this quote (RLS).
        let other = try QuoteWorld.make("share2", harness: world.harness)
        defer { IdentityHarness.dropTenant(other.tenant.id) }
        let crossed = links.token(tenantID: other.tenant.id, quoteUUID: uuid, expires: Timestamp.epochSeconds() + 600)
        #expect(world.harness.call(.get, "/api/v1/public/quotes/\(crossed)").status == 404)
        // A cancelled quote's link stops working.
        try world.force(uuid, status: "cancelled")
        #expect(world.harness.call(.get, "/api/v1/public/quotes/\(token)").status == 404)
        #expect(world.call(.post, "/api/v1/quotes/\(id)/share").status == 409)
    }
}
