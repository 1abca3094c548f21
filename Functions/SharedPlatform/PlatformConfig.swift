public import Runtime

/// Configuration every function shares, read once from the environment at start.
///
/// Keys (all listed in deploy/env.example): `DATABASE_URL` (required; libpq URI of the application role),
/// `DATABASE_PLATFORM_ROLE` (travel_platform), `APP_VERSION`, `LOG_LEVEL` (info), `DEBUG_ROUTES` (false;
/// test-only routes), `ADMIN_API_TOKEN` (optional platform-operator token, at least 24 characters), and the
/// token settings of ``AuthSettings`` (`JWT_SECRET` or `JWT_JWKS_FILE` is required), `SHARE_LINK_SECRET` and
/// `INBOUND_EMAIL_DOMAIN`.
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
    /// `INBOUND_EMAIL_DOMAIN` (optional, lower-cased): the domain whose mail SendGrid Inbound Parse posts to us, where
    /// `<inbound_subuser or tenant_id>@<domain>` routes to a tenant. Unset, those routing rules are skipped.
    public let inboundEmailDomain: String?

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
        inboundEmailDomain = Self.inboundEmailDomain(environment)
    }

    /// Reads `INBOUND_EMAIL_DOMAIN` (the worker reads it with this too): nil when unset or empty, else the domain
    /// lower-cased; a value that is not a plain domain (`in.example.com`: letters, digits, `-` and inner dots, at
    /// most 253 characters) is recorded as a problem in `environment`.
    public static func inboundEmailDomain(_ environment: Environment) -> String? {
        guard let raw = environment.optionalString("INBOUND_EMAIL_DOMAIN"), !raw.isEmpty else { return nil }
        let domain = raw.lowercased()
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let valid = domain.utf8.count <= 253 && labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        guard valid else {
            environment.problem("INBOUND_EMAIL_DOMAIN must be a domain like in.example.com")
            return nil
        }
        return domain
    }
}
