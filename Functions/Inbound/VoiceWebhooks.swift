internal import SharedPlatform

/// The voice webhooks of the inbound function: Twilio (``TwilioWebhookHandlers``) and VAPI
/// (``VAPIWebhookHandlers``), which record `call_records` for analytics (SPEC §1).
enum VoiceWebhooks {
    /// Adds `POST /webhooks/twilio/voice`, `POST /webhooks/twilio/status` and `POST /webhooks/vapi/{tenant_id}`.
    static func install(on router: inout PlatformRouter) {
        TwilioWebhookHandlers.install(on: &router)
        VAPIWebhookHandlers.install(on: &router)
    }
}
