public import Logging
public import Runtime

/// Provisions a tenant's phone line end to end: search a Twilio number → buy it → create a VAPI assistant →
/// import the number into VAPI with the assistant and the tenant's server URL.
///
/// If a later step fails, what was created is undone in reverse order (the assistant deleted, the number
/// released) and the error says which step failed and what could not be undone, so the caller can record the
/// leftovers. With no Twilio or VAPI configuration it throws ``VoiceProvisioningError/notConfigured`` at once,
/// which the API answers with 409 `voice_not_configured` (DESIGN §4). Not Sendable: it uses its thread's
/// clients. Nothing it logs or throws holds a key or token.
public final class VoiceProvisioner {
    private let twilio: TwilioClient?
    private let vapi: VAPIClient?
    private let logger: Logger

    /// - Parameters: `twilio`/`vapi` are nil when that provider is not configured.
    public init(twilio: TwilioClient?, vapi: VAPIClient?, logger: Logger) {
        self.twilio = twilio
        self.vapi = vapi
        self.logger = logger
    }

    /// Whether both providers are configured.
    public var isConfigured: Bool { twilio != nil && vapi != nil }

    /// Runs every step, or none that stays.
    /// - Throws: ``VoiceProvisioningError``.
    public func provision(_ request: VoiceProvisioningRequest, deadline: Deadline? = nil)
        throws(VoiceProvisioningError) -> VoiceProvisioning
    {
        guard let twilio, let vapi else { throw .notConfigured }
        var created = Created()
        do {
            let offers = try twilio.searchAvailableNumbers(request.search, deadline: deadline)
            guard let offer = offers.first(where: { request.addressSID != nil || $0.addressRequirements == "none" })
            else { throw VoiceProvisioningError.noNumberAvailable }
            created.step = .purchase
            let number = try twilio.purchaseNumber(
                TwilioNumberPurchase(phoneNumber: offer.phoneNumber, friendlyName: request.friendlyName,
                                     statusCallback: request.statusCallbackURL, addressSID: request.addressSID),
                deadline: deadline)
            created.number = number
            created.step = .createAssistant
            let assistant = try vapi.createAssistant(request.assistant, deadline: deadline)
            created.assistant = assistant
            created.step = .importNumber
            let imported = try vapi.importTwilioNumber(
                VAPIPhoneNumberImport(number: number.phoneNumber, twilioAccountSID: twilio.configuration.accountSID,
                                      twilioAuthToken: twilio.configuration.authToken, assistantID: assistant.id,
                                      name: request.friendlyName, server: request.assistant.server),
                deadline: deadline)
            logger.info("voice provisioned", metadata: ["twilio.number_sid": .string(number.sid),
                                                        "vapi.assistant_id": .string(assistant.id)])
            return VoiceProvisioning(phoneNumber: number.phoneNumber, twilioNumberSID: number.sid,
                                     vapiAssistantID: assistant.id, vapiPhoneNumberID: imported.id)
        } catch let error as VoiceProvisioningError {
            throw error
        } catch {
            let cause = error as? ProviderError
                ?? ProviderError(provider: "voice", code: .transport, providerMessage: "unexpected error")
            throw rollBack(created, after: cause, deadline: deadline)
        }
    }

    /// What exists so far, and the step being attempted.
    private struct Created {
        var step: VoiceProvisioningError.Step = .search
        var number: TwilioIncomingNumber?
        var assistant: VAPIAssistant?
    }

    /// Undoes `created` in reverse order; returns the error to throw, listing anything left behind.
    private func rollBack(_ created: Created, after cause: ProviderError, deadline: Deadline?)
        -> VoiceProvisioningError
    {
        logger.warning("voice provisioning failed; rolling back", metadata: [
            "step": .string(created.step.rawValue), "error": .string(cause.description),
        ])
        var leftovers = VoiceProvisioningError.Leftovers()
        if let assistant = created.assistant, let vapi {
            do { try vapi.deleteAssistant(id: assistant.id, deadline: deadline) } catch {
                leftovers.vapiAssistantID = assistant.id
                logger.error("rollback: assistant not deleted", metadata: ["vapi.assistant_id": .string(assistant.id),
                                                                           "error": .string(error.description)])
            }
        }
        if let number = created.number, let twilio {
            do { try twilio.releaseNumber(sid: number.sid, deadline: deadline) } catch {
                leftovers.twilioNumberSID = number.sid
                logger.error("rollback: number not released", metadata: ["twilio.number_sid": .string(number.sid),
                                                                         "error": .string(error.description)])
            }
        }
        return .failed(step: created.step, cause: cause, leftovers: leftovers)
    }
}
