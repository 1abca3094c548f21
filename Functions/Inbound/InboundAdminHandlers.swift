internal import InboundMail
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// Platform-admin diagnostics for inbound email (SPEC §1): which tenant an address maps to and why, the stored
/// messages by status (unroutable and dead-lettered first of all), and a re-process action.
///
/// Every route needs `X-Admin-Token` (``PlatformAdmin``) and works through `Database.asPlatform`, because inbound
/// messages belong to no tenant until routed.
/// - `GET /api/v1/inbound/admin/route?address=&subject=&tenant_header=&url_tenant=`
/// - `GET /api/v1/inbound/admin/messages?status=&limit=&cursor=` — newest first, no bodies.
/// - `GET /api/v1/inbound/admin/messages/{id}` — text fields as posted (capped), attachment metadata, and how the
///   message would route now.
/// - `POST /api/v1/inbound/admin/messages/{id}/reprocess` (``InboundAdminHandlers/reprocess(_:_:)``).
enum InboundAdminHandlers {
    static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/inbound/admin/route", route)
        router.get("/api/v1/inbound/admin/messages", list)
        router.get("/api/v1/inbound/admin/messages/{id}", detail)
        router.post("/api/v1/inbound/admin/messages/{id}/reprocess", reprocess)
    }

    /// `{"tenant_id"|null, "strategy"|null, "matched"|null, "tried":[…], "inbound_domain"|null}` for a made-up mail.
    static func route(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let address = request.query("address") ?? ""
        let recipients = EmailAddress.parseList(address).map(\.address)
        guard !recipients.isEmpty, address.utf8.count <= 4096 else {
            throw HTTPError.invalid("address", "address must be one or more email addresses, like quotes@acme.example.")
        }
        let input = RoutingInput(recipients: recipients, tenantHeader: request.query("tenant_header"),
                                 subject: String((request.query("subject") ?? "").prefix(1000)),
                                 urlTenant: request.query("url_tenant"))
        let domain = context.services.config.inboundEmailDomain
        let outcome = try context.services.database.asPlatform(deadline: context.deadline) {
            try TenantResolver.resolve(input, inboundDomain: domain, on: $0)
        }
        return try .json(report(outcome, domain: domain))
    }

    /// `{"data":[message…], "next_cursor"|null}`.
    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let status = try request.query("status").flatMap { $0.isEmpty ? nil : $0 }.map {
            try Validate.choice($0, field: "status", from: InboundAdminMessage.statuses)
        }
        let limit = try limit(request)
        let cursor = try request.query("cursor").flatMap { $0.isEmpty ? nil : $0 }.map { text throws(HTTPError) in try KeysetCursor(text) }
        let rows = try context.services.database.asPlatform(deadline: context.deadline) {
            try InboundAdminMessage.list(status: status, cursor: cursor, limit: limit + 1, on: $0)
        }
        let page = Array(rows.prefix(limit))
        var next = JSONValue.null
        if rows.count > limit, let last = page.last { next = .string(KeysetCursor(micros: last.cursorMicros, id: last.id).text) }
        return try .json(ListBody(data: page, next_cursor: next))
    }

    /// `{"message", "fields", "truncated", "files", "routing"}`.
    static func detail(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let domain = context.services.config.inboundEmailDomain
        let body = try context.services.database.asPlatform(deadline: context.deadline) { connection -> InboundAdminDetail? in
            guard let message = try InboundAdminMessage.find(id, on: connection) else { return nil }
            return try InboundAdminDetail.body(message, inboundDomain: domain, on: connection)
        }
        guard let body else { throw HTTPError.notFound("No inbound message \(id).") }
        return try .json(body)
    }

    struct ListBody: Encodable {
        let data: [InboundAdminMessage]
        let next_cursor: JSONValue
    }

    /// `?limit=`: 1…200, default 50.
    private static func limit(_ request: Request) throws -> Int {
        guard let text = request.query("limit"), !text.isEmpty else { return Pagination.defaultLimit }
        guard let value = Int(text), (1...Pagination.maxLimit).contains(value) else {
            throw HTTPError.invalid("limit", "limit must be an integer from 1 to \(Pagination.maxLimit).")
        }
        return value
    }

    /// A routing outcome as the API shows it.
    static func report(_ outcome: TenantResolver.Outcome, domain: String?) -> JSONValue {
        let resolution = outcome.resolution
        return .object([
            "tenant_id": resolution.map { .string($0.tenantID) } ?? .null,
            "strategy": resolution.map { .string($0.strategy.rawValue) } ?? .null,
            "matched": resolution.map { .string($0.matched) } ?? .null,
            "tried": .array(outcome.tried.map(JSONValue.string)),
            "inbound_domain": domain.map(JSONValue.string) ?? .null,
        ])
    }
}
