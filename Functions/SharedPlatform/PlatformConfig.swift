public import Runtime

/// Configuration every function shares, read once from the environment at start.
///
/// Keys (all listed in deploy/env.example): `DATABASE_URL` (required; libpq URI of the application role),
/// `DATABASE_PLATFORM_ROLE` (travel_platform), `APP_VERSION`, `LOG_LEVEL` (info), `DEBUG_ROUTES` (false;
/// test-only routes), `ADMIN_API_TOKEN` (optional platform-operator token, at least 24 characters), and the
/// token settings of ``AuthSettings`` (`JWT_SECRET` or `JWT_JWKS_FILE` is required) and `SHARE_LINK_SECRET`.
public struct PlatformConfig: Sendable {
    public let function: String
    public let databaseURL: String
    public let platformRole: String
    public let version: String
    public let logLevel: String
    public let debugRoutes: Bool
    public let adminToken: Secret?
    public let server: ServerConfig
    /// Token verification and login settings (``AuthSettings``).
    public let auth: AuthSettings
    /// `SENDGRID_EVENT_PUBLIC_KEY`: the Event Webhook's verification key (base64 DER), when delivery events are
    /// received (inbound). Checked as a P-256 key by the route; unset, the route answers 503.
    public let sendGridEventPublicKey: String?
    /// `INBOUND_WEBHOOK_USERNAME` / `INBOUND_WEBHOOK_PASSWORD` (≥ 16 characters): the HTTP basic credentials in
    /// the Inbound Parse URL configured at SendGrid. Unset, the inbound email webhook answers 503 (SendGrid retries).
    public let inboundWebhookCredentials: (username: String, password: Secret)?
    /// `SHARE_LINK_SECRET` (optional, ≥ 32 characters): signs quote share links. Unset, a key derived from
    /// `JWT_SECRET` is used; with neither, sharing answers 503.
    public let shareLinkSecret: Secret?

    /// The platform's version when `APP_VERSION` is not set.
    public static let defaultVersion = "0.1.0"

    /// Reads and validates; problems are recorded in `environment` (call `environment.validate()`).
    public init(function: String, environment: Environment, defaultMaxBody: Int) {
        self.function = function
        databaseURL = environment.required("DATABASE_URL")
        platformRole = environment.string("DATABASE_PLATFORM_ROLE", default: "travel_platform")
        version = environment.string("APP_VERSION", default: Self.defaultVersion)
        logLevel = environment.choice("LOG_LEVEL", default: "info",
                                      from: ["trace", "debug", "info", "notice", "warning", "error", "critical"])
        debugRoutes = environment.bool("DEBUG_ROUTES", default: false)
        adminToken = environment.secret("ADMIN_API_TOKEN", minimumLength: 24)
        server = ServerConfig.from(environment, defaultMaxBody: defaultMaxBody)
        auth = AuthSettings(environment: environment)
        sendGridEventPublicKey = environment.optionalString("SENDGRID_EVENT_PUBLIC_KEY")
        if let username = environment.optionalString("INBOUND_WEBHOOK_USERNAME"),
           let password = environment.secret("INBOUND_WEBHOOK_PASSWORD", minimumLength: 16) {
            inboundWebhookCredentials = (username, password)
        } else {
            inboundWebhookCredentials = nil
        }
        shareLinkSecret = environment.secret("SHARE_LINK_SECRET", minimumLength: 32) ?? auth.signingSecret
    }
}
