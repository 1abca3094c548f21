internal import InboundMail
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `/api/v1/inbound/tickets…` — triage tickets for the tenant's users (admins and consultants alike). Every query
/// runs under the caller's tenant (RLS) and names tickets by uuid or `TKT-…` id within it; every change is checked
/// against the lifecycle (``TicketStatus``: 409 and nothing written when refused) and logged as an activity.
enum TicketHandlers {
    struct CustomerBody: Decodable {
        let name: String?
        let email: String?
        let phone: String?
    }

    struct CreateBody: Decodable {
        let subject: String?
        let message: String?
        let customer: CustomerBody?
        let priority: String?
        let source: String?
    }

    /// Sources a ticket made by hand may name (`email` tickets come from the inbound worker).
    static let manualSources = ["web", "phone", "chat"]

    static func install(on router: inout PlatformRouter) {
        router.get("/api/v1/inbound/tickets", TicketListHandlers.list)
        router.post("/api/v1/inbound/tickets", create)
        router.get("/api/v1/inbound/tickets/{id}", get)
        router.patch("/api/v1/inbound/tickets/{id}", TicketUpdateHandlers.update)
        router.post("/api/v1/inbound/tickets/{id}/reply", TicketReplyHandlers.reply)
        router.post("/api/v1/inbound/tickets/{id}/accept", TicketAcceptHandlers.accept)
        router.post("/api/v1/inbound/tickets/{id}/reject", TicketUpdateHandlers.reject)
    }

    static func actor(_ principal: Principal) -> String { "user:" + principal.userID }

    /// The ticket `reference` names, locked for a change when `lock` is set; 404 when the tenant has none.
    static func ticket(_ reference: String, on connection: PGConnection, lock: Bool = false) throws -> TicketRecord {
        guard let ticket = try TicketRecord.load(reference, on: connection, lock: lock) else {
            throw HTTPError.notFound("No such ticket.")
        }
        return ticket
    }

    /// Reads ticket `id` again after a change (same transaction).
    static func reload(_ id: String, on connection: PGConnection) throws -> TicketRecord {
        try ticket(id, on: connection)
    }

    static func get(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let ticket = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) {
            try Self.ticket(reference, on: $0)
        }
        return try .json(["ticket": ticket])
    }

    /// A ticket made by hand (a phone call, a walk-in, a chat): opened through ``Tickets/open`` like every other.
    static func create(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let body = try request.decode(CreateBody.self)
        let subject = try Validate.text(body.subject ?? "", field: "subject", length: 1...998)
        guard !subject.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            throw HTTPError.invalid("subject", "subject must be one line.")
        }
        let message = try Validate.text(body.message ?? "", field: "message", length: 1...20_000)
        let name = try Validate.text(body.customer?.name ?? "", field: "customer.name", length: 0...200)
        let email = try body.customer?.email.flatMap { text throws(HTTPError) -> String? in
            text.trimmingASCIIWhitespace().isEmpty ? nil : try Validate.email(text, field: "customer.email")
        }
        let phone = try Validate.text(body.customer?.phone ?? "", field: "customer.phone", length: 0...40)
        guard !name.isEmpty || email != nil || !phone.isEmpty else {
            throw HTTPError.invalid("customer", "Give the customer's name, email or phone.")
        }
        let priority = try Validate.choice(body.priority?.lowercased() ?? "normal", field: "priority", from: TicketStatus.priorities)
        let source = try Validate.choice(body.source?.lowercased() ?? "web", field: "source", from: manualSources)
        let ticket = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            let opened = try Tickets.open(NewTicket(source: source, priority: priority, customerName: name, customerEmail: email,
                                                    customerPhone: phone.isEmpty ? nil : phone, subject: subject, message: message),
                                          tenantID: principal.tenantID, actor: actor(principal), on: connection)
            return try reload(opened.id, on: connection)
        }
        return try .json(["ticket": ticket], status: 201)
    }
}
