public import Runtime

/// Twilio account settings, read once at start: `TWILIO_ACCOUNT_SID` (`AC` + 32 hex), `TWILIO_AUTH_TOKEN`
/// (secret), `TWILIO_BASE_URL` (default `https://api.twilio.com`).
///
/// A value; share it between threads. Voice is optional: with neither SID nor token set there is no
/// configuration (``from(_:)`` returns nil); with only one of them set, a problem is recorded.
public struct TwilioConfiguration: Sendable {
    /// The production API origin.
    public static let defaultBaseURL = "https://api.twilio.com"

    public var baseURL: String
    /// The account SID, used as the Basic-auth user and in every path.
    public var accountSID: String
    /// The auth token (Basic-auth password; also the webhook signature key).
    public var authToken: Secret
    /// Total time per call.
    public var timeout: Duration

    /// Creates a configuration; `accountSID` is not checked here (``from(_:)`` checks it).
    public init(accountSID: String, authToken: Secret, baseURL: String = defaultBaseURL,
                timeout: Duration = .seconds(20)) {
        self.accountSID = accountSID
        self.authToken = authToken
        self.baseURL = baseURL
        self.timeout = timeout
    }

    /// Reads the `TWILIO_*` keys; nil when Twilio is not configured. Problems go to `environment`.
    public static func from(_ environment: Environment) -> TwilioConfiguration? {
        let sid = environment.optionalString("TWILIO_ACCOUNT_SID")
        let token = environment.secret("TWILIO_AUTH_TOKEN")
        let baseURL = environment.string("TWILIO_BASE_URL", default: defaultBaseURL)
        switch (sid, token) {
        case (nil, nil):
            return nil
        case (let sid?, let token?):
            guard isSID(sid, prefix: "AC") else {
                environment.problem("TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits")
                return nil
            }
            return TwilioConfiguration(accountSID: sid, authToken: token, baseURL: baseURL)
        default:
            environment.problem("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together")
            return nil
        }
    }

    /// Whether `text` is a Twilio SID: the two-letter `prefix` and 32 hex digits.
    public static func isSID(_ text: String, prefix: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 34 && text.hasPrefix(prefix)
            && bytes.dropFirst(2).allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }
    }
}
