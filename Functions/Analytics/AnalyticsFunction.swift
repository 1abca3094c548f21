public import SharedPlatform

/// The `analytics` function: dashboard, analytics and leaderboard (SPEC §5).
///
/// Its executable (`Functions/Main/analytics`) only calls FunctionLauncher; everything testable lives here.
public enum AnalyticsFunction {
    /// The executable, socket and systemd instance name.
    public static let name = "analytics"
    /// Default request-body cap (`MAX_BODY_BYTES` overrides it); nginx enforces the same limit first.
    public static let maxBodyBytes = 1 << 20

    /// Adds this function's routes to `router` (health and debug routes are added by FunctionLauncher).
    public static func routes(_ router: inout PlatformRouter) {}
}
