import Runtime
import RuntimePostgres
import Testing

/// Every tenant route, called with tenant A's credentials and tenant B's ids or headers, answers 403/404
/// and never shows B's data.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct CrossTenantTests {
    @Test func aTenantCannotReachAnotherTenantsData() throws {
        let harness = try IdentityHarness()
        let a = try harness.makeTenant("xa")
        let b = try harness.makeTenant("xb")
        defer { IdentityHarness.dropTenant(a.id); IdentityHarness.dropTenant(b.id) }
        let tokenA = try harness.login(a.adminEmail, a.adminPassword).access
        let tokenB = try harness.login(b.adminEmail, b.adminPassword).access
        // B's ids.
        let userB = try #require(harness.call(.get, "/api/v1/users", token: tokenB).json["data"]?.array?.first?["id"]?.string)
        let invitationB = try #require(harness.call(.post, "/api/v1/invitations", token: tokenB,
                                                    json: #"{"email":"x@\#(b.id).example.com","role":"consultant"}"#).json["invitation"]?["id"]?.string)
        harness.call(.patch, "/api/v1/tenant/config", token: tokenB, json: #"{"branding":{"company_name":"Secret B Brand"}}"#)

        for (method, path, body) in [
            (HTTPMethod.get, "/api/v1/users/\(userB)", nil as String?),
            (.patch, "/api/v1/users/\(userB)", #"{"name":"hijack"}"#),
            (.delete, "/api/v1/users/\(userB)", nil),
            (.post, "/api/v1/invitations/\(invitationB)/resend", nil),
            (.delete, "/api/v1/invitations/\(invitationB)", nil),
        ] {
            let result = harness.call(method, path, token: tokenA, json: body)
            #expect(result.status == 404, "\(method) \(path) → \(result.status)")
        }
        let listed = harness.call(.get, "/api/v1/users", token: tokenA).text
        #expect(!listed.contains(userB) && !listed.contains(b.adminEmail))
        let invitations = harness.call(.get, "/api/v1/invitations", token: tokenA).text
        #expect(!invitations.contains(invitationB))
        #expect(!harness.call(.get, "/api/v1/tenant/config", token: tokenA).text.contains("Secret B Brand"))
        #expect(harness.call(.get, "/api/v1/auth/me", token: tokenA).json["tenant"]?["tenant_id"]?.string == a.id)

        // Naming B in X-Client-ID with A's token: 403 on every tenant route.
        for (method, path, body) in [
            (HTTPMethod.get, "/api/v1/auth/me", nil as String?), (.get, "/api/v1/tenant/config", nil),
            (.patch, "/api/v1/tenant/config", #"{"inbound":{"mode":"draft"}}"#), (.get, "/api/v1/users", nil),
            (.get, "/api/v1/invitations", nil), (.post, "/api/v1/invitations", #"{"email":"y@a.example.com","role":"consultant"}"#),
            (.post, "/api/v1/auth/password/change", #"{"current_password":"x","new_password":"Whatever-123"}"#),
        ] {
            let fresh = try IdentityHarness()
            let result = fresh.call(method, path, token: tokenA, headers: ["x-client-id": b.id], json: body)
            #expect(result.status == 403, "\(method) \(path) with X-Client-ID of B → \(result.status)")
        }
        // B's state is untouched.
        let userBAfter = harness.call(.get, "/api/v1/users/\(userB)", token: tokenB)
        #expect(userBAfter.json["user"]?["name"]?.string != "hijack")
        #expect(userBAfter.json["user"]?["is_active"]?.bool == true)
    }

    @Test func consultantsCannotAdminister() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("roles")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let admin = try harness.login(tenant.adminEmail, tenant.adminPassword)
        let email = "consultant@\(tenant.id).example.com"
        #expect(harness.call(.post, "/api/v1/invitations", token: admin.access, json: #"{"email":"\#(email)","role":"consultant"}"#).status == 201)
        let token = try harness.mailedToken(to: email, prefix: "inv_")
        let accepted = harness.call(.post, "/api/v1/invitations/accept", json: #"{"token":"\#(token)","password":"Consultant-pass-1","name":"Cleo"}"#)
        let consultant = try #require(accepted.json["access_token"]?.string)
        #expect(harness.call(.get, "/api/v1/tenant/config", token: consultant).status == 200)
        #expect(harness.call(.patch, "/api/v1/tenant/config", token: consultant, json: #"{"inbound":{"mode":"draft"}}"#).status == 403)
        #expect(harness.call(.get, "/api/v1/users", token: consultant).status == 403)
        #expect(harness.call(.post, "/api/v1/invitations", token: consultant, json: #"{"email":"z@x.example.com","role":"admin"}"#).status == 403)
        #expect(harness.call(.get, "/api/v1/admin/tenants", token: consultant).status == 401)
    }
}
