internal import FoundationEssentials
internal import Runtime

/// A VAPI server message (`{"message":{"type", "call":{"id",…}, …}}`), read leniently: unknown members are
/// ignored, and only what a recorded type needs is required.
///
/// Field sources follow VAPI's server-message schema: `status-update` carries `status` (and `endedReason` when
/// ended); `end-of-call-report` carries `endedReason`, `cost`, `startedAt`/`endedAt`, `artifact.transcript`,
/// `analysis.summary` (older payloads: top-level `transcript`, `summary`, `durationSeconds`), `customer` and
/// `phoneNumber`. Transcripts are capped at 100 KB, summaries at 10 KB.
struct VAPIServerMessage {
    /// The message `type` (`status-update`, `end-of-call-report`, `assistant-request`, …).
    let type: String
    let message: JSONValue

    /// Reads the envelope. - Throws: 422 `invalid_field` (`message`, `message.type`) for another shape.
    init(body: JSONValue) throws(HTTPError) {
        guard let message = body["message"], message.object != nil else {
            throw .invalid("message", "The body must be {\"message\": {\"type\": …}}.")
        }
        guard let type = message["type"]?.string, (1...100).contains(type.utf8.count) else {
            throw .invalid("message.type", "message.type must be a string.")
        }
        self.type = type
        self.message = message
    }

    /// The record update for a `status-update` message.
    func statusUpdate() throws(HTTPError) -> CallRecordUpdate {
        guard let status = message["status"]?.string, CallStatusOrder.rank(status, provider: .vapi) != nil else {
            throw .invalid("message.status", "message.status must be one of VAPI's call statuses.")
        }
        var update = try base(status: status)
        if status == "ended" { update.outcome = CallRecordUpdate.capped(endedReason, CallRecordUpdate.maxShortBytes) }
        return update
    }

    /// The record update for an `end-of-call-report` message (status `ended`).
    func endOfCallReport() throws(HTTPError) -> CallRecordUpdate {
        var update = try base(status: "ended")
        update.outcome = CallRecordUpdate.capped(endedReason, CallRecordUpdate.maxShortBytes)
        let summary = message["analysis"]?["summary"]?.string ?? message["summary"]?.string
            ?? call["analysis"]?["summary"]?.string
        update.summary = CallRecordUpdate.capped(summary, CallRecordUpdate.maxSummaryBytes)
        let transcript = message["artifact"]?["transcript"]?.string ?? message["transcript"]?.string
        update.transcript = CallRecordUpdate.capped(transcript, CallRecordUpdate.maxTranscriptBytes)
        update.startedAt = Self.date(message["startedAt"]?.string ?? call["startedAt"]?.string)
        update.endedAt = Self.date(message["endedAt"]?.string ?? call["endedAt"]?.string)
        if let seconds = message["durationSeconds"]?.number ?? message["duration"]?.number {
            update.durationSeconds = Self.seconds(seconds)
        } else if let start = update.startedAt, let end = update.endedAt {
            update.durationSeconds = Self.seconds(end - start)
        }
        if let reason = update.outcome { update.metadata["ended_reason"] = .string(reason) }
        if let cost = message["cost"]?.number ?? call["cost"]?.number, cost.isFinite {
            update.metadata["cost"] = .number(cost)
        }
        if let url = message["artifact"]?["recordingUrl"]?.string ?? message["recordingUrl"]?.string {
            update.metadata["recording_url"] = .string(String(url.prefix(2048)))
        }
        return update
    }

    /// The `call` object (empty when absent).
    var call: JSONValue { message["call"] ?? .object([:]) }

    var endedReason: String? { message["endedReason"]?.string ?? call["endedReason"]?.string }

    /// What every recorded type shares: the call id (required), direction and numbers.
    func base(status: String) throws(HTTPError) -> CallRecordUpdate {
        guard let id = call["id"]?.string, (1...100).contains(id.utf8.count) else {
            throw .invalid("message.call.id", "message.call.id must be a string of 1 to 100 characters.")
        }
        var update = CallRecordUpdate(provider: .vapi, callID: id, status: status)
        let customer = message["customer"] ?? call["customer"]
        let customerNumber = CallRecordUpdate.capped(customer?["number"]?.string, CallRecordUpdate.maxShortBytes)
        let ourNumber = CallRecordUpdate.capped(message["phoneNumber"]?["number"]?.string,
                                                CallRecordUpdate.maxShortBytes)
        switch call["type"]?.string {
        case "inboundPhoneCall"?:
            update.direction = "inbound"
            (update.fromNumber, update.toNumber) = (customerNumber, ourNumber)
        case "outboundPhoneCall"?:
            update.direction = "outbound"
            (update.fromNumber, update.toNumber) = (ourNumber, customerNumber)
        default:
            update.fromNumber = customerNumber
        }
        update.customerName = CallRecordUpdate.capped(customer?["name"]?.string, CallRecordUpdate.maxShortBytes)
        if let type = call["type"]?.string { update.metadata["call_type"] = .string(String(type.prefix(40))) }
        if let assistant = call["assistantId"]?.string {
            update.metadata["assistant_id"] = .string(String(assistant.prefix(100)))
        }
        return update
    }

    /// Seconds since 1970 for an ISO 8601 timestamp (with or without fractional seconds); nil otherwise.
    static func date(_ text: String?) -> Double? {
        guard let text, text.utf8.count <= 64 else { return nil }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let whole = Date.ISO8601FormatStyle()
        guard let date = (try? fractional.parse(text)) ?? (try? whole.parse(text)) else { return nil }
        return date.timeIntervalSince1970
    }

    /// A duration rounded to whole seconds, clamped to 0…10,000,000.
    static func seconds(_ value: Double) -> Int? {
        guard value.isFinite else { return nil }
        return Int(min(max(value.rounded(), 0), 10_000_000))
    }
}
