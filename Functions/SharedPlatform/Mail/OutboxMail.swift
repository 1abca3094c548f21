public import RuntimePostgres

/// A mail written to the `outbox` table, to be delivered by the mail job (or read there when no transport is
/// configured — DESIGN §4). Writing it in the caller's transaction means it exists exactly when the change
/// that caused it committed; the idempotency key makes a retry write it once.
public struct OutboxMail: Sendable {
    public var tenantID: String?
    public var idempotencyKey: String
    public var to: String
    public var from: String
    public var replyTo: String?
    public var subject: String
    public var text: String

    public init(tenantID: String?, idempotencyKey: String, to: String, from: String, replyTo: String? = nil,
                subject: String, text: String) {
        self.tenantID = tenantID
        self.idempotencyKey = idempotencyKey
        self.to = to
        self.from = from
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
    }

    /// The platform's own sender for account mail (resets, invitations).
    public static let platformSender = "no-reply@travel-platform.local"

    /// Inserts the mail unless one with the same idempotency key exists.
    public func write(on connection: PGConnection) throws {
        try connection.query("""
            INSERT INTO outbox (tenant_id, idempotency_key, to_address, from_address, reply_to, subject, text_body)
            VALUES (\(tenantID), \(idempotencyKey), \(to), \(from), \(replyTo), \(subject), \(text))
            ON CONFLICT (idempotency_key) DO NOTHING
            """)
    }
}
