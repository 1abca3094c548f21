public import Runtime

/// Where VAPI sends server messages for an assistant or number (`server{url, secret}` in VAPI's API).
public struct VAPIServer: Sendable, Equatable, Encodable {
    /// Our webhook, e.g. `https://api.example.com/webhooks/vapi/acme`.
    public var url: String
    /// The shared secret VAPI echoes in `x-vapi-secret`; encoded into the request, never described.
    public var secret: Secret?
    /// A VAPI Custom Credential id (`cred_…`), the newer alternative to `secret`.
    public var credentialID: String?

    public init(url: String, secret: Secret? = nil, credentialID: String? = nil) {
        self.url = url
        self.secret = secret
        self.credentialID = credentialID
    }

    public static func == (lhs: VAPIServer, rhs: VAPIServer) -> Bool {
        lhs.url == rhs.url && lhs.secret?.value == rhs.secret?.value && lhs.credentialID == rhs.credentialID
    }

    enum CodingKeys: String, CodingKey { case url, secret, credentialID = "credentialId" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encodeIfPresent(secret?.value, forKey: .secret)
        try container.encodeIfPresent(credentialID, forKey: .credentialID)
    }
}

/// A new assistant: its model, voice and greeting.
public struct VAPIAssistantRequest: Sendable {
    public var name: String
    /// The LLM provider as VAPI names it (`openai`).
    public var modelProvider: String
    /// The model id (`gpt-4o-mini`).
    public var model: String
    /// The system prompt.
    public var systemPrompt: String
    /// The voice provider (`11labs`, `openai`, `vapi`) and its voice id.
    public var voiceProvider: String
    public var voiceID: String
    public var firstMessage: String
    public var server: VAPIServer?

    public init(name: String, modelProvider: String = "openai", model: String, systemPrompt: String,
                voiceProvider: String, voiceID: String, firstMessage: String, server: VAPIServer? = nil) {
        self.name = name
        self.modelProvider = modelProvider
        self.model = model
        self.systemPrompt = systemPrompt
        self.voiceProvider = voiceProvider
        self.voiceID = voiceID
        self.firstMessage = firstMessage
        self.server = server
    }
}

/// A created assistant.
public struct VAPIAssistant: Sendable, Equatable, Decodable {
    /// A UUID.
    public var id: String
    public var orgID: String?
    public var name: String?

    enum CodingKeys: String, CodingKey { case id, orgID = "orgId", name }
}

/// A Twilio number to import into VAPI. The Twilio credentials are sent to VAPI (it must configure the number)
/// and never described.
public struct VAPIPhoneNumberImport: Sendable {
    /// E.164.
    public var number: String
    public var twilioAccountSID: String
    public var twilioAuthToken: Secret
    public var assistantID: String?
    public var name: String?
    public var server: VAPIServer?

    public init(number: String, twilioAccountSID: String, twilioAuthToken: Secret, assistantID: String? = nil,
                name: String? = nil, server: VAPIServer? = nil) {
        self.number = number
        self.twilioAccountSID = twilioAccountSID
        self.twilioAuthToken = twilioAuthToken
        self.assistantID = assistantID
        self.name = name
        self.server = server
    }
}

/// Fields to change on an imported number; nil fields are left as they are.
public struct VAPIPhoneNumberUpdate: Sendable {
    public var assistantID: String?
    public var name: String?
    public var server: VAPIServer?

    public init(assistantID: String? = nil, name: String? = nil, server: VAPIServer? = nil) {
        self.assistantID = assistantID
        self.name = name
        self.server = server
    }
}

/// A phone number as VAPI holds it.
public struct VAPIPhoneNumber: Sendable, Equatable, Decodable {
    /// A UUID.
    public var id: String
    public var number: String?
    public var provider: String?
    public var assistantID: String?
    public var name: String?

    enum CodingKeys: String, CodingKey { case id, number, provider, assistantID = "assistantId", name }
}
