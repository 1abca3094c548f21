public import SharedPlatform

/// The `tenant-admin` function: tenants, users, auth, settings and provisioning (SPEC §4).
///
/// Its executable (`Functions/Main/tenant-admin`) only calls ``FunctionLauncher``; everything testable lives here.
public enum TenantAdminFunction {
    /// The executable, socket and systemd instance name.
    public static let name = "tenant-admin"
    /// Default request-body cap (`MAX_BODY_BYTES` overrides it); nginx enforces the same limit first.
    public static let maxBodyBytes = 1 << 20

    /// Adds this function's routes to `router` (health and debug routes are added by ``FunctionLauncher``).
    public static func routes(_ router: inout PlatformRouter) {
        AdminTenantHandlers.install(on: &router)
        TenantConfigHandlers.install(on: &router)
        AuthHandlers.install(on: &router)
        UserHandlers.install(on: &router)
        InvitationHandlers.install(on: &router)
        OutboxHandlers.install(on: &router)
    }
}
