internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension InboundAdminHandlers {
    /// Statuses a message may be re-processed from: the worker gave up on it or set it aside.
    static let reprocessable = ["unroutable", "dead", "ignored"]

    struct ReprocessBody: Decodable {
        let tenant_id: String?
    }

    /// `POST /api/v1/inbound/admin/messages/{id}/reprocess`, optional body `{"tenant_id"}` → 202 `{"message"}`.
    ///
    /// In one platform transaction, with the message row locked (so two clicks queue one job): only from
    /// `unroutable`, `dead` or `ignored` (409 `not_reprocessable` otherwise); status back to `received`,
    /// `last_error` and `routed_tenant` cleared; a new `inbound.process` job with the idempotency key
    /// `inbound.process:<id>:r<n>` (n counts this message's re-processes), its id stored in `job_id`; an audit
    /// record. A `tenant_id` forces the tenant: it must exist and be active (else 422) and is stored as the
    /// message's `url_tenant`, the hint routing tries first.
    static func reprocess(_ request: Request, _ context: PlatformContext) throws -> Response {
        try PlatformAdmin.authorize(request, context)
        let id = try Validate.uuid(try context.parameter("id"))
        let forced = try forcedTenant(request)
        let message = try context.services.database.asPlatform(deadline: context.deadline) { connection in
            guard let row = try connection.query("""
                SELECT status FROM inbound_messages WHERE id = \(id)::uuid FOR UPDATE
                """).first else { throw HTTPError.notFound("No inbound message \(id).") }
            let previous = try row.string("status")
            guard reprocessable.contains(previous) else {
                throw HTTPError(.conflict, code: "not_reprocessable",
                                message: "Only unroutable, dead or ignored messages can be re-processed; this one is \(previous).")
            }
            if let forced {
                let status = try connection.query("SELECT status FROM tenants WHERE tenant_id = \(forced)").first?["status"]
                guard status == "active" else {
                    throw HTTPError.invalid("tenant_id", "tenant_id must name an active tenant.")
                }
            }
            let prefix = "\(InboundStore.jobKind):\(id):r"
            let earlier = try connection.query("""
                SELECT count(*) AS n FROM jobs WHERE starts_with(idempotency_key, \(prefix))
                """).first?.int("n") ?? 0
            let job = try JobQueue.enqueue(on: connection, kind: InboundStore.jobKind, payload: #"{"message_id":"\#(id)"}"#,
                                           tenantID: nil, idempotencyKey: prefix + String(earlier + 1), maxAttempts: 10)
            try connection.query("""
                UPDATE inbound_messages
                SET status = 'received', last_error = NULL, routed_tenant = NULL, url_tenant = coalesce(\(forced), url_tenant),
                    job_id = \(job), updated_at = now()
                WHERE id = \(id)::uuid
                """)
            var detail: [String: JSONValue] = ["previous_status": .string(previous), "job_id": .number(Double(job))]
            if let forced { detail["forced_tenant"] = .string(forced) }
            try Audit.record(on: connection, actor: PlatformAdmin.actor, action: "inbound.reprocess",
                             target: "inbound_message:" + id, tenantID: nil, detail: .object(detail),
                             requestID: request.requestID)
            return try InboundAdminMessage.find(id, on: connection)
        }
        return try .json(["message": message], status: 202)
    }

    /// The optional body's `tenant_id`, validated; nil for an empty body or no `tenant_id`.
    private static func forcedTenant(_ request: Request) throws -> String? {
        guard !request.body.isEmpty else { return nil }
        guard let text = try request.decode(ReprocessBody.self).tenant_id else { return nil }
        return try Validate.tenantID(text.lowercased())
    }
}
