public import SharedPlatform

/// The `inbound` function: SendGrid Inbound Parse and voice webhooks, triage tickets (SPEC §1).
///
/// Its executable (`Functions/Main/inbound`) only calls FunctionLauncher; everything testable lives here.
public enum InboundFunction {
    /// The executable, socket and systemd instance name.
    public static let name = "inbound"
    /// Default request-body cap (`MAX_BODY_BYTES` overrides it); nginx enforces the same limit first.
    public static let maxBodyBytes = 30 << 20

    /// Adds this function's routes to `router` (health and debug routes are added by FunctionLauncher).
    public static func routes(_ router: inout PlatformRouter) {
        SendGridEventHandlers.install(on: &router)
        InboundWebhookHandlers.install(on: &router)
        InboundAdminHandlers.install(on: &router)
        TicketHandlers.install(on: &router)
        VoiceWebhooks.install(on: &router)
    }
}
