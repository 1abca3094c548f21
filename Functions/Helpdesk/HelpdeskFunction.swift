internal import Knowledge
public import Runtime
public import SharedPlatform

/// The `helpdesk` function: knowledge base, retrieval, grounded answers and the agent (SPEC §3).
///
/// Its executable (`Functions/Main/helpdesk`) only calls FunctionLauncher; everything testable lives here.
public enum HelpdeskFunction {
    /// The executable, socket and systemd instance name.
    public static let name = "helpdesk"
    /// Default request-body cap (`MAX_BODY_BYTES` overrides it); nginx enforces the same limit first.
    public static let maxBodyBytes = 50 << 20

    /// Reads the knowledge keys (`KNOWLEDGE_DIR`, `KNOWLEDGE_MAX_UPLOAD_BYTES`, …) at start-up, recording their
    /// problems in `environment` (the handlers then use `KnowledgeSettings.process`, read from the same variables).
    public static func checkConfiguration(_ environment: Environment) {
        _ = KnowledgeSettings(environment: environment)
    }

    /// Adds this function's routes to `router` (health and debug routes are added by FunctionLauncher).
    public static func routes(_ router: inout PlatformRouter) {
        KnowledgeHandlers.install(on: &router)
        AskHandlers.install(on: &router, settings: AskSettings.fromEnvironment())
        AgentHandlers.install(on: &router, settings: AskSettings.fromEnvironment())
    }
}
