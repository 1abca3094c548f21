public import SharedPlatform

/// The `helpdesk` function: knowledge base, retrieval, grounded answers and the agent (SPEC §3).
///
/// Its executable (`Functions/Main/helpdesk`) only calls FunctionLauncher; everything testable lives here.
public enum HelpdeskFunction {
    /// The executable, socket and systemd instance name.
    public static let name = "helpdesk"
    /// Default request-body cap (`MAX_BODY_BYTES` overrides it); nginx enforces the same limit first.
    public static let maxBodyBytes = 50 << 20

    /// Adds this function's routes to `router` (health and debug routes are added by FunctionLauncher).
    public static func routes(_ router: inout PlatformRouter) {
        KnowledgeHandlers.install(on: &router)
        AskHandlers.install(on: &router, settings: AskSettings.fromEnvironment())
        AgentHandlers.install(on: &router, settings: AskSettings.fromEnvironment())
    }
}
