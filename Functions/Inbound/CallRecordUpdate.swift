internal import Runtime

/// What one provider callback says about one call: the facts to merge into its `call_records` row.
///
/// nil fields say nothing (the stored value is kept); ``status`` only ever moves forward (``CallStatusOrder``).
struct CallRecordUpdate {
    enum Provider: String { case twilio, vapi }

    var provider: Provider
    /// CallSid (Twilio) or `call.id` (VAPI): 1–100 characters.
    var callID: String
    var status: String
    var direction: String?
    var fromNumber: String?
    var toNumber: String?
    var outcome: String?
    var durationSeconds: Int?
    var customerName: String?
    var summary: String?
    var transcript: String?
    /// Merged into the stored metadata object, key by key.
    var metadata: [String: JSONValue] = [:]
    /// Seconds since 1970.
    var startedAt: Double?
    var endedAt: Double?

    init(provider: Provider, callID: String, status: String) {
        self.provider = provider
        self.callID = callID
        self.status = status
    }

    /// Transcripts are capped at 100 KB, summaries at 10 KB, short fields at 200 bytes (cut on a character).
    static let maxTranscriptBytes = 100 * 1024
    static let maxSummaryBytes = 10 * 1024
    static let maxShortBytes = 200

    /// `text` cut to at most `maxBytes` UTF-8 bytes without splitting a character; nil stays nil, empty becomes nil.
    static func capped(_ text: String?, _ maxBytes: Int) -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard text.utf8.count > maxBytes else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            guard used + size <= maxBytes else { break }
            result.append(character)
            used += size
        }
        return result
    }
}

/// The order call statuses move in, per provider, so that a late or repeated callback never moves a call back.
///
/// Ranks: Twilio `queued`/`initiated` 0, `ringing` 1, `in-progress` 2, final (`completed`, `busy`, `failed`,
/// `no-answer`, `canceled`) 3; VAPI `scheduled`/`queued` 0, `ringing` 1, `in-progress` 2, `forwarding` 3,
/// `ended` 4. A status replaces the stored one only with a higher rank, so the first final status wins.
enum CallStatusOrder {
    static let twilioFinal: Set<String> = ["completed", "busy", "failed", "no-answer", "canceled"]

    /// The rank of `status`, or nil when the provider has no such status.
    static func rank(_ status: String, provider: CallRecordUpdate.Provider) -> Int? {
        switch (provider, status) {
        case (.twilio, "queued"), (.twilio, "initiated"): 0
        case (.twilio, "ringing"): 1
        case (.twilio, "in-progress"): 2
        case (.twilio, let final) where twilioFinal.contains(final): 3
        case (.vapi, "scheduled"), (.vapi, "queued"): 0
        case (.vapi, "ringing"): 1
        case (.vapi, "in-progress"): 2
        case (.vapi, "forwarding"): 3
        case (.vapi, "ended"): 4
        default: nil
        }
    }

    /// Whether `status` ends the call.
    static func isFinal(_ status: String, provider: CallRecordUpdate.Provider) -> Bool {
        provider == .twilio ? twilioFinal.contains(status) : status == "ended"
    }

    /// The status to keep when `incoming` arrives for a call stored as `current`.
    static func merged(current: String, incoming: String, provider: CallRecordUpdate.Provider) -> String {
        guard let new = rank(incoming, provider: provider) else { return current }
        guard let old = rank(current, provider: provider) else { return incoming }
        return new > old ? incoming : current
    }
}
