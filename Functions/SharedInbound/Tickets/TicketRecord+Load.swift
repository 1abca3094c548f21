internal import Runtime
public import RuntimePostgres
internal import SharedPlatform

extension TicketRecord {
    /// The select list every ticket read uses (alias `t`; with ``joins``).
    public static let columns: StaticString = """
        SELECT t.id::text AS id, t.ticket_id, t.status, t.priority, t.subject, t.customer_name, t.customer_email,
               t.customer_phone, t.is_travel_inquiry, t.parsed::text AS parsed, t.parse_method, q.quote_id AS quote_ref,
               t.quote_id::text AS quote_uuid, t.source, t.message, array_to_json(t.missing)::text AS missing, t.notes,
               t.assigned_to::text AS assigned_to, c.client_id AS client_ref, t.conversation::text AS conversation,
               to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
               to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
               (extract(epoch FROM t.created_at) * 1000000)::bigint AS created_micros
        """

    /// The tables behind ``columns``: the quote and client a ticket points at, under the same tenant.
    public static let joins: StaticString = """
        FROM tickets t
        LEFT JOIN quotes q ON q.tenant_id = t.tenant_id AND q.id = t.quote_id
        LEFT JOIN clients c ON c.tenant_id = t.tenant_id AND c.id = t.client_id
        """

    /// A record from a row of ``columns``.
    public init(row: PGRow) throws {
        func document(_ column: String, default fallback: JSONValue) -> JSONValue {
            guard let text = row[column] else { return fallback }
            return (try? JSON.decode(JSONValue.self, from: Array(text.utf8))) ?? fallback
        }
        func nonEmpty(_ column: String) -> String? { row[column].flatMap { $0.isEmpty ? nil : $0 } }
        id = try row.string("id")
        ticket_id = try row.string("ticket_id")
        status = try row.string("status")
        priority = try row.string("priority")
        subject = try row.string("subject")
        customer = Customer(name: nonEmpty("customer_name"), email: nonEmpty("customer_email"), phone: nonEmpty("customer_phone"))
        parsed = Self.parsedView(document("parsed", default: .object([:])), isTravelInquiry: try row.bool("is_travel_inquiry"),
                                 method: row["parse_method"])
        quote_id = row["quote_ref"]
        quoteUUID = row["quote_uuid"]
        created_at = try row.string("created_at")
        source = try row.string("source")
        message = row["message"] ?? ""
        missing = document("missing", default: .array([])).array?.compactMap(\.string) ?? []
        notes = row["notes"] ?? ""
        assigned_to = row["assigned_to"]
        client_id = row["client_ref"]
        conversation = document("conversation", default: .array([])).array ?? []
        updated_at = try row.string("updated_at")
        createdMicros = try row.int("created_micros")
    }

    /// The ticket named by `reference` (its uuid or `TKT-…` id) under the connection's tenant, or nil.
    ///
    /// - Parameter lock: take the row lock (`FOR UPDATE`) before a change, so concurrent changes serialise.
    public static func load(_ reference: String, on connection: PGConnection, lock: Bool = false) throws -> TicketRecord? {
        let (uuid, code) = Self.reference(reference)
        guard uuid != nil || code != nil else { return nil }
        let rows = lock
            ? try connection.query("""
                \(unsafe: columns) \(unsafe: joins)
                WHERE (\(uuid)::uuid IS NOT NULL AND t.id = \(uuid)::uuid) OR (\(code)::text IS NOT NULL AND t.ticket_id = \(code))
                FOR UPDATE OF t
                """)
            : try connection.query("""
                \(unsafe: columns) \(unsafe: joins)
                WHERE (\(uuid)::uuid IS NOT NULL AND t.id = \(uuid)::uuid) OR (\(code)::text IS NOT NULL AND t.ticket_id = \(code))
                """)
        return try rows.first.map { try TicketRecord(row: $0) }
    }

    /// Splits a path reference into a uuid or a `TKT-YYYYMMDD-XXXXXX` id (upper-cased); both nil for anything else.
    public static func reference(_ text: String) -> (uuid: String?, code: String?) {
        if let uuid = try? Validate.uuid(text) { return (uuid, nil) }
        let code = text.trimmingASCIIWhitespace().uppercased()
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        let digit: (UInt8) -> Bool = { (48...57).contains($0) }
        guard parts.count == 3, parts[0] == "TKT", parts[1].utf8.count == 8, parts[1].utf8.allSatisfy(digit),
              parts[2].utf8.count == 6, parts[2].utf8.allSatisfy({ digit($0) || (65...70).contains($0) })
        else { return (nil, nil) }
        return (nil, code)
    }
}
