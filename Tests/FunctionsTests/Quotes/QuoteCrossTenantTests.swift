import QuotesFunction
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// Every quote route with tenant A's token and tenant B's quote ids answers 404 and changes nothing; A's lists
/// never show B's quotes; naming B in X-Client-ID with A's token is 403.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct QuoteCrossTenantTests {
    @Test func aTenantCannotReachAnotherTenantsQuotes() throws {
        let a = try QuoteWorld.make("qa")
        let b = try QuoteWorld.make("qb", harness: a.harness)
        defer { IdentityHarness.dropTenant(a.tenant.id); IdentityHarness.dropTenant(b.tenant.id) }
        let created = b.call(.post, "/api/v1/quotes/generate", json: QuoteWorld.inquiry(name: "Secret B Customer"))
        let quoteB = try #require(created.json["quote"]?["quote_id"]?.string)
        let uuidB = try #require(created.json["quote"]?["id"]?.string)
        for reference in [quoteB, uuidB] {
            for (method, path, body) in [
                (HTTPMethod.get, "/api/v1/quotes/\(reference)", nil as String?),
                (.get, "/api/v1/quotes/\(reference)/pdf", nil),
                (.get, "/api/v1/quotes/\(reference)/activities", nil),
                (.post, "/api/v1/quotes/\(reference)/send", nil),
                (.post, "/api/v1/quotes/\(reference)/resend", nil),
                (.post, "/api/v1/quotes/\(reference)/share", nil),
                (.patch, "/api/v1/quotes/\(reference)/status", #"{"status":"cancelled"}"#),
            ] {
                let result = a.call(method, path, json: body)
                #expect(result.status == 404, "\(method) \(path) → \(result.status)")
            }
        }
        #expect(!a.call(.get, "/api/v1/quotes").text.contains("Secret B Customer"))
        #expect(!a.call(.get, "/api/v1/quotes?search=Secret").text.contains(quoteB))
        let state = b.call(.get, "/api/v1/quotes/\(quoteB)").json["quote"]
        #expect(state?["status"]?.string == "sent" && state?["send_count"]?.number == 1)
        for (method, path, body) in [
            (HTTPMethod.get, "/api/v1/quotes", nil as String?), (.get, "/api/v1/quotes/\(quoteB)", nil),
            (.post, "/api/v1/quotes/generate", QuoteWorld.inquiry()),
        ] {
            let result = a.harness.call(method, path, token: a.admin, headers: ["x-client-id": b.tenant.id], json: body)
            #expect(result.status == 403, "\(method) \(path) with X-Client-ID of B → \(result.status)")
        }
        #expect(a.harness.call(.get, "/api/v1/quotes").status == 401)
    }
}
