import Runtime
import RuntimePostgres
import Testing

@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct UsersAndConfigTests {
    @Test func adminsManageUsersButNeverThemselvesOrTheLastAdmin() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("users")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let admin = try harness.login(tenant.adminEmail, tenant.adminPassword)
        let me = try #require(harness.call(.get, "/api/v1/auth/me", token: admin.access).json["user"]?["id"]?.string)
        #expect(harness.call(.patch, "/api/v1/users/\(me)", token: admin.access, json: #"{"role":"consultant"}"#).errorCode == "cannot_change_self")
        #expect(harness.call(.delete, "/api/v1/users/\(me)", token: admin.access).errorCode == "cannot_change_self")
        #expect(harness.call(.get, "/api/v1/users/not-a-uuid", token: admin.access).status == 404)
        #expect(harness.call(.patch, "/api/v1/users/\(me)", token: admin.access, json: #"{"role":"owner"}"#).status == 422)

        let email = "helper@\(tenant.id).example.com"
        harness.call(.post, "/api/v1/invitations", token: admin.access, json: #"{"email":"\#(email)","role":"consultant","name":"Hal"}"#)
        let token = try harness.mailedToken(to: email, prefix: "inv_")
        let accepted = harness.call(.post, "/api/v1/invitations/accept", json: #"{"token":"\#(token)","password":"Helper-password-1"}"#)
        let helper = try #require(accepted.json["user"]?["id"]?.string)
        let helperToken = try #require(accepted.json["access_token"]?.string)
        #expect(harness.call(.post, "/api/v1/invitations", token: admin.access, json: #"{"email":"\#(email)","role":"consultant"}"#)
            .errorCode == "already_member")
        let promoted = harness.call(.patch, "/api/v1/users/\(helper)", token: admin.access, json: #"{"role":"admin"}"#)
        #expect(promoted.json["user"]?["role"]?.string == "admin")
        #expect(harness.call(.get, "/api/v1/users", token: helperToken).status == 200, "the new role applies at once")
        #expect(harness.call(.delete, "/api/v1/users/\(helper)", token: admin.access).status == 204)
        #expect(harness.call(.get, "/api/v1/auth/me", token: helperToken).status == 401)
        let listed = harness.call(.get, "/api/v1/users?limit=1", token: admin.access)
        #expect(listed.json["total"]?.number == 2)
        #expect(listed.json["data"]?.array?.count == 1)
    }

    @Test func invitationsCanBeListedResentAndRevoked() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("inv")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let admin = try harness.login(tenant.adminEmail, tenant.adminPassword)
        let email = "guest@\(tenant.id).example.com"
        let created = harness.call(.post, "/api/v1/invitations", token: admin.access, json: #"{"email":"\#(email)","role":"consultant"}"#)
        #expect(created.status == 201)
        #expect(created.json["invitation"]?["status"]?.string == "pending")
        #expect(!created.text.contains("inv_"), "the token is mailed, never returned")
        let first = try harness.mailedToken(to: email, prefix: "inv_")
        let id = try #require(created.json["invitation"]?["id"]?.string)
        let resent = harness.call(.post, "/api/v1/invitations/\(id)/resend", token: admin.access)
        #expect(resent.status == 200)
        let second = try harness.mailedToken(to: email, prefix: "inv_")
        #expect(first != second)
        #expect(harness.call(.post, "/api/v1/invitations/accept", json: #"{"token":"\#(first)","password":"Guest-password-1"}"#).status == 400)
        let newID = try #require(resent.json["invitation"]?["id"]?.string)
        #expect(harness.call(.delete, "/api/v1/invitations/\(newID)", token: admin.access).status == 204)
        #expect(harness.call(.post, "/api/v1/invitations/accept", json: #"{"token":"\#(second)","password":"Guest-password-1"}"#).status == 400)
        #expect(harness.call(.get, "/api/v1/invitations?status=revoked", token: admin.access).json["total"]?.number == 2)
    }

    @Test func configReadsDefaultsMergesPatchesAndValidates() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("config")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let admin = try harness.login(tenant.adminEmail, tenant.adminPassword).access
        let initial = harness.call(.get, "/api/v1/tenant/config", token: admin)
        #expect(initial.json["inbound"]?["mode"]?.string == "ticket")
        #expect(initial.json["quotes"]?["validity_days"]?.number == 14)
        #expect(initial.json["pricing"]?["currency"]?.string == "ZAR")
        let patched = harness.call(.patch, "/api/v1/tenant/config", token: admin,
                                   headers: ["content-type": "application/merge-patch+json"],
                                   json: #"{"inbound":{"mode":"auto_send"},"destinations":[{"name":"Zanzibar","aliases":["Unguja"]}]}"#)
        #expect(patched.status == 200, "\(patched.text)")
        let reread = harness.call(.get, "/api/v1/tenant/config", token: admin)
        #expect(reread.json["inbound"]?["mode"]?.string == "auto_send")
        #expect(reread.json["quotes"]?["validity_days"]?.number == 14, "untouched sections keep their values")
        #expect(reread.json["destinations"]?.array?.first?["name"]?.string == "Zanzibar")
        let invalid = harness.call(.patch, "/api/v1/tenant/config", token: admin, json: #"{"quotes":{"validity_days":0}}"#)
        #expect(invalid.status == 422)
        #expect(invalid.json["error"]?["field"]?.string == "quotes.validity_days")
        #expect(harness.call(.patch, "/api/v1/tenant/config", token: admin, json: #"[1,2]"#).status == 400)
        #expect(harness.call(.get, "/api/v1/tenant/config", token: admin).json["inbound"]?["mode"]?.string == "auto_send",
                "a refused patch changes nothing")
        let replaced = harness.call(.put, "/api/v1/tenant/config", token: admin, json: #"{"inbound":{"mode":"draft"}}"#)
        #expect(replaced.json["inbound"]?["mode"]?.string == "draft")
        #expect(replaced.json["destinations"]?.array?.isEmpty == true, "PUT replaces: unspecified sections return to defaults")
    }
}
