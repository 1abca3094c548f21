internal import Runtime

extension TenantSettings {
    /// `voice.phone_number`: the E.164 number callers dial, when the tenant has one.
    public var voicePhoneNumber: String? { config["voice"]?["phone_number"]?.string }
    /// `voice.forward_to`: where calls are forwarded after the greeting (E.164), or nil for "we will call back".
    public var voiceForwardTo: String? { config["voice"]?["forward_to"]?.string }
    /// `voice.greeting`: what callers hear first (never empty).
    public var voiceGreeting: String {
        config["voice"]?["greeting"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            ?? TenantConfigSchema.defaultGreeting(companyName: displayName)
    }
    /// `voice.vapi_assistant_id`: the assistant VAPI should use for this tenant's calls, when set.
    public var vapiAssistantID: String? { config["voice"]?["vapi_assistant_id"]?.string }
}
