internal import InboundMail
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `GET /api/v1/inbound/tickets`: newest first, keyset pages (`next_cursor`), filtered by `status` and `priority`
/// (one or several, comma-separated) and `q` (subject, customer name or email; wildcards in it match literally).
enum TicketListHandlers {
    struct ListPage: Encodable {
        let data: [TicketRecord]
        let next_cursor: String?

        private enum CodingKeys: String, CodingKey { case data, next_cursor }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(data, forKey: .data)
            try container.encode(next_cursor, forKey: .next_cursor)
        }
    }

    static let defaultLimit = 50
    static let maxLimit = 200

    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let limit = try self.limit(request.query("limit"))
        let cursor = try request.query("cursor").flatMap { $0.isEmpty ? nil : try KeysetCursor($0) }
        let statuses = try choices(request.query("status"), field: "status", from: TicketStatus.all)
        let priorities = try choices(request.query("priority"), field: "priority", from: TicketStatus.priorities)
        let search = try request.query("q").flatMap { text -> String? in
            let trimmed = text.trimmingASCIIWhitespace()
            guard trimmed.count <= 200 else { throw HTTPError.invalid("q", "q must be at most 200 characters long.") }
            return trimmed.isEmpty ? nil : likePattern(trimmed)
        }
        let page = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            let rows = try connection.query("""
                \(unsafe: TicketRecord.columns) \(unsafe: TicketRecord.joins)
                WHERE (\(statuses)::text[] IS NULL OR t.status = ANY(\(statuses)::text[]))
                  AND (\(priorities)::text[] IS NULL OR t.priority = ANY(\(priorities)::text[]))
                  AND (\(search)::text IS NULL OR t.subject ILIKE \(search) OR t.customer_name ILIKE \(search)
                       OR t.customer_email ILIKE \(search))
                  AND (\(cursor?.micros)::bigint IS NULL
                       OR (t.created_at, t.id) < (timestamptz 'epoch' + \(cursor?.micros)::bigint * interval '1 microsecond',
                                                  \(cursor?.id)::uuid))
                ORDER BY t.created_at DESC, t.id DESC LIMIT \(limit + 1)
                """)
            var tickets = try rows.all.map { row -> TicketRecord in
                var ticket = try TicketRecord(row: row)
                ticket.detailed = false
                return ticket
            }
            var next: String?
            if tickets.count > limit {
                tickets.removeLast()
                next = tickets.last.map { KeysetCursor(micros: Int64($0.createdMicros), id: $0.id).text }
            }
            return ListPage(data: tickets, next_cursor: next)
        }
        return try .json(page)
    }

    /// `?limit=` 1–200, default 50.
    static func limit(_ text: String?) throws(HTTPError) -> Int {
        guard let text, !text.isEmpty else { return defaultLimit }
        guard let number = Int(text), (1...maxLimit).contains(number) else {
            throw .invalid("limit", "limit must be an integer from 1 to \(maxLimit).")
        }
        return number
    }

    /// A comma-separated filter as a PostgreSQL array literal of known values; nil when absent.
    static func choices(_ text: String?, field: String, from known: [String]) throws(HTTPError) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let values = text.split(separator: ",").map { $0.filter { $0 != " " }.lowercased() }
        for value in values where !known.contains(value) {
            throw .invalid(field, "Unknown \(field) \"\(value)\"; expected: \(known.joined(separator: ", ")).")
        }
        return values.isEmpty ? nil : "{" + values.joined(separator: ",") + "}"
    }

    /// `%text%` for ILIKE, with `\`, `%` and `_` in the text matched literally.
    static func likePattern(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
