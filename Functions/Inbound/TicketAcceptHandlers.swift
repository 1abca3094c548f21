internal import InboundMail
internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /api/v1/inbound/tickets/{id}/accept`: prices the ticket's trip and answers it with a quote.
///
/// The inquiry is the ticket's parsed facts and customer, overridden member by member by the body's `inquiry`
/// (the shape of `/quotes/generate`'s); it is validated like that route's (422 naming `inquiry.<field>`, nothing
/// changed). A created quote (``QuoteService``, source `inbound`, emailed unless `send_email` is false) is linked to
/// the ticket, which walks to `resolved` one logged step at a time → 201. No rate covering the stay → 200
/// `no_availability` with the alternatives, the ticket `in_progress`. Only open and in-progress tickets are accepted.
enum TicketAcceptHandlers {
    struct Accepted: Encodable {
        let ticket: TicketRecord
        let quote: QuoteRecord
        let email: QuoteEmailOutcome
    }

    struct NoAvailability: Encodable {
        let ticket: TicketRecord
        let quote: QuoteRecord?
        let status: String
        let alternatives: [PricingAlternative]

        private enum CodingKeys: String, CodingKey { case ticket, quote, status, alternatives }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ticket, forKey: .ticket)
            try container.encode(quote, forKey: .quote)
            try container.encode(status, forKey: .status)
            try container.encode(alternatives, forKey: .alternatives)
        }
    }

    enum Outcome {
        case accepted(Accepted)
        case noAvailability(NoAvailability)
    }

    static func accept(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let body = request.body.isEmpty ? JSONValue.object([:]) : try request.decode(JSONValue.self)
        guard body.object != nil else { throw HTTPError.invalid("body", "Send a JSON object.") }
        let overrides = try Self.overrides(body["inquiry"])
        var sendEmail = true
        if let value = body["send_email"] {
            guard let flag = value.bool else { throw HTTPError.invalid("send_email", "send_email must be true or false.") }
            sendEmail = flag
        }
        let tenant = principal.tenantID
        let actor = TicketHandlers.actor(principal)
        let links = context.services.config.shareLinkSecret.map {
            ShareLinks(secret: $0, baseURL: context.services.config.auth.publicBaseURL)
        }
        let outcome = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection -> Outcome in
            let ticket = try TicketHandlers.ticket(reference, on: connection, lock: true)
            guard ticket.status == "open" || ticket.status == "in_progress" else {
                throw HTTPError(.conflict, code: "invalid_transition", message: "A \(ticket.status) ticket cannot be accepted.")
            }
            let settings = try TenantSettings.load(on: connection)
            let inquiry = try Self.inquiry(for: ticket, overrides: overrides).validated(settings: settings)
            let options = QuoteService.Options(
                sendEmail: sendEmail, assignConsultant: ticket.assigned_to == nil, consultantID: ticket.assigned_to,
                source: "inbound", ticketID: ticket.ticket_id, actor: actor, createdBy: principal.userID, links: links)
            switch try QuoteService.generate(inquiry, options: options, settings: settings, on: connection) {
            case .created(let created):
                try connection.query("""
                    UPDATE tickets SET quote_id = q.id, client_id = COALESCE(q.client_id, tickets.client_id), updated_at = now()
                    FROM quotes q WHERE q.id = \(created.quote.id)::uuid AND tickets.id = \(ticket.id)::uuid
                    """)
                try Activity.record(on: connection, tenantID: tenant, subject: "ticket", id: ticket.id, kind: "quote_created",
                                    actor: actor, detail: Activity.detail(["quote_id": .string(created.quote.quote_id)]))
                try Tickets.advance(ticket.id, from: ticket.status, to: "resolved", tenantID: tenant, actor: actor, on: connection)
                let email = QuoteEmailOutcome(created, emailAsked: sendEmail)
                return .accepted(Accepted(ticket: try TicketHandlers.reload(ticket.id, on: connection), quote: created.quote,
                                          email: email))
            case .noAvailability(let alternatives):
                try Activity.record(on: connection, tenantID: tenant, subject: "ticket", id: ticket.id, kind: "no_availability",
                                    actor: actor, detail: Activity.detail(["alternatives": .number(Double(alternatives.count))]))
                try Tickets.advance(ticket.id, from: ticket.status, to: "in_progress", tenantID: tenant, actor: actor, on: connection)
                return .noAvailability(NoAvailability(
                    ticket: try TicketHandlers.reload(ticket.id, on: connection), quote: nil, status: "no_availability",
                    alternatives: alternatives))
            }
        }
        switch outcome {
        case .accepted(let accepted): return try .json(accepted, status: 201)
        case .noAvailability(let none): return try .json(none)
        }
    }

    /// The body's `inquiry` members (an object, or nothing).
    static func overrides(_ value: JSONValue?) throws(HTTPError) -> [String: JSONValue] {
        guard let value, value != .null else { return [:] }
        guard let members = value.object else { throw .invalid("inquiry", "inquiry must be an object.") }
        return members
    }

    /// The ticket's facts with `overrides` on top, as `/quotes/generate` would receive them. A stored stay length
    /// gives way to overridden dates, a stored child count to overridden ages, so the two never contradict.
    static func inquiry(for ticket: TicketRecord, overrides: [String: JSONValue]) throws(HTTPError) -> InquiryBody {
        var facts: [String: JSONValue] = [:]
        facts["name"] = ticket.customer.name.map(JSONValue.string)
        facts["email"] = ticket.customer.email.map(JSONValue.string)
        facts["phone"] = ticket.customer.phone.map(JSONValue.string)
        facts["message"] = .string(String(ticket.message.prefix(5000)))
        for key in ["destination", "check_in", "check_out", "nights", "adults", "children", "children_ages",
                    "budget", "requested_hotel"] {
            if let value = ticket.parsed[key], value != .null { facts[key] = value }
        }
        if overrides["check_in"] != nil || overrides["check_out"] != nil { facts["nights"] = nil }
        if overrides["children_ages"] != nil { facts["children"] = nil }
        for (key, value) in overrides { facts[key] = value }
        let bytes: [UInt8]
        do { bytes = try JSON.encode(JSONValue.object(facts)) } catch {
            throw .invalid("inquiry", "inquiry could not be read.")
        }
        do { return try JSON.decode(InquiryBody.self, from: bytes) } catch {
            var refusal = error
            refusal.field = error.field.map { "inquiry." + $0 }
            throw refusal
        }
    }
}
