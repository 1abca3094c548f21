import InboundMail
import Logging
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// TenantResolver against a real database: each test creates its tenants inside one platform transaction and rolls
/// it back, with ids, addresses and the inbound domain unique to the run.
@Suite(.enabled(if: RoutingWorld.enabled), .serialized)
struct RoutingResolverTests {
    typealias Strategy = TenantResolution.Strategy

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: @Sendable (RoutingWorld) -> RoutingInput
        /// The expected tenant (a fixture's key, see ``RoutingWorld``), strategy and matched text; nil tenant: none.
        let expected: (@Sendable (RoutingWorld) -> (tenant: String, strategy: Strategy, matched: String))?
        /// A fragment some `tried` line must hold.
        let explains: (@Sendable (RoutingWorld) -> String)?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "display name and mixed case on the support address",
             input: { .init(recipients: [#""Alpha Desk" <HELP@\#($0.alphaDomain.uppercased())>"#]) },
             expected: { ($0.alpha, .supportAddress, "help@\($0.alphaDomain)") }, explains: nil),
        Case(name: "several recipients in one header: the known one routes",
             input: { .init(recipients: ["nobody@\($0.nowhere), Sales Team <help@\($0.alphaDomain)>"]) },
             expected: { ($0.alpha, .supportAddress, "help@\($0.alphaDomain)") },
             explains: { "support_address: nobody@\($0.nowhere) → no tenant" }),
        Case(name: "a Cc recipient on the primary address",
             input: { .init(recipients: ["nobody@\($0.nowhere)", "Owner@\($0.alphaDomain)"]) },
             expected: { ($0.alpha, .primaryAddress, "owner@\($0.alphaDomain)") }, explains: nil),
        Case(name: "the configured subuser on the inbound domain",
             input: { .init(recipients: ["\($0.bravoSubuser.uppercased())@\($0.domain.uppercased())"]) },
             expected: { ($0.bravo, .inboundAddress, "\($0.bravoSubuser)@\($0.domain)") }, explains: nil),
        Case(name: "the tenant id is the subuser when none is configured",
             input: { .init(recipients: ["\($0.charlie)@\($0.domain)"]) },
             expected: { ($0.charlie, .inboundAddress, "\($0.charlie)@\($0.domain)") }, explains: nil),
        Case(name: "a tenant id local part when the subuser is another name",
             input: { .init(recipients: ["\($0.bravo)@\($0.domain)"]) },
             expected: { ($0.bravo, .localPart, "\($0.bravo)@\($0.domain)") }, explains: nil),
        Case(name: "a plus tag behind a role name on the inbound domain",
             input: { .init(recipients: ["quotes+\($0.charlie.uppercased())@\($0.domain)"]) },
             expected: { ($0.charlie, .plusTag, "quotes+\($0.charlie)@\($0.domain)") },
             explains: { "local_part: quotes@\($0.domain) → a role name" }),
        Case(name: "a sub-address of a support address is that mailbox",
             input: { .init(recipients: ["help+urgent@\($0.alphaDomain)"]) },
             expected: { ($0.alpha, .supportAddress, "help+urgent@\($0.alphaDomain)") }, explains: nil),
        Case(name: "the X-Tenant-ID header, trimmed and in any case",
             input: { .init(recipients: ["quotes@\($0.nowhere)"], tenantHeader: " \($0.charlie.uppercased()) ") },
             expected: { ($0.charlie, .header, $0.charlie) }, explains: nil),
        Case(name: "a subject tag in any case",
             input: { .init(recipients: ["quotes@\($0.nowhere)"], subject: "Re: trip [Tenant:\($0.bravo.uppercased())]") },
             expected: { ($0.bravo, .subjectTag, $0.bravo) }, explains: nil),
        Case(name: "an envelope recipient goes through the address rules",
             input: { .init(recipients: ["quotes@\($0.nowhere)"], envelopeTo: ["quotes@\($0.nowhere)", "\($0.charlie)@\($0.domain)"]) },
             expected: { ($0.charlie, .envelope, "\($0.charlie)@\($0.domain)") },
             explains: { "envelope/inbound_address: \($0.charlie)@\($0.domain) → \($0.charlie)" }),
        Case(name: "the URL tenant comes first",
             input: { .init(recipients: ["\($0.bravoSubuser)@\($0.domain)"], urlTenant: $0.alpha) },
             expected: { ($0.alpha, .urlTenant, $0.alpha) }, explains: nil),
        Case(name: "a suspended URL tenant is refused and the addresses still route",
             input: { .init(recipients: ["\($0.bravoSubuser)@\($0.domain)"], urlTenant: $0.delta) },
             expected: { ($0.bravo, .inboundAddress, "\($0.bravoSubuser)@\($0.domain)") },
             explains: { "url_tenant: \($0.delta) → tenant \($0.delta) is suspended" }),
        Case(name: "the first recipient wins over a stronger rule on a later one",
             input: { .init(recipients: ["\($0.bravoSubuser)@\($0.domain)", "help@\($0.alphaDomain)"]) },
             expected: { ($0.bravo, .inboundAddress, "\($0.bravoSubuser)@\($0.domain)") }, explains: nil),
        Case(name: "two tenants with one address: the first tenant id wins and the clash is shown",
             input: { .init(recipients: ["help@\($0.alphaDomain)"]) },
             expected: { ($0.alpha, .supportAddress, "help@\($0.alphaDomain)") },
             explains: { "also claimed by \($0.echo)" }),
        Case(name: "a suspended tenant's mail stays unroutable despite a header naming another",
             input: { .init(recipients: ["desk@\($0.deltaDomain)"], tenantHeader: $0.alpha, subject: "[TENANT:\($0.bravo)]") },
             expected: nil, explains: { "support_address: desk@\($0.deltaDomain) → tenant \($0.delta) is suspended" }),
        Case(name: "a role name on the inbound domain never names a tenant",
             input: { .init(recipients: ["bookings@\($0.domain)"]) },
             expected: nil, explains: { "local_part: bookings@\($0.domain) → a role name" }),
        Case(name: "a tenant id local part on another domain does not route",
             input: { .init(recipients: ["\($0.charlie)@\($0.nowhere)"]) },
             expected: nil, explains: { "inbound_address, local_part: \($0.charlie)@\($0.nowhere) → not on the inbound domain" }),
        Case(name: "a header naming no tenant or a suspended one does not route",
             input: { .init(recipients: ["x@\($0.nowhere)"], tenantHeader: $0.delta, subject: "[TENANT:no-such-\($0.suffix)]") },
             expected: nil, explains: { "x_tenant_id: \($0.delta) → tenant \($0.delta) is suspended" }),
        Case(name: "nothing matches: no tenant, every step explained",
             input: { .init(recipients: ["x@\($0.nowhere)"], subject: "Hello") },
             expected: nil, explains: { _ in "subject_tag: none in the subject" }),
    ]

    @Test(arguments: cases)
    func resolves(_ example: Case) throws {
        try RoutingWorld.run { world, connection in
            let outcome = try TenantResolver.resolve(example.input(world), inboundDomain: world.domain, on: connection)
            if let expected = example.expected?(world) {
                #expect(outcome.resolution == TenantResolution(tenantID: expected.tenant, strategy: expected.strategy,
                                                               matched: expected.matched), "\(outcome.tried)")
            } else {
                #expect(outcome.resolution == nil, "\(outcome.tried)")
                #expect(!outcome.tried.isEmpty)
            }
            if let fragment = example.explains?(world) {
                #expect(outcome.tried.contains { $0.contains(fragment) }, "\(outcome.tried)")
            }
        }
    }

    @Test func withoutAnInboundDomainOnlyItsRulesAreSkipped() throws {
        try RoutingWorld.run { world, connection in
            let skipped = try TenantResolver.resolve(.init(recipients: ["\(world.charlie)@\(world.domain)"]), inboundDomain: nil,
                                                     on: connection)
            #expect(skipped.resolution == nil)
            #expect(skipped.tried.contains { $0.contains("INBOUND_EMAIL_DOMAIN is not configured") })
            let plus = try TenantResolver.resolve(.init(recipients: ["a+\(world.charlie)@\(world.nowhere)"]), inboundDomain: nil,
                                                  on: connection)
            #expect(plus.resolution?.tenantID == world.charlie && plus.resolution?.strategy == .plusTag)
        }
    }

    @Test func manyRecipientsResolveInOnePass() throws {
        try RoutingWorld.run { world, connection in
            let strangers = (0..<300).map { "guest\($0)@\(world.nowhere)" }
            let outcome = try TenantResolver.resolve(.init(recipients: strangers + ["owner@\(world.alphaDomain)"]),
                                                     inboundDomain: world.domain, on: connection)
            #expect(outcome.resolution?.tenantID == world.alpha && outcome.resolution?.strategy == .primaryAddress)
        }
    }

    @Test func aParsedMessageGivesItsRoutingFacts() {
        #expect(RoutingInput(recipients: []).recipients.isEmpty)
        let message = InboundMessage(to: [EmailAddress(name: "A", address: "a@x.example")],
                                     cc: [EmailAddress(address: "b@y.example")], envelopeTo: ["c@z.example"],
                                     subject: "[TENANT:acme]", headers: [MessageHeader(name: "x-tenant-id", value: "beta")])
        let input = RoutingInput(message: message, urlTenant: "gamma")
        #expect(input == RoutingInput(recipients: ["a@x.example", "b@y.example"], envelopeTo: ["c@z.example"],
                                      tenantHeader: "beta", subject: "[TENANT:acme]", urlTenant: "gamma"))
    }
}
