internal import Quoting
public import Runtime
internal import RuntimePostgres
public import SharedPlatform

/// `/api/v1/crm…` — CRM clients, their pipeline stage and activities, the pipeline summary and stats (SPEC §2).
///
/// Consultants and admins both work the CRM; deleting a client is for admins. `{id}` is a `CLI-…` id or the row
/// UUID. Deleting a client keeps its quotes and invoices (their `client_id` becomes null through the foreign keys)
/// and removes its activity log.
public enum CRMHandlers {
    struct CreateBody: Decodable {
        let name: String
        let email: String
        let phone: String?
        let source: String?
        let consultant_id: String?
        let notes: String?
    }

    /// Adds the CRM routes.
    public static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/crm/clients", list)
        router.post("/api/v1/crm/clients", create)
        router.get("/api/v1/crm/clients/{id}", get)
        router.patch("/api/v1/crm/clients/{id}", update)
        router.delete("/api/v1/crm/clients/{id}", delete)
        router.patch("/api/v1/crm/clients/{id}/stage", changeStage)
        router.get("/api/v1/crm/clients/{id}/activities", activities)
        router.post("/api/v1/crm/clients/{id}/activities", addActivity)
        router.delete("/api/v1/crm/clients/{id}/activities/{activity_id}", deleteActivity)
        router.get("/api/v1/crm/pipeline", pipeline)
        router.get("/api/v1/crm/stats", stats)
    }

    /// `?stage=&consultant_id=&search=&limit=&offset=`, newest first. The search (name, e-mail or client id,
    /// ignoring case) runs in SQL before the page is cut, so `total` counts every match.
    static func list(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let page = try Pagination(request)
        let stage = try request.query("stage").flatMap { $0.isEmpty ? nil : $0 }
            .map { try Validate.choice($0.uppercased(), field: "stage", from: ClientStage.names) }
        let consultant = try request.query("consultant_id").flatMap { $0.isEmpty ? nil : $0 }.map { text in
            guard let id = try? Validate.uuid(text) else {
                throw HTTPError.invalid("consultant_id", "consultant_id must be a UUID.")
            }
            return id
        }
        let search = request.query("search").map { $0.trimmingASCIIWhitespace().lowercased() }
            .flatMap { $0.isEmpty ? nil : $0 }
        let result = try inTenant(principal, context) { connection in
            let rows = try connection.query("""
                SELECT \(unsafe: ClientRecord.columns), count(*) OVER () AS total \(unsafe: ClientRecord.from)
                WHERE c.tenant_id = \(principal.tenantID)
                  AND (\(stage)::text IS NULL OR c.stage = \(stage))
                  AND (\(consultant)::uuid IS NULL OR c.consultant_id = \(consultant)::uuid)
                  AND (\(search)::text IS NULL OR strpos(lower(c.name), \(search)) > 0 OR strpos(c.email, \(search)) > 0
                       OR strpos(lower(c.client_id), \(search)) > 0)
                ORDER BY c.created_at DESC, c.id DESC LIMIT \(page.limit) OFFSET \(page.offset)
                """)
            let total = try rows.first?.int("total") ?? 0
            return Page(data: try rows.all.map(ClientRecord.init), total: total, pagination: page)
        }
        return try .json(result)
    }

    static func get(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let client = try inTenant(principal, context) { connection in
            try ClientRecord.find(on: connection, tenantID: principal.tenantID, reference)
        }
        guard let client else { throw ClientRecord.notFound() }
        return try .json(["client": client])
    }

    /// A client entered by hand: `201 {"client"}`; `409 duplicate_client` when the e-mail (ignoring case) is taken.
    static func create(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let body = try request.decode(CreateBody.self)
        let name = try Validate.text(body.name, field: "name", length: 1...200)
        let email = try Validate.email(body.email)
        let phone = try phoneNumber(body.phone)
        let source = try Validate.text(body.source ?? "manual", field: "source", length: 1...40)
        let notes = try Validate.text(body.notes ?? "", field: "notes", length: 0...5000)
        let consultant = try body.consultant_id.map { text in
            guard let id = try? Validate.uuid(text) else {
                throw HTTPError.invalid("consultant_id", "consultant_id must be a UUID.")
            }
            return id
        }
        let client = try inTenant(principal, context) { connection in
            if let consultant { try requireActiveUser(consultant, on: connection, tenantID: principal.tenantID) }
            let id: String
            do {
                id = try Identifiers.insertWithFreshID(make: Identifiers.clientID) { candidate in
                    try connection.query("""
                        INSERT INTO clients (tenant_id, client_id, name, email, phone, source, consultant_id, notes)
                        VALUES (\(principal.tenantID), \(candidate), \(name), \(email), \(phone), \(source),
                                \(consultant)::uuid, \(notes))
                        ON CONFLICT (tenant_id, client_id) DO NOTHING RETURNING id::text AS id
                        """).first?.string("id")
                }
            } catch let error as PGError where error.isUniqueViolation {
                throw duplicate()
            }
            try Activity.record(on: connection, tenantID: principal.tenantID, subject: "client", id: id,
                                kind: "created", actor: "user:" + principal.userID,
                                detail: Activity.detail(["source": .string(source)]))
            return try ClientRecord.find(on: connection, tenantID: principal.tenantID, id)
        }
        guard let client else { throw ClientRecord.notFound() }
        return try .json(["client": client], status: 201)
    }

    /// Admins only. `204`; the client's quotes and invoices stay, unlinked.
    static func delete(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.admin(request, context)
        let reference = try context.parameter("id")
        try inTenant(principal, context) { connection in
            let found = try ClientRecord.find(on: connection, tenantID: principal.tenantID, reference, lock: true)
            guard let client = found else { throw ClientRecord.notFound() }
            try connection.query("""
                DELETE FROM clients WHERE tenant_id = \(principal.tenantID) AND id = \(client.id)::uuid
                """)
            try connection.query("""
                DELETE FROM activities
                WHERE tenant_id = \(principal.tenantID) AND subject_type = 'client' AND subject_id = \(client.id)::uuid
                """)
            try Audit.record(on: connection, actor: "user:" + principal.userID, action: "client.delete",
                             target: "client:" + client.client_id, tenantID: principal.tenantID,
                             requestID: request.requestID)
        }
        return .empty()
    }

    /// `nil` for no phone; otherwise 1–50 characters.
    static func phoneNumber(_ text: String?) throws(HTTPError) -> String? {
        guard let text = text?.trimmingASCIIWhitespace(), !text.isEmpty else { return nil }
        return try Validate.text(text, field: "phone", length: 1...50)
    }

    /// 422 (`consultant_id`) unless `id` is an active user of the tenant.
    static func requireActiveUser(_ id: String, on connection: PGConnection, tenantID: String) throws {
        guard try !connection.query("""
            SELECT 1 FROM users WHERE tenant_id = \(tenantID) AND id = \(id)::uuid AND is_active
            """).isEmpty else {
            throw HTTPError.invalid("consultant_id", "consultant_id must be an active user of this organisation.")
        }
    }

    static func duplicate() -> HTTPError {
        HTTPError(.conflict, code: "duplicate_client", message: "A client with this e-mail address already exists.")
    }
}

extension CRMHandlers {
    /// Runs `body` in the principal's tenant transaction (RLS) within the request deadline.
    static func inTenant<T>(_ principal: Principal, _ context: PlatformContext,
                            _ body: (PGConnection) throws -> T) throws -> T {
        try context.services.database.withTenant(principal.tenantID, deadline: context.deadline, body)
    }
}
