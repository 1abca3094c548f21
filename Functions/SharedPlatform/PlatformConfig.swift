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
    /// Voice webhook settings (``Voice``): `PUBLIC_BASE_URL`, `TWILIO_AUTH_TOKEN`, `VAPI_WEBHOOK_SECRET`.
    public let voice: Voice

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
        voice = Voice(environment: environment)
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

extension PlatformConfig {
    /// What the Twilio and VAPI webhooks (inbound) need to authenticate their callers. Each part is optional: a
    /// webhook whose part is unset answers 503 (the provider retries or reports it), never accepts unverified posts.
    public struct Voice: Sendable {
        /// `PUBLIC_BASE_URL`: the origin (and optional path prefix) Twilio is configured to call, such as
        /// `https://api.example.com`; no trailing slash, query or fragment. Twilio signs the URL it called, so the
        /// signature is checked against this plus the request's path and query, never the proxied host nginx saw.
        public let publicBaseURL: String?
        /// `TWILIO_AUTH_TOKEN`: the platform account's auth token, the key of `X-Twilio-Signature` (the same key
        /// Integrations' `TwilioConfiguration` uses for the REST API).
        public let twilioAuthToken: Secret?
        /// `VAPI_WEBHOOK_SECRET` (≥ 16 characters): the server-URL secret VAPI sends in `X-Vapi-Secret`.
        public let vapiWebhookSecret: Secret?

        public init(publicBaseURL: String?, twilioAuthToken: Secret?, vapiWebhookSecret: Secret?) {
            self.publicBaseURL = publicBaseURL
            self.twilioAuthToken = twilioAuthToken
            self.vapiWebhookSecret = vapiWebhookSecret
        }

        /// Reads the keys; a malformed `PUBLIC_BASE_URL` or short secret is recorded as a problem.
        public init(environment: Environment) {
            var base = environment.optionalString("PUBLIC_BASE_URL")
            if let text = base {
                base = Self.normalizedBaseURL(text)
                if base == nil {
                    environment.problem("PUBLIC_BASE_URL must be an http(s) URL without query or fragment")
                }
            }
            publicBaseURL = base
            twilioAuthToken = environment.secret("TWILIO_AUTH_TOKEN")
            vapiWebhookSecret = environment.secret("VAPI_WEBHOOK_SECRET", minimumLength: 16)
        }

        /// `text` without trailing slashes when it is `http(s)://host[:port][/path]` with no whitespace, query,
        /// fragment or user info; nil otherwise.
        static func normalizedBaseURL(_ text: String) -> String? {
            var url = Substring(text)
            while url.hasSuffix("/") { url = url.dropLast() }
            let lower = url.lowercased()
            let scheme = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
            let host = url.dropFirst(scheme).prefix { $0 != "/" }
            guard scheme > 0, !host.isEmpty, url.utf8.count <= 2048,
                  !url.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" || $0 == "@" })
            else { return nil }
            return String(url)
        }
    }
}
