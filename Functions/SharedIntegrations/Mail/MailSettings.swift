public import Runtime
public import SharedPlatform

/// Mail configuration, read once at start-up from the environment (docs/integrations/mail.md).
///
/// - `SENDGRID_API_KEY` (secret): the platform's SendGrid key — platform mail, and tenant mail only when
///   `SENDGRID_REQUIRE_TENANT_KEY=0`.
/// - `SENDGRID_BASE_URL` (`https://api.sendgrid.com`).
/// - `SENDGRID_REQUIRE_TENANT_KEY` (default **1**): tenant mail goes only through the tenant's own subuser key; a
///   tenant without one never sends from the master account (its mail fails with `tenant_sendgrid_key_missing`).
/// - `SMTP_URL` (secret; `smtps://…` or `smtp://…`, credentials percent-encoded in the URL): the relay used when
///   SendGrid does not apply.
/// - `SMTP_STARTTLS` (default 1): STARTTLS is required on `smtp://`; `0` is accepted only for a loopback relay.
/// - `MAIL_PLATFORM_FROM`: overrides the sender address of platform mail (password resets, invitations).
/// - `MAIL_TIMEOUT_MS` (30000): total time for one provider call.
/// - `PROVIDER_LOOPBACK_HTTP` (default 0): allows `http://` base URLs on loopback — for the local fakes only.
public struct MailSettings: Sendable {
    public var sendGridKey: Secret?
    public var sendGridBaseURL: String
    public var requireTenantKey: Bool
    public var smtpURL: Secret?
    public var smtpStartTLS: Bool
    public var platformFrom: MailAddress?
    public var timeout: Duration
    public var allowLoopbackHTTP: Bool

    /// Settings given as values (tests, and the worker after reading the environment).
    public init(sendGridKey: Secret? = nil, sendGridBaseURL: String = SendGridCredential.defaultBaseURL,
                requireTenantKey: Bool = true, smtpURL: Secret? = nil, smtpStartTLS: Bool = true,
                platformFrom: MailAddress? = nil, timeout: Duration = .seconds(30), allowLoopbackHTTP: Bool = false) {
        self.sendGridKey = sendGridKey
        self.sendGridBaseURL = sendGridBaseURL
        self.requireTenantKey = requireTenantKey
        self.smtpURL = smtpURL
        self.smtpStartTLS = smtpStartTLS
        self.platformFrom = platformFrom
        self.timeout = timeout
        self.allowLoopbackHTTP = allowLoopbackHTTP
    }

    /// Reads the keys above; problems are recorded in `environment` (call `environment.validate()`).
    public init(environment: Environment) {
        self.init(
            sendGridKey: environment.secret("SENDGRID_API_KEY", minimumLength: 8),
            sendGridBaseURL: environment.string("SENDGRID_BASE_URL", default: SendGridCredential.defaultBaseURL),
            requireTenantKey: environment.bool("SENDGRID_REQUIRE_TENANT_KEY", default: true),
            smtpURL: environment.secret("SMTP_URL"),
            smtpStartTLS: environment.bool("SMTP_STARTTLS", default: true),
            timeout: .milliseconds(environment.int("MAIL_TIMEOUT_MS", default: 30_000, in: 1_000...600_000)),
            allowLoopbackHTTP: environment.bool("PROVIDER_LOOPBACK_HTTP", default: false))
        if let from = environment.optionalString("MAIL_PLATFORM_FROM") {
            if let email = try? Validate.email(from, field: "MAIL_PLATFORM_FROM") {
                platformFrom = MailAddress(email)
            } else {
                environment.problem("MAIL_PLATFORM_FROM must be an e-mail address")
            }
        }
        let base = sendGridBaseURL.lowercased()
        if !base.hasPrefix("https://") && !(allowLoopbackHTTP && base.hasPrefix("http://")) {
            environment.problem("SENDGRID_BASE_URL must be an https:// URL")
        }
    }

    /// The transport used when neither a tenant key nor the platform key applies.
    public var fallbackName: String { smtpURL == nil ? "outbox" : "smtp" }
}
