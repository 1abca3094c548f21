public import Runtime

/// Where and how to reach an OpenAI-compatible server (OpenAI, Azure OpenAI, llama.cpp, vLLM, Ollama), built once
/// from the environment at start and shared by value between worker threads.
///
/// Keys: `LLM_BASE_URL` (the API root including `/v1`, e.g. `https://api.openai.com/v1`; unset = no LLM, the
/// platform falls back to its rule-based defaults), `LLM_API_KEY` (optional for local servers), `LLM_MODEL`
/// (required with a base URL), `LLM_EMBEDDING_MODEL` (optional; embeddings are off without it), `LLM_TIMEOUT_MS`
/// (30000), `LLM_MAX_TOOL_ROUNDS` (5), and for Azure's dated API `LLM_API_VERSION` (sent as `?api-version=`) and
/// `LLM_AUTH_HEADER` (`authorization`, the default, sends `Bearer <key>`; `api-key` sends the key in `api-key`).
/// Plain `http://` is accepted only for loopback hosts (a local model server); anything else must be `https://`.
public struct LLMConfiguration: Sendable {
    /// How the API key travels.
    public enum Authentication: String, Sendable {
        /// `Authorization: Bearer <key>` (OpenAI, Azure v1, local servers).
        case bearer = "authorization"
        /// `api-key: <key>` (Azure OpenAI's dated, deployment-scoped API).
        case apiKeyHeader = "api-key"
    }

    /// The API root without a trailing slash; endpoint paths (`/chat/completions`, `/embeddings`) are appended.
    public var baseURL: String
    /// The key, or nil for servers that need none.
    public var apiKey: Secret?
    /// The chat model (for Azure: the deployment name).
    public var model: String
    /// The embeddings model; ``LLMClient/embed(texts:deadline:)`` fails with `invalid_configuration` without one.
    public var embeddingModel: String?
    /// The total time allowed for one HTTP call (also bounded by the caller's deadline).
    public var timeout: Duration
    /// The default bound on chat calls in the tool loop
    /// (``LLMClient/runTools(messages:tools:maxRounds:temperature:deadline:handler:)``).
    public var maxToolRounds: Int
    /// Azure's `api-version` query value, appended to every URL when set.
    public var apiVersion: String?
    /// Which header carries ``apiKey``.
    public var authentication: Authentication
    /// The most inputs sent in one embeddings request; longer lists are split, order preserved.
    public var embeddingBatchSize: Int

    /// Creates a configuration from values (tests point `baseURL` at a fake on 127.0.0.1).
    public init(
        baseURL: String, apiKey: Secret? = nil, model: String, embeddingModel: String? = nil,
        timeout: Duration = .seconds(30), maxToolRounds: Int = 5, apiVersion: String? = nil,
        authentication: Authentication = .bearer, embeddingBatchSize: Int = 64
    ) {
        self.baseURL = Self.trimmed(baseURL)
        self.apiKey = apiKey
        self.model = model
        self.embeddingModel = embeddingModel
        self.timeout = timeout
        self.maxToolRounds = maxToolRounds
        self.apiVersion = apiVersion
        self.authentication = authentication
        self.embeddingBatchSize = embeddingBatchSize
    }

    /// Reads the `LLM_*` keys; nil when `LLM_BASE_URL` is unset. Problems are recorded in `environment` (call
    /// `environment.validate()` before serving); values of `LLM_API_KEY` never appear in them.
    public init?(environment: Environment) {
        guard let baseURL = environment.optionalString("LLM_BASE_URL") else { return nil }
        if !Self.isAcceptable(baseURL) {
            environment.problem(
                "LLM_BASE_URL must be an https:// URL (plain http:// only to 127.0.0.1, [::1] or localhost)")
        }
        let header = environment.choice(
            "LLM_AUTH_HEADER", default: Authentication.bearer.rawValue,
            from: [Authentication.bearer.rawValue, Authentication.apiKeyHeader.rawValue])
        self.init(
            baseURL: baseURL, apiKey: environment.secret("LLM_API_KEY"), model: environment.required("LLM_MODEL"),
            embeddingModel: environment.optionalString("LLM_EMBEDDING_MODEL"),
            timeout: .milliseconds(environment.int("LLM_TIMEOUT_MS", default: 30_000, in: 100...600_000)),
            maxToolRounds: environment.int("LLM_MAX_TOOL_ROUNDS", default: 5, in: 1...50),
            apiVersion: environment.optionalString("LLM_API_VERSION"),
            authentication: Authentication(rawValue: header) ?? .bearer)
    }

    /// The full URL of `endpoint` (e.g. `/chat/completions`), with `api-version` when configured.
    func url(_ endpoint: String) -> String {
        guard let apiVersion else { return baseURL + endpoint }
        let encoded = apiVersion.utf8.allSatisfy { Self.isUnreserved($0) } ? apiVersion : "invalid"
        return baseURL + endpoint + (baseURL.contains("?") ? "&" : "?") + "api-version=" + encoded
    }

    /// The authentication header for ``apiKey``, if any.
    var authorizationHeader: (String, String)? {
        guard let apiKey else { return nil }
        switch authentication {
        case .bearer: return ("Authorization", "Bearer " + apiKey.value)
        case .apiKeyHeader: return ("api-key", apiKey.value)
        }
    }

    private static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// `https://…`, or `http://` to a loopback host (the HTTP client refuses anything else at call time too).
    static func isAcceptable(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") { return lower.count > "https://".count }
        guard lower.hasPrefix("http://") else { return false }
        let authority = lower.dropFirst("http://".count).prefix { $0 != "/" && $0 != "?" }
        let host =
            authority.hasPrefix("[")
            ? String(authority.prefix { $0 != "]" }) + "]"
            : String(authority.prefix { $0 != ":" })
        return host == "localhost" || host == "[::1]" || host.hasPrefix("127.")
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
