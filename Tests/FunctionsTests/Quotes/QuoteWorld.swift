import QuotesFunction
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// A tenant ready to quote: destinations, a sender, pricing rules and a small rate table for Zanzibar, plus the
/// harness that runs tenant-admin and quotes in-process against the test database.
///
/// Rates (ZAR, prices per person; margin 10 %, rounded to whole rand):
/// - Palm Beach Resort, Deluxe Room, Half Board — 7-night package, 2027-01-01…2027-12-31:
///   sharing R 10,000, single R 14,000, child R 5,000, infant R 0 → marked up 11,000 / 15,400 / 5,500 / 0.
/// - Coral Lodge, Garden Room, Bed & Breakfast — per night 2027-01-01…2027-12-31: sharing R 1,200, single R 1,800,
///   child R 600 → 7 nights 8,400 / 12,600 / 4,200 → marked up 9,240 / 13,860 / 4,620.
/// - Serena Hotel, Ocean Suite, Full Board — 7-night package 2027-03-01…2027-03-31 only: sharing R 20,000.
struct QuoteWorld {
    let harness: IdentityHarness
    let tenant: IdentityHarness.Tenant
    let admin: String

    static func make(_ label: String, harness: IdentityHarness? = nil) throws -> QuoteWorld {
        let harness = try harness ?? IdentityHarness(function: "quotes", routes: QuotesFunction.routes)
        let tenant = try harness.makeTenant(label)
        let admin = try harness.login(tenant.adminEmail, tenant.adminPassword).access
        let configured = harness.call(.patch, "/api/v1/tenant/config", token: admin, json: """
            {"destinations":[{"name":"Zanzibar","aliases":["Unguja"]},{"name":"Cape Town"}],
             "email":{"from_address":"quotes@\(tenant.id).example.com","from_name":"Sunny Travel"},
             "pricing":{"margin_percent":10,"round_to":100},"quotes":{"validity_days":14,"terms":"Deposit 30 % to confirm."}}
            """)
        try #require(configured.status == 200, "config: \(configured.text)")
        let world = QuoteWorld(harness: harness, tenant: tenant, admin: admin)
        try world.addHotel("Palm Beach Resort", rating: 5, room: "Deluxe Room", meal: "Half Board", from: "2027-01-01",
                           to: "2027-12-31", nights: 7, sharing: 1_000_000, single: 1_400_000, child: 500_000, infant: 0)
        try world.addHotel("Coral Lodge", rating: 3.5, room: "Garden Room", meal: "Bed & Breakfast", from: "2027-01-01",
                           to: "2027-12-31", nights: nil, sharing: 120_000, single: 180_000, child: 60_000, infant: nil)
        try world.addHotel("Serena Hotel", rating: 5, room: "Ocean Suite", meal: "Full Board", from: "2027-03-01",
                           to: "2027-03-31", nights: 7, sharing: 2_000_000, single: nil, child: nil, infant: nil)
        return world
    }

    func addHotel(_ name: String, rating: Double, room: String, meal: String, from: String, to: String, nights: Int?,
                  sharing: Int64, single: Int64?, child: Int64?, infant: Int64?, destination: String = "Zanzibar") throws {
        let owner = try IdentityHarness.owner()
        let hotel = try #require(try owner.query("""
            INSERT INTO hotels (tenant_id, destination, name, rating) VALUES (\(tenant.id), \(destination), \(name), \(rating))
            ON CONFLICT (tenant_id, lower(destination), lower(name)) DO UPDATE SET rating = EXCLUDED.rating
            RETURNING id::text AS id
            """).first?.string("id"))
        try owner.query("""
            INSERT INTO rates (tenant_id, hotel_id, room_type, meal_plan, valid_from, valid_to, nights, currency,
                               adult_sharing, single, child, infant)
            VALUES (\(tenant.id), \(hotel)::uuid, \(room), \(meal), \(from)::date, \(to)::date, \(nights), 'ZAR',
                    \(sharing), \(single), \(child), \(infant))
            """)
    }

    /// A consultant who can log in; returns (user id, access token).
    func addConsultant(_ name: String) throws -> (id: String, token: String) {
        let email = name.lowercased().replacingSpaces + "@\(tenant.id).example.com"
        let password = "Consultant-pass-1"
        let hash = try #require(PasswordHasher(memoryKiB: 1024, iterations: 1).hash(password))
        let id = try #require(try IdentityHarness.owner().query("""
            INSERT INTO users (tenant_id, email, name, role, password_hash) VALUES (\(tenant.id), \(email), \(name), 'consultant', \(hash))
            RETURNING id::text AS id
            """).first?.string("id"))
        return (id, try harness.login(email, password).access)
    }

    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil) -> IdentityHarness.Result {
        harness.call(method, path, token: token ?? admin, json: json)
    }

    /// A generate body for Zanzibar in March 2027 (dates in the future, inside every rate window).
    static func inquiry(name: String = "Zoë Ñúñez", email: String = "zoe@example.com", checkIn: String = "2027-03-10",
                        checkOut: String = "2027-03-17", adults: Int = 2, ages: [Int] = [], extra: String = "",
                        send: Bool = true, draft: Bool = false) -> String {
        """
        {"inquiry":{"name":"\(name)","email":"\(email)","destination":"zanzibar","check_in":"\(checkIn)",
          "check_out":"\(checkOut)","adults":\(adults),"children_ages":\(ages)\(extra)},
         "send_email":\(send),"save_as_draft":\(draft)}
        """
    }

    /// Sets a quote's status directly (to test transitions from every state).
    func force(_ quoteUUID: String, status: String) throws {
        try IdentityHarness.owner().query("UPDATE quotes SET status = \(status) WHERE id = \(quoteUUID)::uuid")
    }

    func activities(_ quoteUUID: String) throws -> [(kind: String, from: String?, to: String?)] {
        try IdentityHarness.owner().query("""
            SELECT kind, from_status, to_status FROM activities WHERE subject_id = \(quoteUUID)::uuid ORDER BY created_at, id
            """).all.map { (try $0.string("kind"), $0["from_status"], $0["to_status"]) }
    }
}

extension String {
    var replacingSpaces: String { String(map { $0 == " " ? "." : $0 }) }
}
