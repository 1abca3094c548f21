internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// A CRM client as the API shows it, enriched with its latest quote; unknown values are `null`.
struct ClientRecord: Encodable {
    struct LatestQuote: Encodable {
        let id: String
        let quote_id: String
        let destination: String?
        let status: String
        let created_at: String

        enum CodingKeys: String, CodingKey {
            case id, quote_id, destination, status, created_at
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(quote_id, forKey: .quote_id)
            try container.encode(destination, forKey: .destination)
            try container.encode(status, forKey: .status)
            try container.encode(created_at, forKey: .created_at)
        }
    }

    let id: String
    let client_id: String
    let name: String
    let email: String
    let phone: String?
    let stage: String
    let source: String
    let consultant_id: String?
    let quote_count: Int
    let notes: String
    let latest_quote: LatestQuote?
    let last_activity_at: String
    let created_at: String
    let updated_at: String

    enum CodingKeys: String, CodingKey {
        case id, client_id, name, email, phone, stage, source, consultant_id, quote_count, notes, latest_quote
        case last_activity_at, created_at, updated_at
    }

    /// Columns of ``from`` read by ``init(_:)``.
    static let columns: StaticString = """
        c.id::text AS id, c.client_id, c.name, c.email, c.phone, c.stage, c.source,
        c.consultant_id::text AS consultant_id, c.quote_count, c.notes,
        to_char(c.last_activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_activity_at,
        to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
        to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
        lq.id::text AS lq_id, lq.quote_id AS lq_quote_id, lq.destination AS lq_destination, lq.status AS lq_status,
        to_char(lq.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS lq_created_at
        """

    /// Clients with their latest quote: one index probe per row, in the same statement (no N+1).
    static let from: StaticString = """
        FROM clients c
        LEFT JOIN LATERAL (
            SELECT q.id, q.quote_id, q.destination, q.status, q.created_at FROM quotes q
            WHERE q.tenant_id = c.tenant_id AND q.client_id = c.id
            ORDER BY q.created_at DESC, q.id DESC LIMIT 1
        ) lq ON true
        """

    init(_ row: PGRow) throws {
        id = try row.string("id")
        client_id = try row.string("client_id")
        name = try row.string("name")
        email = try row.string("email")
        phone = row["phone"]
        stage = try row.string("stage")
        source = try row.string("source")
        consultant_id = row["consultant_id"]
        quote_count = try row.int("quote_count")
        notes = try row.string("notes")
        last_activity_at = try row.string("last_activity_at")
        created_at = try row.string("created_at")
        updated_at = try row.string("updated_at")
        if let quoteID = row["lq_id"] {
            latest_quote = LatestQuote(id: quoteID, quote_id: try row.string("lq_quote_id"),
                                       destination: row["lq_destination"], status: try row.string("lq_status"),
                                       created_at: try row.string("lq_created_at"))
        } else {
            latest_quote = nil
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(client_id, forKey: .client_id)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(phone, forKey: .phone)
        try container.encode(stage, forKey: .stage)
        try container.encode(source, forKey: .source)
        try container.encode(consultant_id, forKey: .consultant_id)
        try container.encode(quote_count, forKey: .quote_count)
        try container.encode(notes, forKey: .notes)
        try container.encode(latest_quote, forKey: .latest_quote)
        try container.encode(last_activity_at, forKey: .last_activity_at)
        try container.encode(created_at, forKey: .created_at)
        try container.encode(updated_at, forKey: .updated_at)
    }

    /// The client `reference` (a `CLI-…` id, any case, or the row UUID) of `tenantID`, or nil. With `lock`, the
    /// client row is locked until the transaction ends.
    static func find(on connection: PGConnection, tenantID: String, _ reference: String,
                     lock: Bool = false) throws -> ClientRecord? {
        guard let (uuid, code) = parse(reference) else { return nil }
        if lock {
            try connection.query("""
                SELECT 1 FROM clients WHERE tenant_id = \(tenantID) AND (id = \(uuid)::uuid OR client_id = \(code))
                FOR UPDATE
                """)
        }
        return try connection.query("""
            SELECT \(unsafe: columns) \(unsafe: from)
            WHERE c.tenant_id = \(tenantID) AND (c.id = \(uuid)::uuid OR c.client_id = \(code))
            """).first.map(ClientRecord.init)
    }

    /// (UUID, client id) of a path reference; nil when it can be neither.
    static func parse(_ reference: String) -> (uuid: String?, code: String?)? {
        if let uuid = try? Validate.uuid(reference) { return (uuid, nil) }
        let code = reference.uppercased()
        guard code.utf8.count == 12, code.hasPrefix("CLI-"),
              code.utf8.dropFirst(4).allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) })
        else { return nil }
        return (nil, code)
    }

    static func notFound() -> HTTPError { .notFound("No such client.") }
}
