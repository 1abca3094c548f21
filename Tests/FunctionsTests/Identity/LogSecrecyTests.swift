import Runtime
import RuntimePostgres
import RuntimeTesting
import Testing

/// No secret — password, access or refresh token, reset or invitation token, password hash, admin token —
/// appears in any log line or response body.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct LogSecrecyTests {
    @Test func secretsNeverReachLogsOrResponses() throws {
        let capture = LogCapture()
        let harness = try IdentityHarness(capture: capture)
        let tenant = try harness.makeTenant("secrets")
        defer { IdentityHarness.dropTenant(tenant.id) }
        var bodies: [String] = []
        var secrets = [tenant.adminPassword, IdentityHarness.adminToken, IdentityHarness.jwtSecret, "$argon2id$"]
        let session = try harness.login(tenant.adminEmail, tenant.adminPassword)
        secrets += [session.access, session.refresh]
        bodies.append(harness.call(.post, "/api/v1/auth/login", json: #"{"email":"\#(tenant.adminEmail)","password":"Wrong-Password-123"}"#).text)
        secrets.append("Wrong-Password-123")
        let rotated = harness.call(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(session.refresh)"}"#)
        secrets += [rotated.json["refresh_token"]?.string, rotated.json["access_token"]?.string].compactMap { $0 }
        bodies.append(harness.call(.post, "/api/v1/auth/refresh", json: #"{"refresh_token":"\#(session.refresh)"}"#).text)
        harness.call(.post, "/api/v1/auth/password/reset", json: #"{"email":"\#(tenant.adminEmail)"}"#)
        let reset = try harness.mailedToken(to: tenant.adminEmail, prefix: "pwr_")
        secrets += [reset, "Reset-password-456"]
        bodies.append(harness.call(.post, "/api/v1/auth/password/reset/confirm", json: #"{"token":"\#(reset)","new_password":"Reset-password-456"}"#).text)
        bodies.append(harness.call(.get, "/api/v1/admin/tenants", headers: ["x-admin-token": "Guessed-admin-token-000"]).text)
        secrets.append("Guessed-admin-token-000")
        bodies.append(harness.call(.get, "/api/v1/auth/me", token: session.access + "x").text)
        bodies.append(harness.call(.get, "/api/v1/admin/tenants/\(tenant.id)", admin: true).text)
        bodies.append(harness.call(.get, "/api/v1/admin/audit-log", admin: true).text)
        let lines = capture.lines
        #expect(lines.count > 5)
        for secret in secrets where !secret.isEmpty {
            for line in lines { #expect(!line.contains(secret), "a log line holds a secret: \(line.prefix(200))") }
            for body in bodies { #expect(!body.contains(secret), "a response holds a secret") }
        }
    }
}
