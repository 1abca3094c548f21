import Logging
import Quoting
import QuotesFunction
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// The inbound worker creates quotes without HTTP: the same `QuoteService.generate` the API calls, on its own
/// tenant transaction, as a system actor.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct QuoteServiceInProcessTests {
    @Test func theWorkerPathStoresTheSameQuoteAsTheAPI() throws {
        let world = try QuoteWorld.make("inproc")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let database = Database(url: world.harness.config.databaseURL, logger: Logger(label: "test"))
        let body = InquiryBody(name: "Ngozi Adeyemi", email: "ngozi@example.com", destination: "Unguja",
                               check_in: "2027-03-10", nights: 7, adults: 2, children_ages: [7])
        let generated = try database.withTenant(world.tenant.id) { connection in
            let settings = try TenantSettings.load(on: connection)
            let options = QuoteService.Options(sendEmail: false, saveAsDraft: true, source: "inbound", ticketID: "TKT-TEST-1",
                                               actor: "system:inbound")
            return try QuoteService.generate(try body.validated(settings: settings), options: options, settings: settings,
                                             on: connection)
        }
        guard case .created(let created) = generated else { Issue.record("no quote: \(generated)"); return }
        #expect(created.quote.status == "draft" && created.quote.source == "inbound" && created.quote.ticket_id == "TKT-TEST-1")
        #expect(created.quote.destination == "Zanzibar")
        // Same inquiry through the API: the same options and totals.
        let api = world.call(.post, "/api/v1/quotes/generate", json: QuoteWorld.inquiry(ages: [7], send: false))
        let apiTotals = api.json["quote"]?["options"]?.array?.map { $0["total"]?["amount"]?.number.map { Int64($0) } }
        #expect(created.quote.options.map { $0.total?.amount } == apiTotals)
        #expect(try world.activities(created.quote.id).first.map { [$0.kind, $0.to] } == ["created", "draft"])
    }
}
