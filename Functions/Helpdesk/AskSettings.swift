internal import Integrations
internal import Logging
internal import Runtime
internal import SharedPlatform

/// What the ask routes need beyond the shared platform configuration, read once at start.
///
/// Keys: the `LLM_*` keys of ``LLMConfiguration`` (no `LLM_BASE_URL` = extractive answers; `LLM_EMBEDDING_MODEL`
/// turns on embedding re-ranking of the full-text candidates), `HELPDESK_PUBLIC_ASKS_PER_MINUTE` (20: the widget's
/// limit per client address; beyond it 429 for a minute).
struct AskSettings: Sendable {
    let llm: LLMConfiguration?
    let publicRule: Throttle.Rule

    init(llm: LLMConfiguration?, publicAsksPerMinute: Int = 20) {
        self.llm = llm
        publicRule = Throttle.Rule(limit: publicAsksPerMinute, windowSeconds: 60, blockSeconds: 60)
    }

    /// From the process environment (called while the router is built, after logging is bootstrapped). An invalid
    /// LLM configuration is logged as an error and the LLM stays off, so the helpdesk still answers (extractively).
    static func fromEnvironment() -> AskSettings {
        let environment = Environment()
        let llm = LLMConfiguration(environment: environment)
        let perMinute = environment.int("HELPDESK_PUBLIC_ASKS_PER_MINUTE", default: 20, in: 1...10_000)
        do {
            try environment.validate()
            return AskSettings(llm: llm, publicAsksPerMinute: perMinute)
        } catch {
            Logger(label: "helpdesk").error("invalid LLM configuration; answering without an LLM",
                                            metadata: ["error": .string(error.description)])
            return AskSettings(llm: nil, publicAsksPerMinute: perMinute)
        }
    }
}
