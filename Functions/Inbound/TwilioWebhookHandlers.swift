internal import FoundationEssentials
internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /webhooks/twilio/voice` and `POST /webhooks/twilio/status` — Twilio's incoming-call webhook and call
/// status callback (SPEC §1), both form-encoded and signed (``TwilioWebhookRequest``).
///
/// - Bad or missing signature: 403 JSON and nothing recorded; no `PUBLIC_BASE_URL`/`TWILIO_AUTH_TOKEN`: 503.
/// - Tenant: the active tenant whose `voice.phone_number` is the called number (`To`; `From` for outbound legs).
///   An unknown or ambiguous number records nothing: the voice webhook answers TwiML saying the number is not in
///   service (a 4xx would make Twilio play its own application-error message), the status callback an empty
///   `<Response/>`.
/// - voice: upserts the `call_records` row (provider `twilio`, `call_id` = CallSid, direction, numbers, status,
///   `started_at`) in the tenant's transaction and answers the tenant's greeting, then `<Dial>` to
///   `voice.forward_to`, or a call-back promise and `<Hangup/>`.
/// - status: merges CallStatus, CallDuration and, for final statuses, `ended_at`; repeats are no-ops and a
///   late callback never moves a final status back (``CallStatusOrder``).
enum TwilioWebhookHandlers {
    static func install(on router: inout PlatformRouter) {
        router.post("/webhooks/twilio/voice") { try voice($0, $1) }
        router.post("/webhooks/twilio/status") { try status($0, $1) }
    }

    static func voice(_ request: Request, _ context: PlatformContext) throws -> Response {
        let call = try TwilioWebhookRequest(request, config: context.services.config.voice)
        var update = CallRecordUpdate(provider: .twilio, callID: try call.callSID(), status: try call.callStatus())
        guard let tenant = try tenant(of: call, context) else { return TwilioTwiML.notInServiceAnswer() }
        fill(&update, from: call)
        update.startedAt = Date().timeIntervalSince1970
        let answer = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection in
            let settings = try TenantSettings.load(on: connection)
            let applied = try CallRecordStore.apply(update, tenantID: tenant, on: connection)
            context.logger.info("twilio call", metadata: [
                "tenant.id": .string(tenant), "call.id": .string(update.callID), "call.status": .string(applied.status),
            ])
            return TwilioTwiML.answer(greeting: settings.voiceGreeting, forwardTo: settings.voiceForwardTo)
        }
        return answer
    }

    static func status(_ request: Request, _ context: PlatformContext) throws -> Response {
        let call = try TwilioWebhookRequest(request, config: context.services.config.voice)
        var update = CallRecordUpdate(provider: .twilio, callID: try call.callSID(), status: try call.callStatus())
        guard let tenant = try tenant(of: call, context) else { return TwilioTwiML.empty() }
        fill(&update, from: call)
        if let text = call.value("CallDuration") {
            guard let seconds = Int(text), (0...10_000_000).contains(seconds) else {
                throw HTTPError.invalid("CallDuration", "CallDuration must be a whole number of seconds.")
            }
            update.durationSeconds = seconds
        }
        let applied = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection in
            try CallRecordStore.apply(update, tenantID: tenant, on: connection)
        }
        context.logger.info("twilio call status", metadata: [
            "tenant.id": .string(tenant), "call.id": .string(update.callID), "call.status": .string(applied.status),
        ])
        return TwilioTwiML.empty()
    }

    /// The tenant owning the call's number, or nil (logged) when none or several do.
    static func tenant(of call: TwilioWebhookRequest, _ context: PlatformContext) throws -> String? {
        let lookup = try call.tenantNumber.map { number in
            try context.services.database.asPlatform(deadline: context.deadline) { connection in
                try VoiceNumberDirectory.tenant(for: number, on: connection)
            }
        } ?? .unknown
        switch lookup {
        case .tenant(let tenant): return tenant
        case .unknown, .ambiguous:
            context.logger.warning("twilio call to a number no single active tenant owns",
                                   metadata: ["voice.lookup": .string(lookup == .ambiguous ? "ambiguous" : "unknown")])
            return nil
        }
    }

    static func fill(_ update: inout CallRecordUpdate, from call: TwilioWebhookRequest) {
        update.direction = call.direction
        update.fromNumber = call.short("From")
        update.toNumber = call.short("To")
        update.customerName = call.short("CallerName")
        if let account = call.short("AccountSid") { update.metadata["account_sid"] = .string(account) }
    }
}
