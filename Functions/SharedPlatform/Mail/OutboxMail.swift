public import RuntimePostgres

/// A plain-text account mail from the platform (password resets, invitations): a shorthand for a
/// ``MailMessage`` with origin `platform` that ``Mailer/enqueue(_:on:)`` writes and delivers like every other mail.
///
/// Its body holds a one-time link, so it is marked sensitive: the outbox API never shows it.
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

    /// The message ``write(on:)`` enqueues.
    public var message: MailMessage {
        MailMessage(tenantID: tenantID, idempotencyKey: idempotencyKey, origin: .platform, from: MailAddress(from),
                    to: [MailAddress(to)], replyTo: replyTo.map { MailAddress($0) }, subject: subject, text: text,
                    sensitive: true)
    }

    /// Writes the mail and its delivery job in the caller's transaction, unless the idempotency key exists.
    public func write(on connection: PGConnection) throws {
        try Mailer.enqueue(message, on: connection)
    }
}
