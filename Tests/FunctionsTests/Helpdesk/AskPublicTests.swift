@testable import HelpdeskFunction
import Runtime
import RuntimePostgres
import Testing

/// The public widget: public documents only, no login, throttled per client address.
@Suite(.enabled(if: IdentityHarness.enabled))
struct AskPublicTests {
    static func ask(_ world: AskWorld, _ question: String, tenant: String? = nil) -> IdentityHarness.Result {
        world.harness.call(.post, "/api/v1/public/helpdesk/\(tenant ?? world.tenant.id)/ask",
                           json: #"{"question":\#(JSONValue.string(question).jsonText)}"#)
    }

    @Test func answersFromPublicDocumentsOnly() throws {
        let world = try AskWorld.make("ask-widget")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let open = Self.ask(world, "What time is check-in at Palm Beach Resort?")
        try #require(open.status == 200, "\(open.text)")
        #expect(open.json["answered"]?.bool == true)
        #expect(open.json["session_id"] == nil)
        let staffOnly = Self.ask(world, "What commission does Sabie Bushveld Camp pay on a safari booking?")
        #expect(staffOnly.json["answered"]?.bool == false)
        #expect(staffOnly.text.contains("12 percent") == false)
        // Staff see the private note.
        let staff = world.ask("What commission does Sabie Bushveld Camp pay on a safari booking?")
        #expect(staff.json["answered"]?.bool == true)
    }

    @Test func unknownOrSuspendedTenantsAre404() throws {
        let world = try AskWorld.make("ask-widget-404")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        #expect(Self.ask(world, "What time is check-in?", tenant: "no-such-tenant-xyz").status == 404)
        #expect(Self.ask(world, "What time is check-in?", tenant: "Bad Id!").status == 404)
        try IdentityHarness.owner().query("UPDATE tenants SET status = 'suspended' WHERE tenant_id = \(world.tenant.id)")
        #expect(Self.ask(world, "What time is check-in?").status == 404)
    }

    @Test func throttlesPerClientAddress() throws {
        let world = try AskWorld.make("ask-widget-429", publicPerMinute: 3)
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        for _ in 0..<3 { #expect(Self.ask(world, "What time is check-in at Palm Beach Resort?").status == 200) }
        let refused = Self.ask(world, "What time is check-in at Palm Beach Resort?")
        #expect(refused.status == 429)
        #expect(refused.response.headers["retry-after"] != nil)
    }
}
