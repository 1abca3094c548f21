/// What routing looks at: the recipients, the routing headers and the webhook URL's tenant hint.
///
/// Addresses may be bare (`Quotes@Acme.example`) or whole header values (`"Acme" <q@acme.example>, b@x.org`);
/// the resolver parses and lower-cases them. ``init(message:urlTenant:)`` builds one from a parsed mail.
public struct RoutingInput: Sendable, Equatable {
    /// `To` then `Cc` addresses, in order.
    public var recipients: [String]
    /// SendGrid's `envelope.to` (the SMTP recipients).
    public var envelopeTo: [String]
    /// The `X-Tenant-ID` header, when present.
    public var tenantHeader: String?
    public var subject: String
    /// The `{tenant_id}` of `/webhooks/email/inbound/{tenant_id}` (or a platform admin's forced tenant).
    public var urlTenant: String?

    public init(recipients: [String], envelopeTo: [String] = [], tenantHeader: String? = nil, subject: String = "",
                urlTenant: String? = nil) {
        self.recipients = recipients
        self.envelopeTo = envelopeTo
        self.tenantHeader = tenantHeader
        self.subject = subject
        self.urlTenant = urlTenant
    }

    /// The routing facts of a parsed mail: `To` then `Cc`, `envelope.to`, `X-Tenant-ID` and the subject.
    public init(message: InboundMessage, urlTenant: String?) {
        self.init(recipients: (message.to + message.cc).map(\.address), envelopeTo: message.envelopeTo,
                  tenantHeader: message.header("X-Tenant-ID"), subject: message.subject, urlTenant: urlTenant)
    }
}
