internal import FoundationEssentials
internal import Runtime
public import RuntimePostgres

/// The one way a mail leaves the platform: written to the `outbox` table, then delivered by a `mail.deliver` job
/// in the worker (Integrations' `MailDelivery`), so a crash never loses or duplicates it.
///
/// ``enqueue(_:on:)`` runs on the caller's connection and inside the caller's transaction: the outbox row, its
/// attachments and the job exist exactly when the change that caused the mail committed. Under
/// `Database.withTenant` row-level security checks that a tenant writes only its own mail; platform mail without
/// a tenant goes through `Database.asPlatform`. Stateless; callable from any thread with its own connection.
public enum Mailer {
    /// The job kind the worker delivers mail under.
    public static let jobKind = "mail.deliver"
    /// Delivery attempts before the mail is marked `failed` (backoff 2, 4, 8 … s, capped at an hour: ≈ 2 h).
    public static let maxAttempts = 12

    /// What ``enqueue(_:on:)`` did.
    public struct Enqueued: Sendable, Equatable {
        /// The outbox row's id (the first row's, for a repeated key).
        public let outboxID: Int64
        /// False when a mail with the same idempotency key existed already (nothing was written).
        public let created: Bool
    }

    /// The job idempotency key for an outbox key (job keys are unique across every job kind, hence the prefix).
    public static func jobKey(_ outboxKey: String) -> String { jobKind + ":" + outboxKey }

    /// Writes `message` to the outbox and enqueues its delivery job, once per idempotency key.
    /// - Throws: ``HTTPError`` 422 when the message is invalid (``MailMessage/validated()``), ``PGError``.
    @discardableResult
    public static func enqueue(_ message: MailMessage, on connection: PGConnection) throws -> Enqueued {
        let mail = try message.validated()
        let encoder = JSON.encoder()
        let toList = String(decoding: try encoder.encode(mail.to), as: UTF8.self)
        let ccList = String(decoding: try encoder.encode(mail.cc), as: UTF8.self)
        let headers = String(decoding: try encoder.encode(mail.headers), as: UTF8.self)
        let inserted = try connection.query("""
            INSERT INTO outbox (tenant_id, idempotency_key, origin, to_address, to_list, cc_list, from_address, from_name,
                                reply_to, reply_to_name, subject, text_body, html_body, headers, sensitive,
                                attachment_count, attachment_bytes)
            VALUES (\(mail.tenantID), \(mail.idempotencyKey), \(mail.origin.rawValue),
                    \(mail.to.map(\.email).joined(separator: ", ")), \(toList)::jsonb, \(ccList)::jsonb,
                    \(mail.from.email), \(mail.from.name), \(mail.replyTo?.email), \(mail.replyTo?.name), \(mail.subject),
                    \(mail.text), \(mail.html), \(headers)::jsonb, \(mail.sensitive), \(mail.attachments.count),
                    \(mail.attachments.reduce(0) { $0 + $1.content.count }))
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """)
        guard let row = inserted.first else {
            let existing = try connection.query("SELECT id FROM outbox WHERE idempotency_key = \(mail.idempotencyKey)").first
            guard let existing else {
                throw PGError(.queryFailed, serverMessage: "a mail with this idempotency key exists but is not visible")
            }
            return Enqueued(outboxID: Int64(try existing.int("id")), created: false)
        }
        let id = Int64(try row.int("id"))
        for (position, attachment) in mail.attachments.enumerated() {
            try connection.query("""
                INSERT INTO outbox_attachments (tenant_id, outbox_id, position, filename, content_type, disposition,
                                                content_id, content)
                VALUES (\(mail.tenantID), \(id), \(position), \(attachment.filename), \(attachment.contentType),
                        \(attachment.disposition.rawValue), \(attachment.contentID), \(PGBytes(attachment.content))::bytea)
                """)
        }
        let job = try JobQueue.enqueue(on: connection, kind: jobKind, payload: #"{"outbox_id":\#(id)}"#,
                                       tenantID: mail.tenantID, idempotencyKey: jobKey(mail.idempotencyKey),
                                       maxAttempts: maxAttempts)
        try connection.query("UPDATE outbox SET job_id = \(job) WHERE id = \(id)")
        return Enqueued(outboxID: id, created: true)
    }
}
