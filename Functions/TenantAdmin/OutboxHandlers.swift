internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// The outbox, read-only: every mail the platform wrote, its delivery status and history (SPEC §4, DESIGN §4).
///
/// - `GET /api/v1/admin/outbox` (X-Admin-Token): all tenants; filters `tenant_id`, `status`; `limit`/`offset`.
/// - `GET /api/v1/admin/outbox/{id}`.
/// - `GET /api/v1/tenant/outbox` (tenant admin): the caller's tenant only (row-level security); filter `status`.
/// - `GET /api/v1/tenant/outbox/{id}` — 404 for another tenant's mail.
/// Lists carry no bodies; a detail carries the text and HTML body — except for sensitive mail (reset and
/// invitation links), whose body is withheld — and attachment names and sizes, never their bytes.
enum OutboxHandlers {
    static let statuses = ["pending", "sending", "sent", "failed", "stored"]

    static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/admin/outbox", adminList)
        router.get("/api/v1/admin/outbox/{id}", adminGet)
        router.get("/api/v1/tenant/outbox", tenantList)
        router.get("/api/v1/tenant/outbox/{id}", tenantGet)
    }

    static func adminList(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let (page, status) = try filters(request)
        let tenant = request.query("tenant_id").flatMap { $0.isEmpty ? nil : $0 }
        let result = try context.services.database.asPlatform(deadline: context.deadline) { connection in
            try list(on: connection, tenant: tenant, status: status, page: page)
        }
        return try .json(result)
    }

    static func adminGet(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let id = try identifier(context)
        let mail = try context.services.database.asPlatform(deadline: context.deadline) { try OutboxEntry.detail(id, on: $0) }
        guard let mail else { throw HTTPError.notFound("No mail \(id).") }
        return try .json(mail)
    }

    static func tenantList(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let (page, status) = try filters(request)
        let result = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            try list(on: connection, tenant: principal.tenantID, status: status, page: page)
        }
        return try .json(result)
    }

    static func tenantGet(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let id = try identifier(context)
        let mail = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) {
            try OutboxEntry.detail(id, on: $0)
        }
        guard let mail else { throw HTTPError.notFound("No mail \(id).") }
        return try .json(mail)
    }

    private static func filters(_ request: Request) throws -> (Pagination, String?) {
        let status = try request.query("status").flatMap { $0.isEmpty ? nil : $0 }.map {
            try Validate.choice($0, field: "status", from: statuses)
        }
        return (try Pagination(request), status)
    }

    private static func identifier(_ context: PlatformContext) throws -> Int64 {
        let text = try context.parameter("id")
        guard let id = Int64(text), id > 0 else { throw HTTPError.notFound("No mail \(text).") }
        return id
    }

    private static func list(on connection: PGConnection, tenant: String?, status: String?, page: Pagination) throws
        -> Page<OutboxEntry>
    {
        let rows = try connection.query("""
            SELECT \(unsafe: OutboxEntry.columns), count(*) OVER () AS total FROM outbox
            WHERE (\(tenant)::text IS NULL OR tenant_id = \(tenant)) AND (\(status)::text IS NULL OR status = \(status))
            ORDER BY created_at DESC, id DESC LIMIT \(page.limit) OFFSET \(page.offset)
            """)
        var total = try rows.first?.int("total") ?? 0
        if rows.isEmpty, page.offset > 0 {
            total = try connection.query("""
                SELECT count(*) AS n FROM outbox
                WHERE (\(tenant)::text IS NULL OR tenant_id = \(tenant)) AND (\(status)::text IS NULL OR status = \(status))
                """).first?.int("n") ?? 0
        }
        return Page(data: try rows.all.map { try OutboxEntry(row: $0) }, total: total, pagination: page)
    }
}

/// One outbox row as the API shows it. `detail` adds the bodies (unless sensitive), custom headers, attachment
/// metadata and the status history.
struct OutboxEntry: Encodable, Sendable {
    struct Attachment: Encodable, Sendable {
        let filename: String
        let content_type: String
        let disposition: String
        let size: Int
    }

