/// What happened to a created quote's email, as the API reports it (`"email": {"queued", "outbox_id", "error"}`,
/// nulls written): shared by `POST /quotes/generate` and a ticket's accept action.
public struct QuoteEmailOutcome: Encodable, Sendable {
    public let queued: Bool
    public let outbox_id: Int64?
    public let error: String?

    /// The outcome of `created`; `error` is reported only when an email was asked for (`sendEmail` on a non-draft).
    public init(_ created: QuoteService.Created, emailAsked: Bool) {
        queued = created.outboxID != nil
        outbox_id = created.outboxID
        error = emailAsked ? created.emailError : nil
    }

    private enum CodingKeys: String, CodingKey { case queued, outbox_id, error }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(queued, forKey: .queued)
        try container.encode(outbox_id, forKey: .outbox_id)
        try container.encode(error, forKey: .error)
    }
}
