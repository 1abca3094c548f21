import QuotesFunction
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// `POST /api/v1/quotes/generate` end to end in-process: pricing from the tenant's rates, the stored quote, its
/// client, its consultant, its activities and its email (outbox row with the PDF attached).
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct QuoteGenerateTests {
    @Test func generatesPricesStoresAndEmailsAQuote() throws {
        let world = try QuoteWorld.make("gen")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let consultant = try world.addConsultant("Ayo Bello")
        let result = world.call(.post, "/api/v1/quotes/generate", json: QuoteWorld.inquiry(ages: [7]))
        #expect(result.status == 201, "\(result.text)")
        let quote = try #require(result.json["quote"])
        #expect(quote["quote_id"]?.string?.hasPrefix("QT-") == true)
        #expect(quote["status"]?.string == "sent")
        #expect(quote["destination"]?.string == "Zanzibar")
        #expect(quote["nights"]?.number == 7)
        #expect(quote["customer"]?["name"]?.string == "Zoë Ñúñez")
        #expect(quote["consultant"]?["id"]?.string == consultant.id)
        // 2 adults + 1 child (7), margin 10 %: Coral Lodge 2×9,240 + 4,620 = 23,100; Palm Beach 2×11,000 + 5,500 =
        // 27,500; Serena (no child rate → sharing) 3×22,000 = 66,000. Cheapest first, each its own total.
        let options = try #require(quote["options"]?.array)
        #expect(options.map { $0["hotel"]?.string } == ["Coral Lodge", "Palm Beach Resort", "Serena Hotel"])
        #expect(options.map { $0["total"]?["amount"]?.number } == [2_310_000, 2_750_000, 6_600_000])
        #expect(options[0]["per_person"]?["adult_sharing"]?["amount"]?.number == 924_000)
        #expect(options[0]["per_person"]?["child"]?["amount"]?.number == 462_000)
        #expect(quote["valid_until"]?.string == Day.today().adding(days: 14).description)
        // The email: one outbox row to the customer from the tenant's sender, the PDF attached.
        let owner = try IdentityHarness.owner()
        let mail = try #require(try owner.query("""
            SELECT o.from_address, o.to_address, o.subject, o.html_body, a.filename, a.content_type, length(a.content) AS size
            FROM outbox o JOIN outbox_attachments a ON a.outbox_id = o.id WHERE o.tenant_id = \(world.tenant.id)
            """).first)
        #expect(mail["from_address"] == "quotes@\(world.tenant.id).example.com")
        #expect(mail["to_address"] == "zoe@example.com")
        #expect(mail["content_type"] == "application/pdf")
        #expect((Int(mail["size"] ?? "0") ?? 0) > 1000)
        #expect(mail["html_body"]?.contains("Zo&#235;") == true || mail["html_body"]?.contains("Zoë") == true)
        // The client and the activities.
        let client = try #require(try owner.query("SELECT client_id, stage, quote_count FROM clients WHERE tenant_id = \(world.tenant.id)").first)
        #expect(client["stage"] == "QUOTED" && client["quote_count"] == "1")
        #expect(quote["client_id"]?.string == client["client_id"])
        let id = try #require(quote["id"]?.string)
        #expect(try world.activities(id).map(\.kind) == ["created", "status_change", "sent"])
        // A second quote for the same customer (other case) moves the client to NEGOTIATING.
        let again = world.call(.post, "/api/v1/quotes/generate",
                               json: QuoteWorld.inquiry(email: "ZOE@example.com", send: false))
        #expect(again.status == 201)
        #expect(again.json["quote"]?["status"]?.string == "quoted")
        let stage = try owner.query("SELECT stage, quote_count FROM clients WHERE tenant_id = \(world.tenant.id)").all
        #expect(stage.count == 1 && stage.first?["stage"] == "NEGOTIATING" && stage.first?["quote_count"] == "2")
    }

    @Test func consultantsAreAssignedRoundRobin() throws {
        let world = try QuoteWorld.make("rr")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let first = try world.addConsultant("First Consultant")
        let second = try world.addConsultant("Second Consultant")
        var assigned: [String?] = []
        for index in 0..<4 {
            let result = world.call(.post, "/api/v1/quotes/generate",
                                    json: QuoteWorld.inquiry(email: "c\(index)@example.com", send: false))
            assigned.append(result.json["quote"]?["consultant"]?["id"]?.string)
        }
        #expect(assigned == [first.id, second.id, first.id, second.id])
    }

    @Test func noAvailabilityStoresNothingAndOffersAlternatives() throws {
        let world = try QuoteWorld.make("noav")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        // 5 nights: no package has 5 nights and Coral Lodge's per-night rate ends 2027-12-31.
        let result = world.call(.post, "/api/v1/quotes/generate",
                                json: QuoteWorld.inquiry(checkIn: "2027-12-29", checkOut: "2028-01-03"))
        #expect(result.status == 200, "\(result.text)")
        #expect(result.json["status"]?.string == "no_availability")
        #expect(result.json["quote"] == .null)
        let alternatives = try #require(result.json["alternatives"]?.array)
        #expect(!alternatives.isEmpty)
        for alternative in alternatives {
            #expect(alternative["total"]?["amount"]?.number ?? 0 > 0)
            #expect(alternative["check_in"]?.string != nil && alternative["reason"]?.string != nil)
        }
        let count = try IdentityHarness.owner().query("SELECT count(*) AS n FROM quotes WHERE tenant_id = \(world.tenant.id)")
        #expect(count.first?["n"] == "0")
    }

    @Test(arguments: [
        (#""destination":"Atlantis""#, "inquiry.destination"),
        (#""check_in":"2020-01-01""#, "inquiry.check_in"),
        (#""check_in":"2027-02-30""#, "inquiry.check_in"),
        (#""check_out":"2027-03-09""#, "inquiry.check_out"),
        (#""adults":0"#, "inquiry.adults"),
        (#""children_ages":[25]"#, "inquiry.children_ages"),
        (#""email":"not-an-email""#, "inquiry.email"),
        (#""rooms":3"#, "inquiry.rooms"),
        (#""budget":{"amount":-5}"#, "inquiry.budget.amount"),
    ])
    func invalidInquiriesAre422WithTheField(override: String, field: String) throws {
        let world = try QuoteWorld.make("inv")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        var fields: [String: String] = [
            "name": #""name":"Ann""#, "email": #""email":"ann@example.com""#, "destination": #""destination":"Zanzibar""#,
            "check_in": #""check_in":"2027-03-10""#, "check_out": #""check_out":"2027-03-17""#, "adults": #""adults":2"#,
        ]
        let key = String(override.dropFirst().prefix { $0 != "\"" })
        fields[key] = override
        let body = #"{"inquiry":{"# + fields.values.sorted().joined(separator: ",") + "}}"
        let result = world.call(.post, "/api/v1/quotes/generate", json: body)
        #expect(result.status == 422, "\(override) → \(result.text)")
        #expect(result.json["error"]?["field"]?.string == field)
    }

    @Test func withoutASenderTheQuoteIsKeptButNotSent() throws {
        let world = try QuoteWorld.make("nosend")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        world.call(.patch, "/api/v1/tenant/config", json: #"{"email":{"from_address":null}}"#)
        let result = world.call(.post, "/api/v1/quotes/generate", json: QuoteWorld.inquiry())
        #expect(result.status == 201)
        #expect(result.json["quote"]?["status"]?.string == "quoted")
        #expect(result.json["email"]?["queued"]?.bool == false)
        #expect(result.json["email"]?["error"]?.string?.contains("from_address") == true)
        let id = try #require(result.json["quote"]?["quote_id"]?.string)
        #expect(world.call(.post, "/api/v1/quotes/\(id)/send").status == 409)
    }

    @Test func itemQuotesTotalPerCurrency() throws {
        let world = try QuoteWorld.make("items")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let result = world.call(.post, "/api/v1/quotes", json: """
            {"customer":{"name":"Kofi Mensah","email":"kofi@example.com"},"destination":"Cape Town","send_email":false,
             "items":[{"type":"hotel","name":"Bay Hotel","quantity":3,"unit_price":{"amount":250000,"currency":"ZAR"}},
                      {"type":"flight","name":"JNB-CPT","quantity":2,"unit_price":{"amount":180000,"currency":"ZAR"}},
                      {"type":"activity","name":"Shark dive","quantity":2,"unit_price":{"amount":12500,"currency":"USD"}}]}
            """)
        #expect(result.status == 201, "\(result.text)")
        let option = try #require(result.json["quote"]?["options"]?.array?.first)
        #expect(option["totals"]?.array?.map { [$0["currency"]?.string ?? "", String($0["amount"]?.number ?? 0)] }
                == [["ZAR", "1110000.0"], ["USD", "25000.0"]])
        #expect(option["total"] == .null)
        let bad = world.call(.post, "/api/v1/quotes", json: """
            {"customer":{"name":"K","email":"k@example.com"},"items":[{"type":"spaceship","name":"x","unit_price":{"amount":1,"currency":"ZAR"}}]}
            """)
        #expect(bad.status == 422 && bad.json["error"]?["field"]?.string == "items[0].type")
    }

    @Test func listFiltersAndSearches() throws {
        let world = try QuoteWorld.make("list")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        for (index, name) in ["Amara Obi", "Ben Stone", "Chen Wei"].enumerated() {
            let result = world.call(.post, "/api/v1/quotes/generate",
                                    json: QuoteWorld.inquiry(name: name, email: "p\(index)@example.com", send: index == 0))
            try #require(result.status == 201)
        }
        #expect(world.call(.get, "/api/v1/quotes").json["total"]?.number == 3)
        #expect(world.call(.get, "/api/v1/quotes?status=sent").json["total"]?.number == 1)
        #expect(world.call(.get, "/api/v1/quotes?status=quoted,sent").json["total"]?.number == 3)
        #expect(world.call(.get, "/api/v1/quotes?search=stone").json["data"]?.array?.first?["customer"]?["name"]?.string == "Ben Stone")
        #expect(world.call(.get, "/api/v1/quotes?search=%25").json["total"]?.number == 0)
        #expect(world.call(.get, "/api/v1/quotes?customer=P2@EXAMPLE.COM").json["total"]?.number == 1)
        #expect(world.call(.get, "/api/v1/quotes?limit=2").json["data"]?.array?.count == 2)
        #expect(world.call(.get, "/api/v1/quotes?status=bogus").status == 422)
        let today = Day.today().description
        #expect(world.call(.get, "/api/v1/quotes?from=\(today)&to=\(today)").json["total"]?.number == 3)
        #expect(world.call(.get, "/api/v1/quotes?to=\(Day.today().adding(days: -1))").json["total"]?.number == 0)
    }
}
