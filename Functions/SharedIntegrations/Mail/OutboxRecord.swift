internal import FoundationEssentials
internal import Runtime
public import RuntimePostgres
internal import SharedPlatform

/// Reads and moves outbox rows for delivery, on the worker's platform connection (inside its transaction).
///
/// Status machine: `pending` → `sending` (attempt counted) → `sent` | `failed` | back to `pending` (retryable
/// failure); `pending` → `stored` (no transport) or `failed` (refused). A row found in `sending` was interrupted
/// (the worker died mid-call) and is attempted again. Every change appends `{status, at, attempt, …}` to `history`.
public enum OutboxRecord {
    /// Locks the row (`FOR UPDATE`) and loads it with its attachments; nil when it does not exist.
    public static func lock(_ id: Int64, on connection: PGConnection) throws -> StoredMail? {
        guard let row = try connection.query("""
            SELECT tenant_id, idempotency_key, origin, to_list::text AS to_list, cc_list::text AS cc_list, from_address,
                   from_name, reply_to, reply_to_name, subject, text_body, html_body, headers::text AS headers, sensitive,
                   status, attempts
            FROM outbox WHERE id = \(id) FOR UPDATE
            """).first else { return nil }
        let decoder = JSON.decoder()
        let decode = { (column: String) throws -> Data in Data(try row.string(column).utf8) }
        let attachments = try connection.query("""
            SELECT filename, content_type, disposition, content_id, content FROM outbox_attachments
            WHERE outbox_id = \(id) ORDER BY position
            """).all.map { attachment in
            MailAttachment(filename: try attachment.string("filename"), contentType: try attachment.string("content_type"),
                           content: try attachment.bytes("content"),
                           disposition: MailAttachment.Disposition(rawValue: try attachment.string("disposition")) ?? .attachment,
                           contentID: attachment["content_id"])
        }
        let message = MailMessage(
            tenantID: row["tenant_id"], idempotencyKey: try row.string("idempotency_key"),
            origin: MailMessage.Origin(rawValue: try row.string("origin")) ?? .tenant,
            from: MailAddress(try row.string("from_address"), name: row["from_name"]),
            to: try decoder.decode([MailAddress].self, from: try decode("to_list")),
            cc: try decoder.decode([MailAddress].self, from: try decode("cc_list")),
            replyTo: row["reply_to"].map { MailAddress($0, name: row["reply_to_name"]) },
            subject: try row.string("subject"), text: try row.string("text_body"), html: row["html_body"],
            headers: try decoder.decode([String: String].self, from: try decode("headers")),
            attachments: attachments, sensitive: try row.bool("sensitive"))
        return StoredMail(id: id, message: message, status: try row.string("status"), attempts: try row.int("attempts"))
    }

    /// `sending`, one more attempt, through `transport`.
    public static func markSending(_ id: Int64, transport: String, on connection: PGConnection) throws {
        try connection.query("""
            UPDATE outbox SET status = 'sending', attempts = attempts + 1, transport = \(transport), updated_at = now(),
                   history = history || jsonb_build_array(jsonb_build_object(
                       'status', 'sending', 'at', now(), 'attempt', attempts + 1, 'transport', \(transport)::text,
                       'resumed', status = 'sending'))
            WHERE id = \(id)
            """)
    }

    /// `sent`, with the provider's message id and `sent_at`.
    public static func markSent(_ id: Int64, providerMessageID: String?, on connection: PGConnection) throws {
        try connection.query("""
            UPDATE outbox SET status = 'sent', provider_message_id = \(providerMessageID), sent_at = now(), last_error = NULL,
                   updated_at = now(), history = history || jsonb_build_array(jsonb_build_object(
                       'status', 'sent', 'at', now(), 'attempt', attempts, 'provider_message_id', \(providerMessageID)::text))
            WHERE id = \(id)
            """)
    }

    /// `stored` (outbox-only), `failed` or back to `pending`, with `error` as `last_error` (nil for `stored`).
    public static func mark(_ id: Int64, status: String, error: String?, transport: String? = nil, on connection: PGConnection) throws {
        let message = error.map { String($0.prefix(1000)) }
        try connection.query("""
            UPDATE outbox SET status = \(status), last_error = \(message), transport = COALESCE(\(transport), transport),
                   updated_at = now(), history = history || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
                       'status', \(status)::text, 'at', now(), 'attempt', attempts, 'error', \(message)::text)))
            WHERE id = \(id)
            """)
    }
}
