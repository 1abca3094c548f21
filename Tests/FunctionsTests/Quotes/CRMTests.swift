import Quoting
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// The CRM API against the real database: clients, stages, activities, the upsert done for quotes, pipeline, stats.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct CRMTests {
    /// The legal moves, written out by hand (not derived from ``ClientStage``).
    static let legal: [String: Set<String>] = [
        "QUOTED": ["NEGOTIATING", "BOOKED", "PAID", "TRAVELLED", "LOST"],
        "NEGOTIATING": ["BOOKED", "PAID", "TRAVELLED", "LOST"],
        "BOOKED": ["PAID", "TRAVELLED", "LOST"],
        "PAID": ["TRAVELLED", "LOST"],
        "TRAVELLED": [],
        "LOST": ["QUOTED", "NEGOTIATING"],
    ]

    @Test func theStageMachineMatchesTheTable() {
        for from in ClientStage.allCases {
            for to in ClientStage.allCases {
                #expect(from.canMove(to: to) == (Self.legal[from.rawValue]?.contains(to.rawValue) ?? false), "\(from) → \(to)")
            }
        }
    }

    @Test func everyStageChangeIsCheckedAndLegalOnesAreLogged() throws {
        let fixture = try CRMFixture("stages")
        defer { fixture.drop() }
        let client = try fixture.makeClient("Stage Walker", "walker@example.com")
        let id = try #require(client["id"]?.string)
        for from in ClientStage.names {
            for to in ClientStage.names {
                try fixture.exec("UPDATE clients SET stage = \(from) WHERE id = \(id)::uuid")
                let before = try fixture.activities("client", id).count
                let result = fixture.call(.patch, "/api/v1/crm/clients/\(id)/stage", json: #"{"stage":"\#(to)","note":"why"}"#)
                let stage = try fixture.scalar("SELECT stage AS v FROM clients WHERE id = \(id)::uuid")
                let log = try fixture.activities("client", id)
                if Self.legal[from]?.contains(to) == true {
                    #expect(result.status == 200, "\(from) → \(to): \(result.text)")
                    #expect(result.json["client"]?["stage"]?.string == to)
                    #expect(stage == to)
                    #expect(log.count == before + 1)
                    #expect(log.last.map { $0.kind == "stage_change" && $0.from == from && $0.to == to } == true, "\(from) → \(to)")
                } else {
                    #expect(result.status == 409, "\(from) → \(to) should be refused: \(result.status)")
                    #expect(result.errorCode == "invalid_transition")
                    #expect(stage == from)
                    #expect(log.count == before)
                }
            }
        }
        #expect(fixture.call(.patch, "/api/v1/crm/clients/\(id)/stage", json: #"{"stage":"WON"}"#).status == 422)
    }

    @Test func quotesUpsertTheirClientIgnoringCase() throws {
        let fixture = try CRMFixture("upsert")
        defer { fixture.drop() }
        let first = try fixture.insertQuote(status: "quoted", email: "Zoe.Nunez@Example.COM", options: [])
        let created = try fixture.withTenant {
            try Clients.upsertForQuote(on: $0, tenantID: fixture.tenant.id, name: "Zoë Ñúñez", email: "Zoe.Nunez@Example.COM",
                                       phone: "+27 82 555 0101", quoteUUID: first.uuid, consultantID: nil, actor: "system:tests")
        }
        #expect(created.created)
        #expect(created.clientID.hasPrefix("CLI-") && created.clientID.count == 12)
        let client = fixture.call(.get, "/api/v1/crm/clients/\(created.clientID.lowercased())").json["client"]
        #expect(client?["email"]?.string == "zoe.nunez@example.com")
        #expect(client?["stage"]?.string == "QUOTED")
        #expect(client?["source"]?.string == "quote")
        #expect(client?["quote_count"]?.number == 1)
        #expect(client?["latest_quote"]?["quote_id"]?.string == first.quoteID)
        #expect(try fixture.scalar("SELECT client_id::text AS v FROM quotes WHERE id = \(first.uuid)::uuid") == created.id)

        let second = try fixture.insertQuote(status: "quoted", email: "ZOE.NUNEZ@example.com", options: [])
        let again = try fixture.withTenant {
            try Clients.upsertForQuote(on: $0, tenantID: fixture.tenant.id, name: "Zoe", email: "ZOE.NUNEZ@example.com",
                                       phone: nil, quoteUUID: second.uuid, consultantID: nil, actor: "system:tests")
        }
        #expect(!again.created && again.id == created.id && again.clientID == created.clientID)
        let after = fixture.call(.get, "/api/v1/crm/clients/\(created.id)").json["client"]
        #expect(after?["stage"]?.string == "NEGOTIATING")
        #expect(after?["quote_count"]?.number == 2)
        #expect(after?["name"]?.string == "Zoë Ñúñez")
        #expect(after?["phone"]?.string == "+27 82 555 0101")
        let log = try fixture.activities("client", created.id)
        #expect(log.filter { $0.kind == "quote_generated" }.count == 2)
        #expect(log.contains { $0.kind == "stage_change" && $0.from == "QUOTED" && $0.to == "NEGOTIATING" })
        #expect(try fixture.scalar("SELECT count(*)::text AS v FROM clients WHERE tenant_id = \(fixture.tenant.id)") == "1")

        // A lost client who asks again is reopened.
        try fixture.exec("UPDATE clients SET stage = 'LOST' WHERE id = \(created.id)::uuid")
        let third = try fixture.insertQuote(status: "quoted", email: "zoe.nunez@example.com", options: [])
        _ = try fixture.withTenant {
            try Clients.upsertForQuote(on: $0, tenantID: fixture.tenant.id, name: "Zoe", email: "zoe.nunez@example.com",
                                       phone: nil, quoteUUID: third.uuid, consultantID: nil, actor: "system:tests")
        }
        #expect(try fixture.scalar("SELECT stage AS v FROM clients WHERE id = \(created.id)::uuid") == "NEGOTIATING")
        #expect(try fixture.activities("client", created.id).contains { $0.from == "LOST" && $0.to == "NEGOTIATING" })
    }

    @Test func clientsAreCreatedValidatedAndEdited() throws {
        let fixture = try CRMFixture("create")
        defer { fixture.drop() }
        let client = try fixture.makeClient("Ana Müller", "Ana@Example.com", extra: #","phone":"+49 30 1234","notes":"VIP""#)
        let id = try #require(client["id"]?.string)
        #expect(client["client_id"]?.string?.hasPrefix("CLI-") == true)
        #expect(client["email"]?.string == "ana@example.com")
        #expect(client["source"]?.string == "manual")
        #expect(client["latest_quote"] == .null)
        #expect(try fixture.activities("client", id).map(\.kind) == ["created"])

        let duplicate = fixture.call(.post, "/api/v1/crm/clients", json: #"{"name":"Other","email":"ANA@example.COM"}"#)
        #expect(duplicate.status == 409 && duplicate.errorCode == "duplicate_client")
        let badEmail = fixture.call(.post, "/api/v1/crm/clients", json: #"{"name":"X","email":"not-an-email"}"#)
        #expect(badEmail.status == 422 && badEmail.json["error"]?["field"]?.string == "email")
        let ghost = fixture.call(.post, "/api/v1/crm/clients",
                                 json: #"{"name":"X","email":"x@example.com","consultant_id":"7b0c1a8e-0000-4000-8000-000000000000"}"#)
        #expect(ghost.status == 422 && ghost.json["error"]?["field"]?.string == "consultant_id")

        let stage = fixture.call(.patch, "/api/v1/crm/clients/\(id)", json: #"{"stage":"PAID"}"#)
        #expect(stage.status == 422 && stage.json["error"]?["field"]?.string == "stage")
        let patched = fixture.call(.patch, "/api/v1/crm/clients/\(id)", json: #"{"name":"Ana M.","phone":null,"notes":"Gold"}"#)
        #expect(patched.status == 200)
        #expect(patched.json["client"]?["name"]?.string == "Ana M.")
        #expect(patched.json["client"]?["phone"] == .null)
        #expect(patched.json["client"]?["notes"]?.string == "Gold")
        #expect(patched.json["client"]?["email"]?.string == "ana@example.com")
        _ = try fixture.makeClient("Ben", "ben@example.com")
        let clash = fixture.call(.patch, "/api/v1/crm/clients/\(id)", json: #"{"email":"BEN@example.com"}"#)
        #expect(clash.status == 409 && clash.errorCode == "duplicate_client")
        #expect(fixture.call(.get, "/api/v1/crm/clients/CLI-00000000").status == 404)
        #expect(fixture.call(.get, "/api/v1/crm/clients/nonsense").status == 404)
    }

    @Test func searchAndFiltersRunBeforePagination() throws {
        let fixture = try CRMFixture("search")
        defer { fixture.drop() }
        var ids: [String] = []
        for index in 1...5 {
            ids.append(try #require(try fixture.makeClient("Safari Fan \(index)", "fan\(index)@wild.example")["id"]?.string))
        }
        let other = try fixture.makeClient("Beach Person", "sun@coast.example")
        try fixture.exec("UPDATE clients SET stage = 'BOOKED' WHERE id = ANY(\(PGTextArray(Array(ids.prefix(2))))::uuid[])")

        let page = fixture.call(.get, "/api/v1/crm/clients?search=SAFARI&limit=2&offset=2").json
        #expect(page["total"]?.number == 5)
        #expect(page["data"]?.array?.count == 2)
        #expect(page["limit"]?.number == 2 && page["offset"]?.number == 2)
        let names = (page["data"]?.array ?? []).compactMap { $0["name"]?.string }
        #expect(names == ["Safari Fan 3", "Safari Fan 2"])
        #expect(fixture.call(.get, "/api/v1/crm/clients?search=coast.EXAMPLE").json["total"]?.number == 1)
        let code = try #require(other["client_id"]?.string)
        #expect(fixture.call(.get, "/api/v1/crm/clients?search=\(code.lowercased())").json["data"]?.array?.first?["id"] == other["id"])
        let booked = fixture.call(.get, "/api/v1/crm/clients?stage=booked&search=fan").json
        #expect(booked["total"]?.number == 2)
        #expect(fixture.call(.get, "/api/v1/crm/clients?stage=WON").status == 422)
        #expect(fixture.call(.get, "/api/v1/crm/clients?limit=500").status == 422)
        #expect(fixture.call(.get, "/api/v1/crm/clients").json["total"]?.number == 6)
        #expect(fixture.call(.get, "/api/v1/crm/clients?consultant_id=x").status == 422)
    }

    @Test func activitiesAreListedNewestFirstAndOnlyNotesCanBeDeleted() throws {
        let fixture = try CRMFixture("activities")
        defer { fixture.drop() }
        let id = try #require(try fixture.makeClient("Cleo", "cleo@example.com")["id"]?.string)
        let call = fixture.call(.post, "/api/v1/crm/clients/\(id)/activities", json: #"{"kind":"call","note":"Called about dates"}"#)
        #expect(call.status == 201 && call.json["activity"]?["kind"]?.string == "call")
        let note = fixture.call(.post, "/api/v1/crm/clients/\(id)/activities", json: #"{"kind":"note","note":"Prefers email"}"#)
        let noteID = try #require(note.json["activity"]?["id"]?.string)
        #expect(fixture.call(.post, "/api/v1/crm/clients/\(id)/activities", json: #"{"kind":"stage_change","note":"x"}"#).status == 422)
        #expect(fixture.call(.post, "/api/v1/crm/clients/\(id)/activities", json: #"{"kind":"note","note":" "}"#).status == 422)

        let listed = fixture.call(.get, "/api/v1/crm/clients/\(id)/activities?limit=2").json
        #expect(listed["total"]?.number == 3)
        #expect((listed["data"]?.array ?? []).compactMap { $0["kind"]?.string } == ["note", "call"])
        let created = try #require(fixture.call(.get, "/api/v1/crm/clients/\(id)/activities?offset=2").json["data"]?.array?.first)
        #expect(created["kind"]?.string == "created")
        let system = fixture.call(.delete, "/api/v1/crm/clients/\(id)/activities/\(try #require(created["id"]?.string))")
        #expect(system.status == 409 && system.errorCode == "system_activity")
        #expect(fixture.call(.delete, "/api/v1/crm/clients/\(id)/activities/\(noteID)").status == 204)
        #expect(fixture.call(.delete, "/api/v1/crm/clients/\(id)/activities/\(noteID)").status == 404)
        #expect(fixture.call(.get, "/api/v1/crm/clients/\(id)/activities").json["total"]?.number == 2)
    }

    /// Values hand-computed: a quote counts its selected option, else its cheapest; currencies never mix.
    @Test func pipelineValuesPerStageAndCurrency() throws {
        let fixture = try CRMFixture("pipeline")
        defer { fixture.drop() }
        let quoted = try #require(try fixture.makeClient("Q", "q@example.com")["id"]?.string)
        let booked = try #require(try fixture.makeClient("B", "b@example.com")["id"]?.string)
        _ = try fixture.makeClient("L", "l@example.com")
        try fixture.exec("UPDATE clients SET stage = 'BOOKED' WHERE id = \(booked)::uuid")
        // QUOTED: cheapest of 1 000.00 / 800.00 ZAR → 80 000; selected USD option 2 × 250.00 → 50 000 USD;
        // a mixed-currency item quote → 100.00 ZAR + 50.00 USD; a declined quote is not counted.
        try fixture.insertQuote(status: "sent", options: [CRMFixture.option("A", "ZAR", [(1, 100_000)]),
                                                         CRMFixture.option("B", "ZAR", [(2, 40_000)])], clientUUID: quoted)
        try fixture.insertQuote(options: [CRMFixture.option("C", "ZAR", [(1, 1_000)]), CRMFixture.option("D", "USD", [(2, 25_000)])],
                                selected: 1, clientUUID: quoted)
        try fixture.insertQuote(status: "quoted", options: [CRMFixture.mixedOption([Money(10_000, "ZAR"), Money(5_000, "USD")])],
                                clientUUID: quoted)
        try fixture.insertQuote(status: "declined", options: [CRMFixture.option("E", "ZAR", [(1, 999_999)])], clientUUID: quoted)
        // BOOKED: selected option 0 → 3 × 1 500.00 + 1 × 200.00 EUR = 470 000 EUR.
        try fixture.insertQuote(options: [CRMFixture.option("F", "EUR", [(3, 150_000), (1, 20_000)]),
                                          CRMFixture.option("G", "EUR", [(1, 1)])], selected: 0, clientUUID: booked)

        let result = fixture.call(.get, "/api/v1/crm/pipeline")
        #expect(result.status == 200)
        let stages = try #require(result.json["stages"]?.array)
        #expect(stages.compactMap { $0["stage"]?.string } == ["QUOTED", "NEGOTIATING", "BOOKED", "PAID", "TRAVELLED", "LOST"])
        func value(_ stage: String) -> [String: Double] {
            let entry = stages.first { $0["stage"]?.string == stage }
            return Dictionary(uniqueKeysWithValues: (entry?["value"]?.array ?? []).compactMap { money in
                money["currency"]?.string.flatMap { code in money["amount"]?.number.map { (code, $0) } }
            })
        }
        #expect(stages.first?["count"]?.number == 2)
        #expect(value("QUOTED") == ["ZAR": 90_000, "USD": 55_000])
        #expect(value("BOOKED") == ["EUR": 470_000])
        #expect(stages[2]["count"]?.number == 1)
        #expect(value("NEGOTIATING").isEmpty && stages[1]["count"]?.number == 0)

        let stats = fixture.call(.get, "/api/v1/crm/stats").json
        #expect(stats["total_clients"]?.number == 3)
        #expect(stats["new_last_30_days"]?.number == 3)
        #expect(stats["by_stage"]?["QUOTED"]?.number == 2 && stats["by_stage"]?["BOOKED"]?.number == 1)
        #expect(stats["by_stage"]?["LOST"]?.number == 0)
        #expect(stats["by_source"]?["manual"]?.number == 3)
    }

    @Test func deletingAClientKeepsItsQuotesAndIsForAdmins() throws {
        let fixture = try CRMFixture("delete")
        defer { fixture.drop() }
        let id = try #require(try fixture.makeClient("Dee", "dee@example.com")["id"]?.string)
        let quote = try fixture.insertQuote(options: [CRMFixture.option("A", "ZAR", [(1, 100)])], clientUUID: id)
        #expect(fixture.call(.delete, "/api/v1/crm/clients/\(id)").status == 204)
        #expect(fixture.call(.get, "/api/v1/crm/clients/\(id)").status == 404)
        #expect(try fixture.scalar("SELECT (client_id IS NULL)::text AS v FROM quotes WHERE id = \(quote.uuid)::uuid") == "true")
        #expect(try fixture.activities("client", id).isEmpty)
        #expect(fixture.call(.delete, "/api/v1/crm/clients/\(id)").status == 404)
    }
}
