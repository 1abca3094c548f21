import InboundFunction
import InboundMail
import Logging
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// A tenant ready to quote (``QuoteWorld``: destinations, sender, Zanzibar rates) behind the inbound function, with
/// helpers that open tickets the way the worker does (email, parsed facts, Message-ID) or by hand.
struct TicketWorld {
    let world: QuoteWorld
    var tenant: IdentityHarness.Tenant { world.tenant }
    var harness: IdentityHarness { world.harness }

    static func make(_ label: String, harness: IdentityHarness? = nil) throws -> TicketWorld {
        let harness = try harness ?? IdentityHarness(function: "inbound", routes: InboundFunction.routes)
        return TicketWorld(world: try QuoteWorld.make(label, harness: harness))
    }

    func drop() { IdentityHarness.dropTenant(tenant.id) }

    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = nil) -> IdentityHarness.Result {
        harness.call(method, path, token: token ?? world.admin, json: json)
    }

    /// The trip of the usual Zanzibar inquiry (dates inside every rate window).
    static let trip = ExtractedTrip(isTravelInquiry: true, name: "Zoë Ñúñez", email: "zoe@example.com",
                                    destination: "Zanzibar", checkIn: Day("2027-03-10"), checkOut: Day("2027-03-17"),
                                    nights: 7, adults: 2, children: 1, childrenAges: [0],
                                    budget: ExtractedBudget(amount: 6_000_000, currency: "ZAR", perPerson: false))

    /// An email ticket as the worker opens it; returns (uuid, TKT id).
    @discardableResult
    func emailTicket(subject: String = "Zanzibar in March", trip: ExtractedTrip = TicketWorld.trip,
                     email: String? = "zoe@example.com", messageID: String? = "<inq-1@mail.example>",
                     message: String = "Hi, 2 adults and a baby, 10-17 March 2027 in Zanzibar.") throws -> (id: String, ref: String) {
        let ticket = NewTicket(source: "email", customerName: trip.name ?? "", customerEmail: email, subject: subject,
                               message: message, isTravelInquiry: trip.isTravelInquiry, parsed: trip.json, parseMethod: "rules",
                               missing: trip.destination == nil ? ["destination"] : [], messageID: messageID)
        let opened = try withTenant { try Tickets.open(ticket, tenantID: tenant.id, actor: "system:test", on: $0) }
        return (opened.id, opened.ticketID)
    }

    /// A ticket made by hand through the API; returns (uuid, TKT id).
    @discardableResult
    func manualTicket(subject: String = "Call back about Cape Town", name: String = "Sam Caller",
                      email: String = "sam@example.com", priority: String = "normal") throws -> (id: String, ref: String) {
        let created = call(.post, "/api/v1/inbound/tickets", json: """
            {"subject":"\(subject)","message":"Wants a call about Cape Town.","customer":{"name":"\(name)","email":"\(email)","phone":"+27 21 555 0100"},
             "priority":"\(priority)","source":"phone"}
            """)
        try #require(created.status == 201, "create: \(created.text)")
        return (try #require(created.json["ticket"]?["id"]?.string), try #require(created.json["ticket"]?["ticket_id"]?.string))
    }

    /// Runs `body` on the application role inside this tenant's transaction (RLS applies).
    func withTenant<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try Database(url: try #require(IdentityHarness.environment["DATABASE_URL"]), logger: Logger(label: "tests"))
            .withTenant(tenant.id, body)
    }

    func force(_ id: String, status: String) throws {
        try IdentityHarness.owner().query("UPDATE tickets SET status = \(status) WHERE id = \(id)::uuid")
    }

    func status(_ id: String) throws -> String? {
        try IdentityHarness.owner().query("SELECT status FROM tickets WHERE id = \(id)::uuid").first?["status"]
    }

    func activities(_ id: String) throws -> [(kind: String, from: String?, to: String?)] {
        try IdentityHarness.owner().query("""
            SELECT kind, from_status, to_status FROM activities WHERE subject_type = 'ticket' AND subject_id = \(id)::uuid
            ORDER BY created_at, id
            """).all.map { (try $0.string("kind"), $0["from_status"], $0["to_status"]) }
    }
}

