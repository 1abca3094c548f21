import Runtime
import RuntimePostgres
import Testing

@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct PasswordTests {
    @Test func resetByMailedTokenIsSingleUseAndEndsSessions() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("reset")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let session = try harness.login(tenant.adminEmail, tenant.adminPassword)
        let requested = harness.call(.post, "/api/v1/auth/password/reset", json: #"{"email":"\#(tenant.adminEmail)"}"#)
        #expect(requested.status == 202)
        let unknown = harness.call(.post, "/api/v1/auth/password/reset", json: #"{"email":"nobody@nowhere.example"}"#)
        #expect(unknown.status == 202, "unknown addresses answer the same")
        let token = try harness.mailedToken(to: tenant.adminEmail, prefix: "pwr_")
        #expect(harness.call(.post, "/api/v1/auth/password/reset/confirm", json: #"{"token":"\#(token)","new_password":"short"}"#).status == 422)
        let confirmed = harness.call(.post, "/api/v1/auth/password/reset/confirm", json: #"{"token":"\#(token)","new_password":"Brand-new-password-9"}"#)
        #expect(confirmed.status == 204)
        #expect(harness.call(.post, "/api/v1/auth/password/reset/confirm", json: #"{"token":"\#(token)","new_password":"Again-new-password-9"}"#).status == 400)
        #expect(harness.call(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(session.refresh)"}"#).status == 401)
        _ = try harness.login(tenant.adminEmail, "Brand-new-password-9")
        #expect(harness.call(.post, "/api/v1/auth/login", json: #"{"email":"\#(tenant.adminEmail)","password":"\#(tenant.adminPassword)"}"#).status == 401)
    }

    @Test func changingThePasswordNeedsTheCurrentOne() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("change")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let session = try harness.login(tenant.adminEmail, tenant.adminPassword)
        let wrong = harness.call(.post, "/api/v1/auth/password/change", token: session.access,
                                 json: #"{"current_password":"not-it-at-all","new_password":"Fresh-password-77"}"#)
        #expect(wrong.status == 422)
        #expect(wrong.json["error"]?["field"]?.string == "current_password")
        let changed = harness.call(.post, "/api/v1/auth/password/change", token: session.access,
                                   json: #"{"current_password":"\#(tenant.adminPassword)","new_password":"Fresh-password-77"}"#)
        #expect(changed.status == 204)
        #expect(harness.call(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(session.refresh)"}"#).status == 401)
        _ = try harness.login(tenant.adminEmail, "Fresh-password-77")
    }
}