    struct Detail: Encodable, Sendable {
        let text: String?
        let html: String?
        /// True for sensitive mail (one-time links): the bodies are not shown.
        let body_withheld: Bool
        let headers: JSONValue
        let attachments: [Attachment]
        let history: JSONValue
    }

    let id: Int
    let tenant_id: String?
    let origin: String
    let status: String
    let transport: String?
    let provider_message_id: String?
    let attempts: Int
    let last_error: String?
    let from: JSONValue
    let to: JSONValue
    let cc: JSONValue
    let reply_to: String?
    let subject: String
    let attachment_count: Int
    let attachment_bytes: Int
    let created_at: String
    let updated_at: String
    let sent_at: String?
    var detail: Detail?

    static let columns: StaticString = """
        id, tenant_id, origin, status, transport, provider_message_id, attempts, last_error, from_address, from_name,
        to_list::text AS to_list, cc_list::text AS cc_list, reply_to, subject, attachment_count, attachment_bytes,
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
        to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
        to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS sent_at
        """

    init(row: PGRow) throws {
        id = try row.int("id")
        tenant_id = row["tenant_id"]
        origin = try row.string("origin")
        status = try row.string("status")
        transport = row["transport"]
        provider_message_id = row["provider_message_id"]
        attempts = try row.int("attempts")
        last_error = row["last_error"]
        var sender: [String: JSONValue] = ["email": .string(try row.string("from_address"))]
        if let name = row["from_name"] { sender["name"] = .string(name) }
        from = .object(sender)
        to = try Self.json(row.string("to_list"))
        cc = try Self.json(row.string("cc_list"))
        reply_to = row["reply_to"]
        subject = try row.string("subject")
        attachment_count = try row.int("attachment_count")
        attachment_bytes = try row.int("attachment_bytes")
        created_at = try row.string("created_at")
        updated_at = try row.string("updated_at")
        sent_at = row["sent_at"]
    }

    /// The row `id` with its detail, through the caller's transaction (RLS decides visibility); nil when unseen.
    static func detail(_ id: Int64, on connection: PGConnection) throws -> OutboxEntry? {
        guard let row = try connection.query("""
            SELECT \(unsafe: columns), text_body, html_body, sensitive, headers::text AS headers, history::text AS history
            FROM outbox WHERE id = \(id)
            """).first else { return nil }
        var entry = try OutboxEntry(row: row)
        let withheld = try row.bool("sensitive")
        let attachments = try connection.query("""
            SELECT filename, content_type, disposition, octet_length(content) AS size FROM outbox_attachments
            WHERE outbox_id = \(id) ORDER BY position
            """).all.map {
            Attachment(filename: try $0.string("filename"), content_type: try $0.string("content_type"),
                       disposition: try $0.string("disposition"), size: try $0.int("size"))
        }
        entry.detail = Detail(text: withheld ? nil : row["text_body"], html: withheld ? nil : row["html_body"],
                              body_withheld: withheld, headers: try json(row.string("headers")), attachments: attachments,
                              history: try json(row.string("history")))
        return entry
    }

    private static func json(_ text: String) throws -> JSONValue { try JSON.decode(JSONValue.self, from: Array(text.utf8)) }

    private enum CodingKeys: String, CodingKey {
        case id, tenant_id, origin, status, transport, provider_message_id, attempts, last_error, from, to, cc, reply_to,
             subject, attachment_count, attachment_bytes, created_at, updated_at, sent_at
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(tenant_id, forKey: .tenant_id)
        try container.encode(origin, forKey: .origin)
        try container.encode(status, forKey: .status)
        try container.encode(transport, forKey: .transport)
        try container.encode(provider_message_id, forKey: .provider_message_id)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(last_error, forKey: .last_error)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(cc, forKey: .cc)
        try container.encode(reply_to, forKey: .reply_to)
        try container.encode(subject, forKey: .subject)
        try container.encode(attachment_count, forKey: .attachment_count)
        try container.encode(attachment_bytes, forKey: .attachment_bytes)
        try container.encode(created_at, forKey: .created_at)
        try container.encode(updated_at, forKey: .updated_at)
        try container.encode(sent_at, forKey: .sent_at)
        try detail?.encode(to: encoder)
    }
}