/// The ticket list and detail: SPEC §7's shape with explicit nulls, filters, keyset pages, manual creation.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct TicketAPITests {
    @Test func listShowsTheContractShapeWithExplicitNulls() throws {
        let t = try TicketWorld.make("tl")
        defer { t.drop() }
        let email = try t.emailTicket()
        let manual = try t.manualTicket()
        let list = t.call(.get, "/api/v1/inbound/tickets")
        #expect(list.status == 200)
        let data = try #require(list.json["data"]?.array)
        #expect(data.count == 2)
        #expect(list.json["next_cursor"] == .null)
        #expect(list.text.contains(#""next_cursor":null"#))
        #expect(data.first?["id"]?.string == manual.id, "newest first")
        let item = try #require(data.first { $0["id"]?.string == email.id })
        #expect(Set(item.object?.keys.map { $0 } ?? []) == ["id", "ticket_id", "status", "priority", "subject", "customer", "parsed",
                                                             "quote_id", "created_at"])
        #expect(item["ticket_id"]?.string == email.ref && item["status"]?.string == "open" && item["priority"]?.string == "normal")
        #expect(item["customer"] == .object(["name": .string("Zoë Ñúñez"), "email": .string("zoe@example.com"), "phone": .null]))
        #expect(item["quote_id"] == .null)
        #expect(item["created_at"]?.string?.hasSuffix("Z") == true && item["created_at"]?.string?.count == 20)
        let parsed = try #require(item["parsed"])
        #expect(Set(parsed.object?.keys.map { $0 } ?? []) == ["is_travel_inquiry", "destination", "check_in", "check_out", "nights",
                                                               "adults", "children", "children_ages", "budget", "requested_hotel",
                                                               "method"])
        #expect(parsed["is_travel_inquiry"] == .bool(true) && parsed["destination"]?.string == "Zanzibar")
        #expect(parsed["check_in"]?.string == "2027-03-10" && parsed["check_out"]?.string == "2027-03-17")
        #expect(parsed["nights"]?.number == 7 && parsed["adults"]?.number == 2 && parsed["children"]?.number == 1)
        #expect(parsed["children_ages"] == .array([.number(0)]) && parsed["requested_hotel"] == .null)
        #expect(parsed["budget"] == .object(["amount": .number(6_000_000), "currency": .string("ZAR"), "per_person": .bool(false)]))
        #expect(parsed["method"]?.string == "rules")
        #expect(list.text.contains(#""requested_hotel":null"#) && list.text.contains(#""quote_id":null"#))
        let hand = try #require(data.first { $0["id"]?.string == manual.id }?["parsed"])
        #expect(hand["method"] == .null && hand["destination"] == .null && hand["budget"] == .null && hand["children_ages"] == .array([]))
        #expect(hand["is_travel_inquiry"] == .bool(false))
    }

    @Test func detailAddsTheThreadAndNextSteps() throws {
        let t = try TicketWorld.make("td")
        defer { t.drop() }
        let email = try t.emailTicket()
        for reference in [email.id, email.ref, email.ref.lowercased()] {
            let got = t.call(.get, "/api/v1/inbound/tickets/\(reference)")
            #expect(got.status == 200, "\(reference): \(got.text)")
            let ticket = try #require(got.json["ticket"])
            #expect(ticket["id"]?.string == email.id && ticket["source"]?.string == "email")
            #expect(ticket["missing"] == .array([]) && ticket["notes"]?.string == "" && ticket["assigned_to"] == .null)
            #expect(ticket["client_id"] == .null && ticket["next_statuses"] == .array([.string("closed"), .string("in_progress")]))
            let first = try #require(ticket["conversation"]?.array?.first)
            #expect(first["role"]?.string == "customer" && first["message_id"]?.string == "<inq-1@mail.example>")
            #expect(ticket["updated_at"]?.string?.hasSuffix("Z") == true)
        }
        for missing in ["TKT-20270101-ABCDEF", "00000000-0000-4000-8000-000000000000", "nonsense", "TKT-2027-XYZ"] {
            #expect(t.call(.get, "/api/v1/inbound/tickets/\(missing)").status == 404)
        }
    }

    @Test func filtersSearchAndValidation() throws {
        let t = try TicketWorld.make("tf")
        defer { t.drop() }
        let email = try t.emailTicket(subject: "100% sure: Zanzibar")
        let urgent = try t.manualTicket(subject: "Lost passport", name: "Ann_Other", email: "ann@example.com", priority: "urgent")
        try t.force(urgent.id, status: "in_progress")
        func ids(_ query: String) -> [String] {
            t.call(.get, "/api/v1/inbound/tickets?" + query).json["data"]?.array?.compactMap { $0["id"]?.string } ?? ["failed"]
        }
        #expect(ids("status=open") == [email.id])
        #expect(ids("status=open,in_progress") == [urgent.id, email.id])
        #expect(ids("priority=urgent") == [urgent.id])
        #expect(ids("priority=low").isEmpty)
        #expect(ids("q=passport") == [urgent.id])
        #expect(ids("q=ZOE%40EXAMPLE") == [email.id], "email, ignoring case")
        #expect(ids("q=%25") == [email.id], "% matches literally")
        #expect(ids("q=s_r") == [], "_ matches literally")
        #expect(ids("q=Ann_") == [urgent.id])
        for (query, field) in [("status=pending", "status"), ("priority=asap", "priority"), ("limit=0", "limit"),
                               ("limit=201", "limit"), ("limit=x", "limit"), ("cursor=bm9wZQ", "cursor"), ("cursor=%21%21", "cursor")] {
            let refused = t.call(.get, "/api/v1/inbound/tickets?" + query)
            #expect(refused.status == 422 && refused.json["error"]?["field"]?.string == field, "\(query): \(refused.text)")
        }
    }

    @Test func keysetPagesVisitEveryTicketOnce() throws {
        let t = try TicketWorld.make("tp")
        defer { t.drop() }
        var made: [String] = []
        for index in 0..<5 { made.append(try t.manualTicket(subject: "Ticket \(index)").id) }
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let page = t.call(.get, "/api/v1/inbound/tickets?limit=2" + (cursor.map { "&cursor=" + $0 } ?? ""))
            try #require(page.status == 200, "\(page.text)")
            seen += page.json["data"]?.array?.compactMap { $0["id"]?.string } ?? []
            cursor = page.json["next_cursor"]?.string
            pages += 1
        } while cursor != nil && pages < 10
        #expect(pages == 3)
        #expect(seen == made.reversed(), "newest first, each once")
    }

    @Test func manualTicketsAreValidated() throws {
        let t = try TicketWorld.make("tm")
        defer { t.drop() }
        let (id, ref) = try t.manualTicket()
        let ticket = try #require(t.call(.get, "/api/v1/inbound/tickets/\(ref)").json["ticket"])
        #expect(ticket["source"]?.string == "phone" && ticket["customer"]?["phone"]?.string == "+27 21 555 0100")
        #expect(try t.activities(id).map(\.kind) == ["created"])
        for (body, field) in [
            (#"{"message":"m","customer":{"name":"A"}}"#, "subject"),
            (#"{"subject":"s","customer":{"name":"A"}}"#, "message"),
            (#"{"subject":"s","message":"m","customer":{"email":"not-an-email"}}"#, "customer.email"),
            (#"{"subject":"s","message":"m","customer":{}}"#, "customer"),
            (#"{"subject":"s","message":"m","customer":{"name":"A"},"source":"email"}"#, "source"),
            (#"{"subject":"s","message":"m","customer":{"name":"A"},"priority":"asap"}"#, "priority"),
            (#"{"subject":"a\nb","message":"m","customer":{"name":"A"}}"#, "subject"),
        ] {
            let refused = t.call(.post, "/api/v1/inbound/tickets", json: body)
            #expect(refused.status == 422 && refused.json["error"]?["field"]?.string == field, "\(body): \(refused.text)")
        }
        #expect(t.call(.get, "/api/v1/inbound/tickets").json["data"]?.array?.count == 1)
    }
}
