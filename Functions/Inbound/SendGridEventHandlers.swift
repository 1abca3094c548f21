internal import Integrations
internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /webhooks/sendgrid/events` — SendGrid's Event Webhook: signed delivery events (delivered, bounce,
/// dropped, deferred, open, click…) appended to the outbox row they belong to.
///
/// The post must carry a valid ECDSA P-256 signature (`SENDGRID_EVENT_PUBLIC_KEY`, timestamp within 5
/// minutes): 401 otherwise, which SendGrid does not retry — an unsigned post is not SendGrid's. Each event names
/// its mail by the `custom_args` the mail was sent with (`outbox_id` and `outbox_key`, both must match), and is
/// recorded once (by `sg_event_id`). Bounces, drops and blocks also set the row's `last_error`.
enum SendGridEventHandlers {
    /// Events accepted in one post (SendGrid batches up to about a thousand).
    static let maxEvents = 10_000

    struct Event: Decodable {
        let event: String?
        let timestamp: Int?
        let sg_event_id: String?
        let reason: String?
        let outbox_id: String?
        let outbox_key: String?
    }

    struct Result: Encodable {
        let recorded: Int
        let ignored: Int
    }

    static func install(on router: inout PlatformRouter) {
        router.post("/webhooks/sendgrid/events", receive)
    }

    static func receive(_ request: Request, _ context: PlatformContext) throws -> Response {
        guard let key = context.services.config.sendGridEventPublicKey else {
            throw HTTPError(.serviceUnavailable, code: "event_webhook_not_configured",
                            message: "SendGrid delivery events are not configured on this server.")
        }
        let verifier: SendGridEventVerifier
        do { verifier = try SendGridEventVerifier(publicKey: key) } catch {
            context.logger.error("SENDGRID_EVENT_PUBLIC_KEY is not a P-256 public key")
            throw HTTPError(.serviceUnavailable, code: "event_webhook_not_configured",
                            message: "SendGrid delivery events are not configured on this server.")
        }
        do { try verifier.verify(headers: request.headers, body: request.body) } catch {
            context.logger.warning("event webhook refused", metadata: ["reason": .string(error.reason.rawValue)])
            throw HTTPError(.unauthorized, code: "invalid_signature", message: "The event webhook signature is not valid.")
        }
        let events = try JSON.decode([Event].self, from: request.body)
        guard events.count <= maxEvents else {
            throw HTTPError(.payloadTooLarge, code: .payloadTooLarge, message: "At most \(maxEvents) events per post.")
        }
        var recorded = 0
        try context.services.database.asPlatform(deadline: context.deadline) { connection in
            for event in events {
                guard let name = event.event, let id = event.outbox_id.flatMap(Int64.init), let outboxKey = event.outbox_key,
                      let eventID = event.sg_event_id else { continue }
                let entry = String(decoding: try JSON.encode(JSONValue.object([
                    "at": event.timestamp.map { .number(Double($0)) } ?? .null, "event": .string(String(name.prefix(40))),
                    "sg_event_id": .string(String(eventID.prefix(100))),
                    "reason": event.reason.map { .string(String($0.prefix(300))) } ?? .null,
                ])), as: UTF8.self)
                let failure = ["bounce", "dropped", "blocked"].contains(name) ? "\(name): \(event.reason ?? "")".prefix(500) : nil
                recorded += try connection.query("""
                    UPDATE outbox SET history = history || jsonb_build_array(\(entry)::jsonb),
                                      last_error = coalesce(\(failure.map(String.init)), last_error), updated_at = now()
                    WHERE id = \(id) AND idempotency_key = \(outboxKey)
                      AND NOT history @> jsonb_build_array(jsonb_build_object('sg_event_id', \(eventID)::text))
                    """).affectedRows
            }
        }
        return try .json(Result(recorded: recorded, ignored: events.count - recorded))
    }
}
