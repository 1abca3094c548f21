@testable import HelpdeskFunction
import Runtime
import Testing

/// Sessions belong to one user: never visible to another user of the same tenant, nor to another tenant.
@Suite(.enabled(if: IdentityHarness.enabled))
struct AskSessionTests {
    @Test func aSessionIsVisibleOnlyToItsOwner() throws {
        let world = try AskWorld.make("ask-sessions")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let colleague = try world.addConsultant("Colleague")
        let first = world.ask("What time is check-in at Palm Beach Resort?")
        let session = try #require(first.json["session_id"]?.string)
        let second = world.ask("Which ages can join the kids club?", session: session)
        #expect(second.json["session_id"]?.string == session)

        let own = world.harness.call(.get, "/api/v1/helpdesk/sessions/\(session)", token: world.admin)
        try #require(own.status == 200, "\(own.text)")
        #expect(own.json["messages"]?.items.count == 4)
        #expect(own.json["messages"]?.item(0)?["content"]?.string == "What time is check-in at Palm Beach Resort?")
        #expect(own.json["messages"]?.item(1)?["role"]?.string == "assistant")
        let listed = world.harness.call(.get, "/api/v1/helpdesk/sessions", token: world.admin)
        #expect(listed.json["data"]?.items.map { $0["id"]?.string } == [session])
        #expect(listed.json["data"]?.item(0)?["message_count"]?.number == 4)

        // The colleague (same tenant) sees nothing and cannot write into it.
        #expect(world.harness.call(.get, "/api/v1/helpdesk/sessions/\(session)", token: colleague).status == 404)
        #expect(world.harness.call(.get, "/api/v1/helpdesk/sessions", token: colleague).json["data"]?.items.isEmpty == true)
        #expect(world.ask("Hello there, anyone?", token: colleague, session: session).status == 404)
        #expect(world.harness.call(.delete, "/api/v1/helpdesk/sessions/\(session)", token: colleague).status == 404)

        // Another tenant's admin neither.
        let stranger = try AskWorld.make("ask-stranger")
        defer { IdentityHarness.dropTenant(stranger.tenant.id) }
        #expect(stranger.harness.call(.get, "/api/v1/helpdesk/sessions/\(session)", token: stranger.admin).status == 404)
        #expect(stranger.ask("What time is check-in?", session: session).status == 404)

        #expect(world.harness.call(.get, "/api/v1/helpdesk/sessions/\(session)", token: world.admin).json["messages"]?.items.count == 4)
        #expect(world.harness.call(.delete, "/api/v1/helpdesk/sessions/\(session)", token: world.admin).status == 204)
        #expect(world.harness.call(.get, "/api/v1/helpdesk/sessions/\(session)", token: world.admin).status == 404)
    }

    @Test func sessionListsArePaginatedAndFilteredByKind() throws {
        let world = try AskWorld.make("ask-pages")
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        for _ in 0..<3 { world.ask("What time is check-in at Palm Beach Resort?") }
        let page = world.harness.call(.get, "/api/v1/helpdesk/sessions?limit=2&kind=ask", token: world.admin)
        #expect(page.json["data"]?.items.count == 2)
        #expect(page.json["total"]?.number == 3)
        #expect(world.harness.call(.get, "/api/v1/helpdesk/sessions?kind=agent", token: world.admin).json["total"]?.number == 0)
        #expect(world.harness.call(.get, "/api/v1/helpdesk/sessions?kind=other", token: world.admin).status == 422)
    }
}
