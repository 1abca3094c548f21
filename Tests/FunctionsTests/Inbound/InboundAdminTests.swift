import InboundFunction
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// Platform-admin diagnostics for inbound mail: routing answers, the message lists, details and re-processing.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct InboundAdminTests {
    static let domain = "in.routing-tests.example"

    static func harness() throws -> IdentityHarness {
        try IdentityHarness(extra: ["INBOUND_EMAIL_DOMAIN": domain], function: "inbound", routes: InboundFunction.routes)
    }

    /// Inserts a stored message as the webhook would have, with `status`; returns its id.
    static func insert(status: String, to: String, subject: String = "Trip", text: String = "2 adults to Zanzibar",
                       received: String? = nil, urlTenant: String? = nil) throws -> String {
        let fields = JSONValue.object([
            "headers": .string("From: Zoë <zoe@example.com>\r\nTo: \(to)\r\nSubject: \(subject)\r\n"),
            "from": .string("Zoë <zoe@example.com>"), "to": .string(to), "subject": .string(subject), "text": .string(text),
            "envelope": .string(#"{"to":["\#(to)"],"from":"zoe@example.com"}"#),
        ])
        let json = String(decoding: try JSON.encode(fields), as: UTF8.self)
        let key = "test:" + RequestID.generate()
        let row = try IdentityHarness.owner().query("""
            INSERT INTO inbound_messages (dedupe_key, form, url_tenant, fields, body_bytes, status, received_at)
            VALUES (\(key), 'parsed', \(urlTenant), \(json)::jsonb, 100, \(status), coalesce(\(received)::timestamptz, now()))
            RETURNING id::text AS id
            """).first
        return try #require(row?["id"])
    }

    static func delete(_ ids: [String]) {
        _ = try? IdentityHarness.owner().query("DELETE FROM inbound_messages WHERE id = ANY(\(PGTextArray(ids))::uuid[])")
    }

    /// A tenant whose admin is logged in; returns the tenant and an access token.
    static func tenant(_ harness: IdentityHarness, _ label: String) throws -> (IdentityHarness.Tenant, String) {
        let tenant = try harness.makeTenant(label)
        return (tenant, try harness.login(tenant.adminEmail, tenant.adminPassword).access)
    }

    @Test func everyRouteWantsThePlatformToken() throws {
        let harness = try Self.harness()
        let id = try Self.insert(status: "unroutable", to: "x@nowhere.example")
        let (tenant, token) = try Self.tenant(harness, "auth")
        defer {
            Self.delete([id])
            IdentityHarness.dropTenant(tenant.id)
        }
        let calls: [(HTTPMethod, String)] = [
            (.get, "/api/v1/inbound/admin/route?address=x@y.example"), (.get, "/api/v1/inbound/admin/messages"),
            (.get, "/api/v1/inbound/admin/messages/\(id)"), (.post, "/api/v1/inbound/admin/messages/\(id)/reprocess"),
        ]
        for (method, path) in calls {
            harness.remoteAddress = "203.0.113.7-" + RequestID.generate()  // stay under the failed-token throttle
            #expect(harness.call(method, path).status == 401, "\(path)")
            #expect(harness.call(method, path, headers: ["x-admin-token": "wrong-token-0123456789abcdef"]).status == 401)
            #expect(harness.call(method, path, token: token).status == 401, "a tenant admin is not a platform admin")
        }
        let status = try IdentityHarness.owner().query("SELECT status FROM inbound_messages WHERE id = \(id)::uuid").first?["status"]
        #expect(status == "unroutable")
    }

    @Test func routeExplainsWhichTenantAnAddressMapsTo() throws {
        let harness = try Self.harness()
        let (tenant, token) = try Self.tenant(harness, "route")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let support = "Desk@\(tenant.id).example.com"
        let patched = harness.call(.patch, "/api/v1/tenant/config", token: token, json: #"{"email":{"support_address":"\#(support)"}}"#)
        #expect(patched.status == 200, "\(patched.text)")
        let found = harness.call(.get, "/api/v1/inbound/admin/route?address=%22Desk%22%20%3C\(support)%3E", admin: true)
        #expect(found.status == 200, "\(found.text)")
        #expect(found.json["tenant_id"]?.string == tenant.id && found.json["strategy"]?.string == "support_address")
        #expect(found.json["matched"]?.string == support.lowercased() && found.json["inbound_domain"]?.string == Self.domain)
        let byDomain = harness.call(.get, "/api/v1/inbound/admin/route?address=\(tenant.id)@\(Self.domain)", admin: true)
        #expect(byDomain.json["strategy"]?.string == "inbound_address" && byDomain.json["tenant_id"]?.string == tenant.id)
        let tagged = harness.call(.get, "/api/v1/inbound/admin/route?address=q@nowhere.example&subject=%5BTENANT%3A\(tenant.id)%5D",
                                  admin: true)
        #expect(tagged.json["strategy"]?.string == "subject_tag")
        let header = harness.call(.get, "/api/v1/inbound/admin/route?address=q@nowhere.example&tenant_header=\(tenant.id)", admin: true)
        #expect(header.json["strategy"]?.string == "x_tenant_id")
        let none = harness.call(.get, "/api/v1/inbound/admin/route?address=q@nowhere-\(tenant.id).example", admin: true)
        #expect(none.status == 200 && none.json["tenant_id"] == .null && none.json["strategy"] == .null)
        #expect((none.json["tried"]?.array?.count ?? 0) >= 2)
        for bad in ["", "?address=", "?address=not-an-address"] {
            let refused = harness.call(.get, "/api/v1/inbound/admin/route" + bad, admin: true)
            #expect(refused.status == 422 && refused.json["error"]?["field"]?.string == "address")
        }
    }

    @Test func configRejectsBadRoutingKeysAndStoresThemLowerCase() throws {
        let harness = try Self.harness()
        let (tenant, token) = try Self.tenant(harness, "keys")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let bad = [
            (#"{"email":{"inbound_subuser":"-acme"}}"#, "email.inbound_subuser"),
            (#"{"email":{"inbound_subuser":"acme travel"}}"#, "email.inbound_subuser"),
            (#"{"email":{"inbound_subuser":"\#(String(repeating: "a", count: 65))"}}"#, "email.inbound_subuser"),
            (#"{"email":{"inbound_subuser":7}}"#, "email.inbound_subuser"),
            (#"{"email":{"primary_address":"owner.acme.example"}}"#, "email.primary_address"),
        ]
        for (patch, field) in bad {
            let result = harness.call(.patch, "/api/v1/tenant/config", token: token, json: patch)
            #expect(result.status == 422 && result.json["error"]?["field"]?.string == field, "\(patch): \(result.text)")
        }
        let good = harness.call(.patch, "/api/v1/tenant/config", token: token,
                                json: #"{"email":{"inbound_subuser":"\#(tenant.id.uppercased()).Desk_1","primary_address":"Owner@\#(tenant.id).example"}}"#)
        #expect(good.status == 200, "\(good.text)")
        #expect(good.json["email"]?["inbound_subuser"]?.string == "\(tenant.id).desk_1")
        #expect(good.json["email"]?["primary_address"]?.string == "owner@\(tenant.id).example")
        let routed = harness.call(.get, "/api/v1/inbound/admin/route?address=\(tenant.id.uppercased()).DESK_1@\(Self.domain)", admin: true)
        #expect(routed.json["tenant_id"]?.string == tenant.id && routed.json["strategy"]?.string == "inbound_address")
        let primary = harness.call(.get, "/api/v1/inbound/admin/route?address=owner@\(tenant.id).example", admin: true)
        #expect(primary.json["strategy"]?.string == "primary_address")
    }
}
