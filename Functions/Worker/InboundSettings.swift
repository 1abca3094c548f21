public import Integrations
public import Runtime
internal import SharedPlatform

/// What the worker's `inbound.process` jobs need beyond the database (keys in Functions/Worker/README.md).
public struct InboundSettings: Sendable {
    /// `INBOUND_EMAIL_DOMAIN`: the domain of `<subuser>@<domain>` routing addresses; nil when unused.
    public var inboundDomain: String?
    /// The model for trip extraction (`LLM_*`, see ``LLMConfiguration``); nil: the rule-based extractor only.
    public var llm: LLMConfiguration?
    /// `INBOUND_LLM_TIMEOUT_MS` (10000): the deadline of the one extraction call; past it the rules answer.
    public var llmDeadline: Duration
    /// `SHARE_LINK_SECRET`, else `JWT_SECRET` (≥ 32 characters each): signs the quote link in auto-sent quotes;
    /// with neither, auto-sent quotes carry no link.
    public var shareLinkSecret: Secret?
    /// `PUBLIC_BASE_URL` (`https://localhost:8443`): where share links point.
    public var publicBaseURL: String

    public init(
        inboundDomain: String? = nil, llm: LLMConfiguration? = nil, llmDeadline: Duration = .seconds(10),
        shareLinkSecret: Secret? = nil, publicBaseURL: String = "https://localhost:8443"
    ) {
        self.inboundDomain = inboundDomain
        self.llm = llm
        self.llmDeadline = llmDeadline
        self.shareLinkSecret = shareLinkSecret
        self.publicBaseURL = publicBaseURL
    }

    /// Reads the keys above; problems are recorded in `environment`.
    public init(environment: Environment) {
        self.init(
            inboundDomain: PlatformConfig.inboundEmailDomain(environment),
            llm: LLMConfiguration(environment: environment),
            llmDeadline: .milliseconds(environment.int("INBOUND_LLM_TIMEOUT_MS", default: 10_000, in: 500...120_000)),
            shareLinkSecret: environment.secret("SHARE_LINK_SECRET", minimumLength: 32)
                ?? environment.secret("JWT_SECRET", minimumLength: 32),
            publicBaseURL: environment.string("PUBLIC_BASE_URL", default: "https://localhost:8443"))
    }
}
