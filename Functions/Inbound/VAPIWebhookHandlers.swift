internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /webhooks/vapi/{tenant_id}` — VAPI server messages for one tenant's assistant (SPEC §1).
///
/// - Authentication: the platform `VAPI_WEBHOOK_SECRET` in `X-Vapi-Secret` (VAPI's server-URL secret), or as
///   `Authorization: Bearer` (a VAPI bearer credential), compared in constant time; wrong or missing → 401 and
///   nothing recorded; unset → 503. One platform secret, because the platform provisions every assistant.
/// - The path's tenant must exist and be active, else 404; its `call_records` are written in its own tenant
///   transaction (row-level security), so a post for tenant A can only ever touch A's rows.
/// - Body: JSON of at most 1 MiB (413), depth-limited by Runtime's decoder.
/// - `status-update` and `end-of-call-report` are recorded (``VAPIServerMessage``) and answered `{}`;
///   `assistant-request` is answered `{"assistantId"}` from `voice.vapi_assistant_id` (or `{"error"}`, which VAPI
///   speaks, when none is set); every other type is ignored with `{}`.
enum VAPIWebhookHandlers {
    static let maxBodyBytes = 1 << 20

    static func install(on router: inout PlatformRouter) {
        router.post("/webhooks/vapi/{tenant_id}") { request, context in
            try receive(request, context, tenant: try context.parameter("tenant_id"))
        }
    }

    static func receive(_ request: Request, _ context: PlatformContext, tenant rawTenant: String) throws -> Response {
        guard let secret = context.services.config.voice.vapiWebhookSecret else {
            throw HTTPError(.serviceUnavailable, code: "voice_not_configured",
                            message: "The VAPI webhook is not configured on this server.")
        }
        guard authorized(request.headers, secret) else {
            throw HTTPError(.unauthorized, code: "unauthorized", message: "A valid VAPI webhook secret is required.")
        }
        guard let tenant = try? Validate.tenantID(rawTenant) else { throw HTTPError.notFound("No such tenant.") }
        guard request.body.count <= maxBodyBytes else {
            throw HTTPError(.payloadTooLarge, code: .payloadTooLarge, message: "VAPI messages are limited to 1 MiB.")
        }
        let message = try VAPIServerMessage(body: try request.decode(JSONValue.self))
        let update: CallRecordUpdate? = switch message.type {
        case "status-update": try message.statusUpdate()
        case "end-of-call-report": try message.endOfCallReport()
        default: nil
        }
        return try context.services.database.withTenant(tenant, deadline: context.deadline) { connection in
            let settings = try activeTenant(on: connection)
            if message.type == "assistant-request" { return try assistant(settings) }
            guard let update else { return try .json([String: String]()) }
            let applied = try CallRecordStore.apply(update, tenantID: tenant, on: connection)
            context.logger.info("vapi call", metadata: ["tenant.id": .string(tenant), "call.id": .string(update.callID),
                                                        "vapi.type": .string(message.type),
                                                        "call.status": .string(applied.status)])
            return try .json([String: String]())
        }
    }

    /// The transaction's tenant when it exists and is active. - Throws: 404 otherwise.
    static func activeTenant(on connection: PGConnection) throws -> TenantSettings {
        guard try connection.query("SELECT status FROM tenants").first?["status"] == "active" else {
            throw HTTPError.notFound("No such tenant.")
        }
        return try TenantSettings.load(on: connection)
    }

    /// The `assistant-request` answer: the tenant's assistant, or an error VAPI reads to the caller.
    static func assistant(_ settings: TenantSettings) throws -> Response {
        if let id = settings.vapiAssistantID { return try .json(["assistantId": id]) }
        return try .json(["error": "This number is not in service."])
    }

    /// Whether `X-Vapi-Secret`, or else `Authorization: Bearer`, holds `secret` (constant time).
    static func authorized(_ headers: Headers, _ secret: Secret) -> Bool {
        if let given = headers["x-vapi-secret"] { return secret.matches(given) }
        guard let authorization = headers["authorization"], authorization.lowercased().hasPrefix("bearer ") else {
            return false
        }
        return secret.matches(String(authorization.dropFirst(7)).trimmingASCIIWhitespace())
    }
}
