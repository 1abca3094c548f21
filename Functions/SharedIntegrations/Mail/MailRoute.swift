public import RuntimePostgres
public import SharedPlatform

/// Looks up a tenant's own SendGrid credential (its subuser key, stored encrypted by the provisioning work), on
/// the worker's platform connection; nil when the tenant has none.
public typealias TenantMailKeyLookup = @Sendable (_ tenantID: String, _ connection: PGConnection) throws -> SendGridCredential?

/// Which transport a mail takes, decided per mail at delivery time.
public enum MailRoute: Sendable {
    case sendGrid(SendGridCredential)
    case smtp
    case outboxOnly
    /// Not sent at all; `reason` is recorded as the outbox row's `last_error`.
    case refused(reason: String)

    /// The value recorded in `outbox.transport`.
    public var label: String {
        switch self {
        case .sendGrid(let credential): "sendgrid:" + credential.scope.rawValue
        case .smtp: "smtp"
        case .outboxOnly: "outbox"
        case .refused: "none"
        }
    }

    /// The decision, in this order:
    /// 1. tenant mail whose tenant has its own key → SendGrid with that key;
    /// 2. the platform key is set → SendGrid with it for platform mail, and for tenant mail only when
    ///    ``MailSettings/requireTenantKey`` is off (otherwise the mail is refused: no silent master-account sending);
    /// 3. `SMTP_URL` is set → SMTP;
    /// 4. otherwise the outbox keeps it (`stored`).
    public static func choose(for message: MailMessage, settings: MailSettings, tenantKey: () throws -> SendGridCredential?)
        rethrows -> MailRoute
    {
        let isTenantMail = message.origin == .tenant && message.tenantID != nil
        if isTenantMail, let credential = try tenantKey() { return .sendGrid(credential) }
        if let key = settings.sendGridKey {
            guard !isTenantMail || !settings.requireTenantKey else {
                return .refused(reason: "tenant_sendgrid_key_missing: the tenant has no SendGrid key of its own and "
                                + "SENDGRID_REQUIRE_TENANT_KEY forbids sending from the platform account")
            }
            return .sendGrid(SendGridCredential(apiKey: key, baseURL: settings.sendGridBaseURL, scope: .platform))
        }
        return settings.smtpURL == nil ? .outboxOnly : .smtp
    }
}
