import Runtime
import RuntimePostgres
import Testing

@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct AuthTests {
    @Test func loginReturnsTheContractShape() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("login")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let result = harness.call(.post, "/api/v1/auth/login", json: """
            {"email":"\(tenant.adminEmail.uppercased())","password":"\(tenant.adminPassword)"}
            """)
        #expect(result.status == 200)
        #expect(result.json["token_type"]?.string == "Bearer")
        #expect(result.json["expires_in"]?.number == 900)
        #expect(result.json["user"]?["tenant_id"]?.string == tenant.id)
        #expect(result.json["user"]?["role"]?.string == "admin")
        #expect(result.json["user"]?["email"]?.string == tenant.adminEmail)
        #expect(!result.text.contains("password_hash") && !result.text.contains("$argon2id$"))
        let access = try #require(result.json["access_token"]?.string)
        let me = harness.call(.get, "/api/v1/auth/me", token: access)
        #expect(me.status == 200)
        #expect(me.json["tenant"]?["tenant_id"]?.string == tenant.id)
    }

    @Test func wrongPasswordAndUnknownEmailAnswerAlike() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("alike")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let wrong = harness.call(.post, "/api/v1/auth/login", json: #"{"email":"\#(tenant.adminEmail)","password":"nope-nope-nope"}"#)
        let unknown = harness.call(.post, "/api/v1/auth/login", json: #"{"email":"nobody@nowhere.example","password":"nope-nope-nope"}"#)
        #expect(wrong.status == 401 && unknown.status == 401)
        #expect(wrong.json["error"]?["code"] == unknown.json["error"]?["code"])
        #expect(wrong.json["error"]?["message"] == unknown.json["error"]?["message"])
        #expect(harness.call(.post, "/api/v1/auth/login", json: #"{"email":"x"}"#).status == 422)
        #expect(harness.call(.post, "/api/v1/auth/login", json: #"{"email":"#).status == 400)
    }

    @Test func theAccountLocksAfterRepeatedFailuresAndTheLockSurvivesARestart() throws {
        let harness = try IdentityHarness(extra: ["LOGIN_MAX_FAILURES": "3", "LOCKOUT_SECONDS": "600"])
        let tenant = try harness.makeTenant("lock")
        defer { IdentityHarness.dropTenant(tenant.id) }
        for _ in 0..<3 {
            harness.call(.post, "/api/v1/auth/login", json: #"{"email":"\#(tenant.adminEmail)","password":"bad-password-x"}"#)
        }
        // A different "process" (new caches, new connections) from a different address: still locked.
        let restarted = try IdentityHarness(extra: ["LOGIN_MAX_FAILURES": "3", "LOCKOUT_SECONDS": "600"])
        let right = restarted.call(.post, "/api/v1/auth/login", json: #"{"email":"\#(tenant.adminEmail)","password":"\#(tenant.adminPassword)"}"#)
        #expect(right.status == 401)
        #expect(right.errorCode == "invalid_credentials")
        try IdentityHarness.owner().query("UPDATE users SET locked_until = now() - interval '1 second' WHERE tenant_id = \(tenant.id)")
        #expect(restarted.call(.post, "/api/v1/auth/login", json: #"{"email":"\#(tenant.adminEmail)","password":"\#(tenant.adminPassword)"}"#).status == 200)
    }

    @Test func oneAddressFailingTooOftenIsThrottled() throws {
        let harness = try IdentityHarness()
        var statuses: [Int] = []
        for index in 0..<22 {
            statuses.append(harness.call(.post, "/api/v1/auth/login", json: #"{"email":"ghost\#(index)@x.example","password":"whatever-1"}"#).status)
        }
        #expect(statuses.prefix(20).allSatisfy { $0 == 401 })
        #expect(statuses.last == 429)
    }

    @Test func refreshRotatesAndReuseRevokesTheFamily() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("rotate")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let first = try harness.login(tenant.adminEmail, tenant.adminPassword)
        let rotated = harness.call(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(first.refresh)"}"#)
        #expect(rotated.status == 200)
        let second = try #require(rotated.json["refresh_token"]?.string)
        #expect(second != first.refresh)
        // The old token again: reuse. The whole family is revoked, including the new token.
        let reuse = harness.call(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(first.refresh)"}"#)
        #expect(reuse.status == 401)
        #expect(reuse.errorCode == "token_reused")
        #expect(harness.call(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(second)"}"#).status == 401)
        // Another login is a new family and works.
        let other = try harness.login(tenant.adminEmail, tenant.adminPassword)
        #expect(harness.call(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(other.refresh)"}"#).status == 200)
        #expect(harness.call(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"rt_not-a-real-token-at-all-000000"}"#).status == 401)
    }

    @Test func logoutEndsTheSession() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("logout")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let session = try harness.login(tenant.adminEmail, tenant.adminPassword)
        #expect(harness.call(.post, "/api/v1/auth/logout", json: #"{"refresh_token":"\#(session.refresh)"}"#).status == 204)
        #expect(harness.call(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(session.refresh)"}"#).status == 401)
    }

    @Test func badTokensAndForeignTenantHeadersAreRefused() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("tokens")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let session = try harness.login(tenant.adminEmail, tenant.adminPassword)
        #expect(harness.call(.get, "/api/v1/auth/me").status == 401)
        #expect(harness.call(.get, "/api/v1/auth/me", token: "garbage").status == 401)
        var tampered = Array(session.access)
        tampered[tampered.count - 2] = tampered[tampered.count - 2] == "A" ? "B" : "A"
        #expect(harness.call(.get, "/api/v1/auth/me", token: String(tampered)).status == 401)
        let parts = session.access.split(separator: ".")
        let unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + parts[1] + "."
        #expect(harness.call(.get, "/api/v1/auth/me", token: unsigned).status == 401)
        let otherSecret = try IdentityHarness(extra: ["JWT_SECRET": "a-completely-different-secret-0123456789"])
        #expect(otherSecret.call(.get, "/api/v1/auth/me", token: session.access).status == 401)
        #expect(harness.call(.get, "/api/v1/auth/me", token: session.access, headers: ["x-client-id": tenant.id]).status == 200)
        let mismatch = harness.call(.get, "/api/v1/auth/me", token: session.access, headers: ["x-client-id": "someone-else"])
        #expect(mismatch.status == 403)
        #expect(mismatch.errorCode == "tenant_mismatch")
        var statuses: [Int] = []
        for _ in 0..<3 {
            statuses.append(harness.call(.get, "/api/v1/auth/me", token: session.access, headers: ["x-client-id": "someone-else"]).status)
        }
        #expect(statuses.last == 429)
    }
}
