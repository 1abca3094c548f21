internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `GET /api/v1/quotes` (filters, newest first) and `GET /api/v1/quotes/{id}/activities`.
enum QuoteListHandlers {
    struct ActivityRow: Encodable {
        let id: String
        let kind: String
        let from_status: String?
        let to_status: String?
        let actor: String
        let note: String
        let detail: JSONValue
        let created_at: String
    }

    /// Filters: `status` (one or several, comma-separated), `customer` (email, ignoring case), `search` (customer
    /// name or email, destination, quote id), `consultant_id`, `from`/`to` (creation date, inclusive).
    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let page = try Pagination(request)
        let statuses = try request.query("status").map { text -> [String] in
            let values = text.split(separator: ",").map { $0.filter { $0 != " " }.lowercased() }
            for value in values where !QuoteStatus.all.contains(value) {
                throw HTTPError.invalid("status", "Unknown status \"\(value)\"; expected: \(QuoteStatus.all.joined(separator: ", ")).")
            }
            return values
        }
        let customer = request.query("customer")?.lowercased()
        let search = request.query("search").map(likePattern)
        let consultant = try request.query("consultant_id").map { try Validate.uuid($0) }
        let from = try QuoteItemHandlers.day(request.query("from"), field: "from")
        let to = try QuoteItemHandlers.day(request.query("to"), field: "to")
        let statusFilter = statuses.map { "{" + $0.joined(separator: ",") + "}" }
        let result = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            let rows = try connection.query("""
                \(unsafe: QuoteRecord.columns), count(*) OVER () AS total_count
                \(unsafe: QuoteRecord.joins)
                WHERE (\(statusFilter)::text[] IS NULL OR q.status = ANY(\(statusFilter)::text[]))
                  AND (\(customer)::text IS NULL OR lower(q.customer_email) = \(customer))
                  AND (\(consultant)::uuid IS NULL OR q.consultant_id = \(consultant)::uuid)
                  AND (\(from)::date IS NULL OR q.created_at >= \(from)::date)
                  AND (\(to)::date IS NULL OR q.created_at < \(to)::date + 1)
                  AND (\(search)::text IS NULL OR q.customer_name ILIKE \(search) OR q.customer_email ILIKE \(search)
                       OR q.destination ILIKE \(search) OR q.quote_id ILIKE \(search))
                ORDER BY q.created_at DESC, q.id LIMIT \(page.limit) OFFSET \(page.offset)
                """)
            return Page(data: try QuoteRecord.all(rows), total: try rows.first?.int("total_count") ?? 0, pagination: page)
        }
        return try .json(result)
    }

    static func activities(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let page = try Pagination(request)
        let result = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> Page<ActivityRow>? in
            guard let quote = try QuoteRecord.load(reference, on: connection) else { return nil }
            let rows = try connection.query("""
                SELECT id::text AS id, kind, from_status, to_status, actor, note, detail::text AS detail,
                       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
                       count(*) OVER () AS total
                FROM activities WHERE subject_type = 'quote' AND subject_id = \(quote.id)::uuid
                ORDER BY activities.created_at, activities.id LIMIT \(page.limit) OFFSET \(page.offset)
                """)
            let data = try rows.all.map { row in
                ActivityRow(id: try row.string("id"), kind: try row.string("kind"), from_status: row["from_status"],
                            to_status: row["to_status"], actor: try row.string("actor"), note: row["note"] ?? "",
                            detail: (try? JSON.decode(JSONValue.self, from: Array((row["detail"] ?? "{}").utf8))) ?? .object([:]),
                            created_at: try row.string("created_at"))
            }
            return Page(data: data, total: try rows.first?.int("total") ?? 0, pagination: page)
        }
        guard let result else { throw HTTPError.notFound("No such quote.") }
        return try .json(result)
    }

    /// `%text%` for ILIKE, with `\`, `%` and `_` in the text matched literally.
    static func likePattern(_ text: String) -> String {
        var escaped = ""
        for character in text.prefix(200) {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
