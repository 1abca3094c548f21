internal import InboundMail
internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `PATCH /api/v1/inbound/tickets/{id}` (status, priority, assignee, notes) and `POST …/{id}/reject`.
///
/// Everything is validated before anything is written; a refused transition (409) rolls the whole change back, so
/// nothing is changed or logged.
enum TicketUpdateHandlers {
    static let maxNotes = 5000

    /// A checked PATCH body: nil members are left alone; `assignee` is `.some(nil)` to unassign.
    struct Change {
        var status: String?
        var priority: String?
        var assignee: String??
        var notes: String?

        init(_ body: JSONValue) throws(HTTPError) {
            guard let members = body.object else { throw .invalid("body", "Send a JSON object.") }
            for key in members.keys where !["status", "priority", "assigned_to", "notes"].contains(key) {
                throw .invalid(key, "Unknown field \(key); a ticket changes status, priority, assigned_to and notes.")
            }
            if let value = members["status"] {
                guard let text = value.string else { throw .invalid("status", "status must be a string.") }
                status = try Validate.choice(text.lowercased(), field: "status", from: TicketStatus.all)
            }
            if let value = members["priority"] {
                guard let text = value.string else { throw .invalid("priority", "priority must be a string.") }
                priority = try Validate.choice(text.lowercased(), field: "priority", from: TicketStatus.priorities)
            }
            if let value = members["assigned_to"] {
                switch value {
                case .null: assignee = .some(nil)
                case .string(let text):
                    guard let id = try? Validate.uuid(text) else { throw .invalid("assigned_to", "assigned_to must be a user id.") }
                    assignee = .some(id)
                default: throw .invalid("assigned_to", "assigned_to must be a user id or null.")
                }
            }
            if let value = members["notes"] {
                guard let text = value.string else { throw .invalid("notes", "notes must be a string.") }
                guard text.count <= maxNotes else { throw .invalid("notes", "notes must be at most \(maxNotes) characters long.") }
                notes = text
            }
        }
    }

    struct RejectBody: Decodable {
        let reason: String?
    }

    static func update(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let change = try Change(try request.decode(JSONValue.self))
        let actor = TicketHandlers.actor(principal)
        let tenant = principal.tenantID
        let ticket = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection in
            let ticket = try TicketHandlers.ticket(reference, on: connection, lock: true)
            if let status = change.status, status != ticket.status {
                try Tickets.move(ticket.id, from: ticket.status, to: status, tenantID: tenant, actor: actor, on: connection)
            }
            if let priority = change.priority, priority != ticket.priority {
                try connection.query("UPDATE tickets SET priority = \(priority), updated_at = now() WHERE id = \(ticket.id)::uuid")
                try Activity.record(on: connection, tenantID: tenant, subject: "ticket", id: ticket.id, kind: "priority_changed",
                                    actor: actor, detail: Activity.detail(["from": .string(ticket.priority), "to": .string(priority)]))
            }
            if let assignee = change.assignee, assignee != ticket.assigned_to {
                if let user = assignee {
                    let active = try connection.query("""
                        SELECT 1 FROM users WHERE tenant_id = \(tenant) AND id = \(user)::uuid AND is_active
                        """)
                    guard !active.isEmpty else { throw HTTPError.invalid("assigned_to", "assigned_to must be an active user of this agency.") }
                }
                try connection.query("UPDATE tickets SET assigned_to = \(assignee)::uuid, updated_at = now() WHERE id = \(ticket.id)::uuid")
                try Activity.record(on: connection, tenantID: tenant, subject: "ticket", id: ticket.id, kind: "assigned", actor: actor,
                                    detail: Activity.detail(["from": ticket.assigned_to.map(JSONValue.string) ?? .null,
                                                             "to": assignee.map(JSONValue.string) ?? .null]))
            }
            if let notes = change.notes, notes != ticket.notes {
                try connection.query("UPDATE tickets SET notes = \(notes), updated_at = now() WHERE id = \(ticket.id)::uuid")
                try Activity.record(on: connection, tenantID: tenant, subject: "ticket", id: ticket.id, kind: "notes_updated",
                                    actor: actor)
            }
            return try TicketHandlers.reload(ticket.id, on: connection)
        }
        return try .json(["ticket": ticket])
    }

    /// Closes the ticket without a quote; the reason (≤ 2000 characters) is appended to its notes and logged.
    static func reject(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let body = request.body.isEmpty ? RejectBody(reason: nil) : try request.decode(RejectBody.self)
        let reason = try Validate.text(body.reason ?? "", field: "reason", length: 0...2000)
        let tenant = principal.tenantID
        let ticket = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection in
            let ticket = try TicketHandlers.ticket(reference, on: connection, lock: true)
            guard TicketStatus.allows(ticket.status, "closed") else { throw TicketStatus.refusal(ticket.status, "closed") }
            if !reason.isEmpty {
                let line = "Rejected: " + reason
                let notes = ticket.notes.isEmpty ? line : ticket.notes + "\n" + line
                guard notes.count <= maxNotes else {
                    throw HTTPError.invalid("reason", "The ticket's notes would pass \(maxNotes) characters; shorten the reason.")
                }
                try connection.query("UPDATE tickets SET notes = \(notes) WHERE id = \(ticket.id)::uuid")
            }
            try Tickets.move(ticket.id, from: ticket.status, to: "closed", tenantID: tenant, actor: TicketHandlers.actor(principal),
                             note: reason, on: connection)
            try Activity.record(on: connection, tenantID: tenant, subject: "ticket", id: ticket.id, kind: "rejected",
                                actor: TicketHandlers.actor(principal), note: reason)
            return try TicketHandlers.reload(ticket.id, on: connection)
        }
        return try .json(["ticket": ticket])
    }
}
