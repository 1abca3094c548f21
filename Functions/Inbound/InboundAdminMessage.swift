internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// One stored inbound email as platform-admin diagnostics show it (`inbound_messages`, platform state).
///
/// The list form carries no bodies; ``detail(_:on:)`` adds the text fields as posted (each cut at
/// ``fieldCap`` characters, with `truncated` saying which were cut) and attachment metadata, never their bytes.
struct InboundAdminMessage: Encodable, Sendable {
    /// The stored text fields a detail shows, in this order.
    static let textFields = ["headers", "from", "to", "cc", "subject", "text", "html", "envelope", "email"]
    /// The most characters of one text field a detail shows (about 100 KB).
    static let fieldCap = 100_000
    /// The statuses of `inbound_messages.status`.
    static let statuses = ["received", "processing", "processed", "unroutable", "ignored", "dead"]

    struct Attachment: Encodable, Sendable {
        let position: Int
        let filename: String
        let content_type: String
        let size: Int
    }

    let id: String
    let status: String
    let form: String
    let from: String?
    let to: String?
    let subject: String?
    let message_id: String?
    let url_tenant: String?
    let routed_tenant: String?
    let last_error: String?
    let job_id: Int?
    let received_at: String
    let updated_at: String
    let attachments: Int
    /// `received_at` in microseconds since 1970, for the list cursor (not shown).
    let cursorMicros: Int64

    static let columns: StaticString = """
        m.id::text AS id, m.status, m.form, left(m.fields->>'from', 1000) AS "from", left(m.fields->>'to', 2000) AS "to",
        left(m.fields->>'subject', 1000) AS subject, m.message_id, m.url_tenant, m.routed_tenant, m.last_error, m.job_id,
        to_char(m.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS received_at,
        (extract(epoch FROM m.received_at) * 1000000)::bigint AS cursor_micros,
        to_char(m.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
        (SELECT count(*) FROM inbound_attachments a WHERE a.message_id = m.id) AS attachments
        """

    init(row: PGRow) throws {
        id = try row.string("id")
        status = try row.string("status")
        form = try row.string("form")
        from = row["from"]
        to = row["to"]
        subject = row["subject"]
        message_id = row["message_id"]
        url_tenant = row["url_tenant"]
        routed_tenant = row["routed_tenant"]
        last_error = row["last_error"]
        job_id = try row.optionalInt("job_id")
        received_at = try row.string("received_at")
        updated_at = try row.string("updated_at")
        attachments = try row.int("attachments")
        cursorMicros = Int64(try row.int("cursor_micros"))
    }

    private enum CodingKeys: String, CodingKey {
        case id, status, form, from, to, subject, message_id, url_tenant, routed_tenant, last_error, job_id, received_at,
             updated_at, attachments
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(form, forKey: .form)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(subject, forKey: .subject)
        try container.encode(message_id, forKey: .message_id)
        try container.encode(url_tenant, forKey: .url_tenant)
        try container.encode(routed_tenant, forKey: .routed_tenant)
        try container.encode(last_error, forKey: .last_error)
        try container.encode(job_id, forKey: .job_id)
        try container.encode(received_at, forKey: .received_at)
        try container.encode(updated_at, forKey: .updated_at)
        try container.encode(attachments, forKey: .attachments)
    }

    /// The message `id` (a lower-case UUID) on a platform connection, or nil.
    static func find(_ id: String, on connection: PGConnection) throws -> InboundAdminMessage? {
        try connection.query("SELECT \(unsafe: columns) FROM inbound_messages m WHERE m.id = \(id)::uuid").first
            .map(InboundAdminMessage.init(row:))
    }

    /// A page of messages, newest first, after `cursor` when given.
    static func list(status: String?, cursor: KeysetCursor?, limit: Int, on connection: PGConnection) throws
        -> [InboundAdminMessage]
    {
        try connection.query("""
            SELECT \(unsafe: columns) FROM inbound_messages m
            WHERE (\(status)::text IS NULL OR m.status = \(status))
              AND (\(cursor?.micros)::bigint IS NULL
                   OR (m.received_at, m.id)
                      < (timestamptz 'epoch' + \(cursor?.micros)::bigint * interval '1 microsecond', \(cursor?.id)::uuid))
            ORDER BY m.received_at DESC, m.id DESC LIMIT \(limit)
            """).all.map(InboundAdminMessage.init(row:))
    }
}
