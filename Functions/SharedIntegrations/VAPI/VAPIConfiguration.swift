public import Runtime

/// VAPI settings, read once at start: `VAPI_API_KEY` (secret; unset = no voice), `VAPI_BASE_URL` (default
/// `https://api.vapi.ai`). A value; share it between threads.
public struct VAPIConfiguration: Sendable {
    /// The production API origin.
    public static let defaultBaseURL = "https://api.vapi.ai"

    public var baseURL: String
    /// The private API key, sent as `Authorization: Bearer`.
    public var apiKey: Secret
    /// Total time per call.
    public var timeout: Duration

    public init(apiKey: Secret, baseURL: String = defaultBaseURL, timeout: Duration = .seconds(20)) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.timeout = timeout
    }

    /// Reads the `VAPI_*` keys; nil when `VAPI_API_KEY` is unset.
    public static func from(_ environment: Environment) -> VAPIConfiguration? {
        let baseURL = environment.string("VAPI_BASE_URL", default: defaultBaseURL)
        guard let key = environment.secret("VAPI_API_KEY") else { return nil }
        return VAPIConfiguration(apiKey: key, baseURL: baseURL)
    }
}
