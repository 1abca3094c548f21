import Runtime
import RuntimePostgres
import Testing

@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct AdminTenantTests {
    @Test func theAdminTokenIsRequiredComparedAndThrottled() throws {
        let unconfigured = try IdentityHarness(extra: ["ADMIN_API_TOKEN": ""])
        #expect(unconfigured.call(.get, "/api/v1/admin/tenants", admin: true).status == 503)
        let harness = try IdentityHarness()
        #expect(harness.call(.get, "/api/v1/admin/tenants").status == 401)
        #expect(harness.call(.get, "/api/v1/admin/tenants", headers: ["x-admin-token": "wrong"]).status == 401)
        #expect(harness.call(.get, "/api/v1/admin/tenants", admin: true).status == 200)
        var last = 0
        for _ in 0..<12 { last = harness.call(.get, "/api/v1/admin/tenants", headers: ["x-admin-token": "guess"]).status }
        #expect(last == 429)
        let blocked = harness.call(.get, "/api/v1/admin/tenants", admin: true)
        #expect(blocked.status == 429, "a blocked address stays blocked even with the right token")
        #expect(blocked.response.headers["retry-after"] != nil)
    }

    @Test func creatingATenantValidatesAndRefusesDuplicates() throws {
        let harness = try IdentityHarness()
        let tenant = try harness.makeTenant("create")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let again = harness.call(.post, "/api/v1/admin/tenants", admin: true, json: """
            {"tenant_id":"\(tenant.id)","company_name":"Again","admin_email":"a@b.example"}
            """)
        #expect(again.status == 409)
        for (body, field) in [
            (#"{"tenant_id":"No Caps!","company_name":"X Co","admin_email":"a@b.example"}"#, "tenant_id"),
            (#"{"tenant_id":"okay-id","company_name":"X Co","admin_email":"not-an-email"}"#, "admin_email"),
            (#"{"tenant_id":"okay-id","company_name":"X Co","admin_email":"a@b.example","timezone":"Mars/Olympus"}"#, "timezone"),
            (#"{"tenant_id":"okay-id","company_name":"X Co","admin_email":"a@b.example","plan":"gold"}"#, "plan"),
            (#"{"tenant_id":"okay-id","company_name":"X Co","admin_email":"a@b.example","currency":"rand"}"#, "currency"),
            (#"{"tenant_id":"okay-id","company_name":"X Co","admin_email":"a@b.example","admin_password":"short"}"#, "admin_password"),
            (#"{"company_name":"X Co","admin_email":"a@b.example"}"#, "tenant_id"),
        ] {
            let result = harness.call(.post, "/api/v1/admin/tenants", admin: true, json: body)
            #expect(result.status == 422, "\(body)")
            #expect(result.json["error"]?["field"]?.string == field, "\(body) → \(result.text)")
        }
        let shown = harness.call(.get, "/api/v1/admin/tenants/\(tenant.id)", admin: true)
        #expect(shown.json["tenant"]?["status"]?.string == "active")
        #expect(shown.json["tenant"]?["plan"]?.string == "pro")
        let audit = harness.call(.get, "/api/v1/admin/audit-log?tenant=\(tenant.id)&action=tenant.create", admin: true)
        #expect(audit.json["total"]?.number == 1)
    }

    @Test func listingPaginatesAndSearches() throws {
        let harness = try IdentityHarness()
        let tenants = try (0..<3).map { try harness.makeTenant("list\($0)") }
        defer { tenants.forEach { IdentityHarness.dropTenant($0.id) } }
        let search = harness.call(.get, "/api/v1/admin/tenants?search=\(tenants[1].id)", admin: true)
        #expect(search.json["total"]?.number == 1)
        let page = harness.call(.get, "/api/v1/admin/tenants?limit=2&offset=0", admin: true)
        #expect(page.json["data"]?.array?.count == 2)
        #expect(harness.call(.get, "/api/v1/admin/tenants?limit=500", admin: true).status == 422)
        #expect(harness.call(.get, "/api/v1/admin/tenants?search=%25", admin: true).status == 200)
    }

    @Test func aTenantCreatedWithoutPasswordInvitesItsAdmin() throws {
        let harness = try IdentityHarness()
        let id = "it-invite-" + String(RequestID.generate().prefix(8))
        defer { IdentityHarness.dropTenant(id) }
        let email = "boss@\(id).example.com"
        let created = harness.call(.post, "/api/v1/admin/tenants", admin: true, json: """
            {"tenant_id":"\(id)","company_name":"Invited Co","admin_email":"\(email)"}
            """)
        #expect(created.status == 201)
        #expect(created.json["admin_user"]?["invitation_sent"]?.bool == true)
        let token = try harness.mailedToken(to: email, prefix: "inv_")
        let accepted = harness.call(.post, "/api/v1/invitations/accept", json: #"{"token":"\#(token)","password":"A-good-password-1"}"#)
        #expect(accepted.status == 201, "\(accepted.text)")
        #expect(accepted.json["user"]?["role"]?.string == "admin")
        _ = try harness.login(email, "A-good-password-1")
        #expect(harness.call(.post, "/api/v1/invitations/accept", json: #"{"token":"\#(token)","password":"Another-pass-2"}"#).status == 400)
    }
}
