public import Runtime

/// The parent SendGrid account used for provisioning, read once at start: `SENDGRID_MASTER_API_KEY` (secret;
/// unset = provisioning off), `SENDGRID_BASE_URL` (default `https://api.sendgrid.com`; the EU region uses
/// `https://api.eu.sendgrid.com`). A value; share it between threads.
public struct SendGridAccountsConfiguration: Sendable {
    /// The global API origin.
    public static let defaultBaseURL = "https://api.sendgrid.com"

    public var baseURL: String
    /// The parent account's key (needs the subuser, api_keys and whitelabel scopes).
    public var masterKey: Secret
    public var timeout: Duration

    public init(masterKey: Secret, baseURL: String = defaultBaseURL, timeout: Duration = .seconds(20)) {
        self.masterKey = masterKey
        self.baseURL = baseURL
        self.timeout = timeout
    }

    /// Reads the keys; nil when `SENDGRID_MASTER_API_KEY` is unset.
    public static func from(_ environment: Environment) -> SendGridAccountsConfiguration? {
        let baseURL = environment.string("SENDGRID_BASE_URL", default: defaultBaseURL)
        guard let key = environment.secret("SENDGRID_MASTER_API_KEY", minimumLength: 8) else { return nil }
        return SendGridAccountsConfiguration(masterKey: key, baseURL: baseURL)
    }
}

/// Whose authority a SendGrid call runs under.
public enum SendGridActor: Sendable {
    /// The parent key, acting for itself.
    case parent
    /// The parent key with `on-behalf-of: <subuser>` (not accepted by every endpoint).
    case onBehalfOf(String)
    /// The subuser's own key (needed where on-behalf-of is refused, e.g. verified senders).
    case subuserKey(Secret)
}
