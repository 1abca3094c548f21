import Runtime
import Testing

/// `PATCH/PUT /api/v1/tenant/config` refuses addresses, subusers and numbers another tenant routes by (409), so no
/// agency can divert another's inbound mail or calls by copying them (migration 0012).
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct RoutingClaimsTests {
    static let domain = "in.travel.example"

    func patch(_ harness: IdentityHarness, _ token: String, _ json: String) -> IdentityHarness.Result {
        harness.call(.patch, "/api/v1/tenant/config", token: token, headers: ["content-type": "application/merge-patch+json"],
                     json: json)
    }

    @Test func anotherTenantsAddressSubuserOrNumberIsRefused() throws {
        let harness = try IdentityHarness(extra: ["INBOUND_EMAIL_DOMAIN": Self.domain])
        let a = try harness.makeTenant("claim-a")
        defer { IdentityHarness.dropTenant(a.id) }
        let b = try harness.makeTenant("claim-b")
        defer { IdentityHarness.dropTenant(b.id) }
        let adminA = try harness.login(a.adminEmail, a.adminPassword).access
        let adminB = try harness.login(b.adminEmail, b.adminPassword).access
        let phone = "+2721" + String(Int.random(in: 1_000_000...9_999_999))
        let subuser = "sub-" + a.id
        let held = patch(harness, adminA, """
            {"email":{"support_address":"desk@\(a.id).example.com","primary_address":"owner@\(a.id).example.com",
                      "inbound_subuser":"\(subuser)"},"voice":{"phone_number":"\(phone)"}}
            """)
        try #require(held.status == 200, "\(held.text)")

        let clashes: [(String, String)] = [
            (#"{"email":{"support_address":"DESK@\#(a.id).example.com"}}"#, "email.support_address"),
            (#"{"email":{"support_address":"owner@\#(a.id).example.com"}}"#, "email.support_address"),
            (#"{"email":{"primary_address":"desk@\#(a.id).example.com"}}"#, "email.primary_address"),
            (#"{"email":{"inbound_subuser":"\#(subuser.uppercased())"}}"#, "email.inbound_subuser"),
            (#"{"email":{"inbound_subuser":"\#(a.id)"}}"#, "email.inbound_subuser"),
            (#"{"email":{"support_address":"\#(subuser)+quotes@\#(Self.domain)"}}"#, "email.support_address"),
            (#"{"voice":{"phone_number":"\#(phone)"}}"#, "voice.phone_number"),
        ]
        for (body, field) in clashes {
            let refused = patch(harness, adminB, body)
            #expect(refused.status == 409, "\(body): \(refused.text)")
            #expect(refused.errorCode == "routing_claim_taken", "\(body)")
            #expect(refused.json["error"]?["field"]?.string == field, "\(body): \(refused.text)")
            let message = refused.json["error"]?["message"]?.string ?? a.id
            #expect(!message.contains(a.id), "the holder is not named: \(refused.text)")
        }
        let replaced = harness.call(.put, "/api/v1/tenant/config", token: adminB,
                                    json: #"{"voice":{"phone_number":"\#(phone)"}}"#)
        #expect(replaced.status == 409 && replaced.json["error"]?["field"]?.string == "voice.phone_number", "PUT too")
        let config = harness.call(.get, "/api/v1/tenant/config", token: adminB).json
        #expect(config["email"]?["support_address"] == .null && config["voice"]?["phone_number"] == .null,
                "a refused change stores nothing")

        let own = patch(harness, adminB, #"{"email":{"support_address":"desk@\#(b.id).example.com"},"voice":{"phone_number":"+2721\#(Int.random(in: 1_000_000...9_999_999))"}}"#)
        #expect(own.status == 200, "B's own values: \(own.text)")
        let unrelated = patch(harness, adminA, #"{"inbound":{"mode":"draft"}}"#)
        #expect(unrelated.status == 200, "A keeps saving with its own claims unchanged: \(unrelated.text)")
    }
}
