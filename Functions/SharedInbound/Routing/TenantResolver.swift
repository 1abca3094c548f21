internal import Runtime
public import RuntimePostgres

/// Finds the tenant an inbound email belongs to (SPEC §1 step 1), in this order, stopping at the first match:
///
/// 1. **URL tenant** — the `{tenant_id}` of `/webhooks/email/inbound/{tenant_id}`. It comes first because the
///    platform itself configures that URL at SendGrid (one Inbound Parse host per tenant, behind the webhook's basic
///    credentials), so it is the one fact a sender cannot choose; a platform admin's forced re-process uses it too.
/// 2. For each recipient, `To` then `Cc`, in order: `email.support_address` (any domain) →
///    `<email.inbound_subuser>@<INBOUND_EMAIL_DOMAIN>` (the tenant id when the subuser is unset) →
///    `email.primary_address` → a local part naming a tenant id, only on the inbound domain and never a role name
///    such as `quotes@` or `sales@` → a plus tag `x+<tenant_id>@…`. A sub-address (`support+urgent@acme.example`)
///    also matches its mailbox (`support@acme.example`).
/// 3. The `X-Tenant-ID` header, then `[TENANT:<id>]` subject tags (any case).
/// 4. The SMTP envelope recipients not already seen, through the steps of 2.
///
/// Invariants:
/// - Only **active** tenants are answered; there is never a default tenant. A match on a suspended tenant is
///   refused (`tried` says so) and then the sender-controlled hints of step 3 are skipped, so the mail of a
///   suspended tenant stays unroutable rather than being steered elsewhere by its sender.
/// - Addresses compare case-insensitively, display names and several recipients per header are handled.
/// - Two tenants claiming the same address: the first by tenant id wins and `tried` names the other.
/// - At most four queries whatever the number of recipients or tenants (``RoutingIndex``).
///
/// The header, the subject tag, plus tags and local parts are written by the sender: they only route to a tenant
/// that exists and is active, so anyone can drop mail into any active tenant's inbound queue by naming it — as
/// anyone can by writing to its public support address. Routing decides where mail is filed; it is not
/// authentication, and nothing downstream trusts a routed mail's sender more for it.
public enum TenantResolver {
    /// The outcome and every strategy tried (for platform-admin diagnostics).
    public struct Outcome: Sendable, Equatable {
        public let resolution: TenantResolution?
        /// `"<strategy>: <candidate> → <result>"` lines, in order.
        public let tried: [String]

        public init(resolution: TenantResolution?, tried: [String]) {
            self.resolution = resolution
            self.tried = tried
        }
    }

    /// Resolves `input` against the tenants table, on a platform (RLS-bypassing) connection.
    /// - Parameter inboundDomain: `INBOUND_EMAIL_DOMAIN` (for `<subuser>@<domain>` and `<tenant_id>@<domain>`
    ///   addresses), when configured; any case.
    public static func resolve(_ input: RoutingInput, inboundDomain: String?, on connection: PGConnection) throws -> Outcome {
        let domain = inboundDomain.map { $0.trimmingWhitespace.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        let recipients = RoutingAddress.list(input.recipients)
        let seen = Set(recipients.map(\.address))
        let envelope = RoutingAddress.list(input.envelopeTo).filter { !seen.contains($0.address) }
        let url = input.urlTenant.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }
        let header = input.tenantHeader.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }
        let tags = RoutingAddress.subjectTags(input.subject)
        let hints = [url, header].compactMap { $0.flatMap(RoutingAddress.tenantID) } + tags
        let plusTags = (recipients + envelope).compactMap { $0.tag.flatMap(RoutingAddress.tenantID) }
        let index = try RoutingIndex.load(addresses: recipients + envelope, domain: domain, ids: hints + plusTags,
                                          on: connection)
        var walk = RoutingWalk(index: index, domain: domain)
        if let url, let found = walk.hint(.urlTenant, url) { return walk.outcome(found, .urlTenant, found) }
        if domain == nil { walk.note("inbound_address, local_part: INBOUND_EMAIL_DOMAIN is not configured") }
        if recipients.isEmpty { walk.note("recipients: none") }
        for recipient in recipients {
            if case let (tenant, strategy)? = walk.address(recipient) {
                return walk.outcome(tenant, strategy, recipient.address)
            }
        }
        if walk.suspended {
            walk.note("x_tenant_id, subject_tag: skipped, the mail belongs to a suspended tenant")
        } else {
            if let header, let found = walk.hint(.header, header) { return walk.outcome(found, .header, found) }
            for tag in tags {
                if let found = walk.hint(.subjectTag, tag) { return walk.outcome(found, .subjectTag, tag) }
            }
            if tags.isEmpty { walk.note("subject_tag: none in the subject") }
        }
        for address in envelope {
            if case let (tenant, _)? = walk.address(address, prefix: "envelope/") {
                return walk.outcome(tenant, .envelope, address.address)
            }
        }
        if envelope.isEmpty { walk.note("envelope: no other recipients") }
        return Outcome(resolution: nil, tried: walk.tried)
    }
}
