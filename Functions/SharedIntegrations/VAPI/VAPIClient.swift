public import Logging
public import Runtime
internal import RuntimeHTTPClient

/// VAPI's REST API for voice provisioning: assistants and imported Twilio numbers (wire-formats.md §A7).
///
/// `Authorization: Bearer <VAPI_API_KEY>`, JSON in and out. Not Sendable: it holds its thread's transport.
/// Errors are ``ProviderError`` (provider `vapi`); descriptions never hold the key, a Twilio token or a body.
public final class VAPIClient {
    public let configuration: VAPIConfiguration
    private let endpoint: ProviderEndpoint

    public init(configuration: VAPIConfiguration, transport: any ProviderTransport, logger: Logger) {
        self.configuration = configuration
        self.endpoint = ProviderEndpoint(provider: "vapi", baseURL: configuration.baseURL, transport: transport,
                                         logger: logger, timeout: configuration.timeout)
    }

    /// Creates an assistant (`POST /assistant`).
    public func createAssistant(_ request: VAPIAssistantRequest, deadline: Deadline? = nil)
        throws(ProviderError) -> VAPIAssistant
    {
        let body = AssistantBody(
            name: request.name, firstMessage: request.firstMessage,
            model: .init(provider: request.modelProvider, model: request.model,
                         messages: [.init(role: "system", content: request.systemPrompt)]),
            voice: .init(provider: request.voiceProvider, voiceId: request.voiceID), server: request.server)
        let response = try endpoint.call("assistant.create", "POST", "/assistant", headers: headers(json: true),
                                         body: try encode(body), deadline: deadline)
        return try endpoint.decode(VAPIAssistant.self, from: response)
    }

    /// Deletes an assistant (`DELETE /assistant/{id}`).
    public func deleteAssistant(id: String, deadline: Deadline? = nil) throws(ProviderError) {
        let id = try segment(id)
        _ = try endpoint.call("assistant.delete", "DELETE", "/assistant/" + id,
                              headers: headers(json: false), deadline: deadline)
    }

    /// Imports a Twilio number (`POST /phone-number`, provider `twilio`). VAPI then rewrites the number's voice
    /// (and, by default, messaging) URLs on Twilio.
    public func importTwilioNumber(_ request: VAPIPhoneNumberImport, deadline: Deadline? = nil)
        throws(ProviderError) -> VAPIPhoneNumber
    {
        let body = ImportBody(number: request.number, twilioAccountSid: request.twilioAccountSID,
                              twilioAuthToken: request.twilioAuthToken.value, assistantId: request.assistantID,
                              name: request.name, server: request.server)
        let response = try endpoint.call("phone_number.import", "POST", "/phone-number", headers: headers(json: true),
                                         body: try encode(body), deadline: deadline)
        return try endpoint.decode(VAPIPhoneNumber.self, from: response)
    }

    /// Changes an imported number (`PATCH /phone-number/{id}`); only the non-nil fields are sent.
    public func updatePhoneNumber(id: String, _ update: VAPIPhoneNumberUpdate, deadline: Deadline? = nil)
        throws(ProviderError) -> VAPIPhoneNumber
    {
        let id = try segment(id)
        let body = UpdateBody(assistantId: update.assistantID, name: update.name, server: update.server)
        let response = try endpoint.call("phone_number.update", "PATCH", "/phone-number/" + id,
                                         headers: headers(json: true), body: try encode(body), deadline: deadline)
        return try endpoint.decode(VAPIPhoneNumber.self, from: response)
    }

    /// Removes an imported number from VAPI (`DELETE /phone-number/{id}`); the Twilio number stays bought.
    public func deletePhoneNumber(id: String, deadline: Deadline? = nil) throws(ProviderError) {
        let id = try segment(id)
        _ = try endpoint.call("phone_number.delete", "DELETE", "/phone-number/" + id,
                              headers: headers(json: false), deadline: deadline)
    }

    private func headers(json: Bool) -> [(String, String)] {
        var headers = [("Authorization", "Bearer " + configuration.apiKey.value), ("Accept", "application/json")]
        if json { headers.append(("Content-Type", "application/json")) }
        return headers
    }

    private func segment(_ id: String) throws(ProviderError) -> String {
        guard !id.isEmpty, id.utf8.count <= 100,
            id.utf8.allSatisfy({ $0 == 45 || $0 == 95 || ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) })
        else { throw ProviderError(provider: "vapi", code: .invalidRequest, providerMessage: "malformed id") }
        return id
    }

    private func encode(_ value: some Encodable) throws(ProviderError) -> [UInt8] {
        do { return try JSON.encode(value) } catch {
            throw ProviderError(provider: "vapi", code: .invalidRequest, providerMessage: "body not encodable")
        }
    }

    private struct AssistantBody: Encodable {
        struct Model: Encodable {
            struct Message: Encodable { var role: String; var content: String }
            var provider: String
            var model: String
            var messages: [Message]
        }
        struct Voice: Encodable { var provider: String; var voiceId: String }
        var name: String
        var firstMessage: String
        var model: Model
        var voice: Voice
        var server: VAPIServer?
    }

    private struct ImportBody: Encodable {
        var provider = "twilio"
        var number: String
        var twilioAccountSid: String
        var twilioAuthToken: String
        var assistantId: String?
        var name: String?
        var server: VAPIServer?
    }

    private struct UpdateBody: Encodable {
        var assistantId: String?
        var name: String?
        var server: VAPIServer?
    }
}
