public import Runtime
public import RuntimePostgres
internal import Quoting

/// A ticket to open: from an inbound email (the worker), a phone call, or the helpdesk hand-off.
public struct NewTicket: Sendable {
    public var source: String
    public var priority: String
    public var customerName: String
    public var customerEmail: String?
    public var customerPhone: String?
    public var subject: String
    public var message: String
    public var isTravelInquiry: Bool
    /// `ExtractedTrip.json` for email tickets; `{}` otherwise.
    public var parsed: JSONValue
    /// `llm` or `rules` (email tickets), else nil.
    public var parseMethod: String?
    /// Facts pricing needs that are missing: `destination`, `dates`.
    public var missing: [String]
    /// The routed inbound message (`inbound_messages.id`) this ticket answers; at most one ticket each.
    public var inboundMessage: String?
    /// The first conversation entry's Message-ID (threading replies).
    public var messageID: String?

    public init(source: String, priority: String = "normal", customerName: String, customerEmail: String?,
                customerPhone: String? = nil, subject: String, message: String, isTravelInquiry: Bool = false,
                parsed: JSONValue = .object([:]), parseMethod: String? = nil, missing: [String] = [],
                inboundMessage: String? = nil, messageID: String? = nil) {
        self.source = source
        self.priority = priority
        self.customerName = customerName
        self.customerEmail = customerEmail
        self.customerPhone = customerPhone
        self.subject = subject
        self.message = message
        self.isTravelInquiry = isTravelInquiry
        self.parsed = parsed
        self.parseMethod = parseMethod
        self.missing = missing
        self.inboundMessage = inboundMessage
        self.messageID = messageID
    }
}

/// Creating tickets, in the caller's tenant transaction.
public enum Tickets {
    /// A created (or, for an inbound message already ticketed, the existing) ticket.
    public struct Opened: Sendable, Equatable {
        /// `tickets.id` (uuid).
        public let id: String
        /// `TKT-YYYYMMDD-XXXXXX`.
        public let ticketID: String
        /// false when the inbound message already had its ticket (a re-run job).
        public let created: Bool
    }

    /// `TKT-20270412-9F3A0C` for a ticket opened on `day`.
    public static func ticketID(on day: Day) -> String { Identifiers.prefixed("TKT", on: day) }

    /// Opens `ticket` for `tenantID` with the customer's message as the first conversation entry, and logs a
    /// `created` activity. Idempotent per inbound message: a second call for the same `inboundMessage` returns the
    /// first ticket with `created == false` and changes nothing.
    public static func open(_ ticket: NewTicket, tenantID: String, actor: String, on connection: PGConnection,
                            today: Day = .today()) throws -> Opened {
        if let message = ticket.inboundMessage, let row = try connection.query("""
            SELECT id::text AS id, ticket_id FROM tickets WHERE tenant_id = \(tenantID) AND inbound_message = \(message)::uuid
            """).first {
            return Opened(id: try row.string("id"), ticketID: try row.string("ticket_id"), created: false)
        }
        var entry: [String: JSONValue] = ["role": .string("customer"), "content": .string(ticket.message),
                                          "at": .string(Timestamp.now())]
        if let id = ticket.messageID { entry["message_id"] = .string(id) }
        let conversation = String(decoding: try JSON.encode(JSONValue.array([.object(entry)])), as: UTF8.self)
        let parsed = String(decoding: try JSON.encode(ticket.parsed), as: UTF8.self)
        let subject = ticket.subject.isEmpty ? "(no subject)" : String(ticket.subject.prefix(998))
        let opened = try Identifiers.insertWithFreshID(make: { ticketID(on: today) }) { candidate -> Opened? in
            guard let row = try connection.query("""
                INSERT INTO tickets (tenant_id, ticket_id, inbound_message, source, priority, customer_name,
                                     customer_email, customer_phone, subject, message, is_travel_inquiry, parsed,
                                     parse_method, missing, conversation)
                VALUES (\(tenantID), \(candidate), \(ticket.inboundMessage)::uuid, \(ticket.source), \(ticket.priority),
                        \(String(ticket.customerName.prefix(200))), \(ticket.customerEmail?.lowercased()),
                        \(ticket.customerPhone), \(subject), \(ticket.message), \(ticket.isTravelInquiry),
                        \(parsed)::jsonb, \(ticket.parseMethod), \(PGTextArray(ticket.missing))::text[], \(conversation)::jsonb)
                ON CONFLICT (tenant_id, ticket_id) DO NOTHING RETURNING id::text AS id
                """).first else { return nil }
            return Opened(id: try row.string("id"), ticketID: candidate, created: true)
        }
        try Activity.record(on: connection, tenantID: tenantID, subject: "ticket", id: opened.id, kind: "created",
                            to: "open", actor: actor)
        if let id = ticket.messageID {
            try TicketThread.remember(id, ticket: opened.id, tenantID: tenantID, on: connection)
        }
        return opened
    }
}

extension Tickets {
    /// Moves ticket `id` one legal step, `from → to`, and logs a `status_change` activity, in the caller's transaction.
    ///
    /// - Throws: ``TicketStatus/refusal(_:_:)`` (409 `invalid_transition`) when the step is not legal, and 409 when the
    ///   ticket is not in `from` (lock the row first to avoid that); nothing is written then.
    public static func move(_ id: String, from: String, to: String, tenantID: String, actor: String, note: String = "",
                            on connection: PGConnection) throws {
        guard TicketStatus.allows(from, to) else { throw TicketStatus.refusal(from, to) }
        let updated = try connection.query("""
            UPDATE tickets SET status = \(to), updated_at = now() WHERE id = \(id)::uuid AND status = \(from)
            """)
        guard updated.affectedRows == 1 else {
            throw HTTPError(.conflict, code: "invalid_transition", message: "The ticket is no longer \(from); reload it and retry.")
        }
        try Activity.record(on: connection, tenantID: tenantID, subject: "ticket", id: id, kind: "status_change",
                            from: from, to: to, actor: actor, note: note)
    }

    /// Walks ticket `id` from `from` to `to` along ``TicketStatus/path(from:to:)``, one logged step at a time
    /// (`open → resolved` passes `in_progress`). Staying put (`from == to`) writes nothing.
    ///
    /// - Throws: 409 `invalid_transition` when `to` cannot be reached from `from` (nothing written).
    public static func advance(_ id: String, from: String, to: String, tenantID: String, actor: String,
                               on connection: PGConnection) throws {
        guard let steps = TicketStatus.path(from: from, to: to) else { throw TicketStatus.refusal(from, to) }
        var current = from
        for step in steps {
            try move(id, from: current, to: step, tenantID: tenantID, actor: actor, on: connection)
            current = step
        }
    }

    /// Appends `entry` (`{"role","content","at",…}`) to ticket `id`'s conversation; an entry's `message_id` is
    /// recorded for threading follow-ups (``TicketThread/remember(_:ticket:tenantID:on:)``).
    public static func append(_ entry: [String: JSONValue], to id: String, on connection: PGConnection) throws {
        let document = String(decoding: try JSON.encode(JSONValue.array([.object(entry)])), as: UTF8.self)
        guard let row = try connection.query("""
            UPDATE tickets SET conversation = conversation || \(document)::jsonb, updated_at = now() WHERE id = \(id)::uuid
            RETURNING tenant_id
            """).first, let messageID = entry["message_id"]?.string else { return }
        try TicketThread.remember(messageID, ticket: id, tenantID: try row.string("tenant_id"), on: connection)
    }
}
