public import Runtime

/// What to provision: where to search, the assistant to create, the regulatory address if one is needed.
public struct VoiceProvisioningRequest: Sendable {
    public var search: TwilioNumberSearch
    /// The assistant; its ``VAPIAssistantRequest/server`` is also set on the imported number.
    public var assistant: VAPIAssistantRequest
    /// An `AD…` address on the Twilio account. Without it only numbers requiring no address are taken.
    public var addressSID: String?
    /// Our Twilio status webhook (`/webhooks/twilio/status`).
    public var statusCallbackURL: String?
    /// Label for the number on both providers (≤ 64 characters), e.g. the tenant id.
    public var friendlyName: String?

    public init(search: TwilioNumberSearch, assistant: VAPIAssistantRequest, addressSID: String? = nil,
                statusCallbackURL: String? = nil, friendlyName: String? = nil) {
        self.search = search
        self.assistant = assistant
        self.addressSID = addressSID
        self.statusCallbackURL = statusCallbackURL
        self.friendlyName = friendlyName
    }
}

/// The ids of a provisioned line, to store on the tenant.
public struct VoiceProvisioning: Sendable, Equatable {
    /// E.164.
    public var phoneNumber: String
    /// `PN…`.
    public var twilioNumberSID: String
    public var vapiAssistantID: String
    public var vapiPhoneNumberID: String
}

/// Why provisioning did not complete.
public enum VoiceProvisioningError: Error, Sendable, CustomStringConvertible {
    /// The step that was running when it failed.
    public enum Step: String, Sendable {
        case search, purchase
        case createAssistant = "create_assistant"
        case importNumber = "import_number"
    }

    /// Resources whose rollback failed and that still exist (and may cost money).
    public struct Leftovers: Sendable, Equatable {
        public var twilioNumberSID: String?
        public var vapiAssistantID: String?
        public var isEmpty: Bool { twilioNumberSID == nil && vapiAssistantID == nil }
    }

    /// Twilio or VAPI is not configured; nothing was attempted.
    case notConfigured
    /// The search found no number this request may buy (none, or all need an address and none was given).
    case noNumberAvailable
    /// `step` failed with `cause`; everything created before it was undone except `leftovers`.
    case failed(step: Step, cause: ProviderError, leftovers: Leftovers)

    /// The client-facing error: 409 `voice_not_configured`, 409 `no_number_available`, or 503 for a provider
    /// failure (whose detail stays in the logs).
    public var httpError: HTTPError {
        switch self {
        case .notConfigured:
            HTTPError(.conflict, code: "voice_not_configured", message: "Voice is not configured on this platform.")
        case .noNumberAvailable:
            HTTPError(.conflict, code: "no_number_available", message: "No phone number matching the request is available.")
        case .failed:
            HTTPError(.serviceUnavailable, code: .serviceUnavailable,
                      message: "The voice provider failed; nothing was kept. Try again later.")
        }
    }

    public var description: String {
        switch self {
        case .notConfigured: "VoiceProvisioningError(not_configured)"
        case .noNumberAvailable: "VoiceProvisioningError(no_number_available)"
        case .failed(let step, let cause, let leftovers):
            "VoiceProvisioningError(failed at \(step.rawValue): \(cause)"
                + (leftovers.isEmpty ? ")" : ", leftovers: \(leftovers.twilioNumberSID ?? "-") \(leftovers.vapiAssistantID ?? "-"))")
        }
    }
}
