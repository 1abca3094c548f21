internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension InboundPipeline {
    /// Step 3: everything tenant-side, on one tenant (RLS) transaction.
    struct TenantWork {
        let recordID: String
        let message: InboundMessage
        let extraction: TripExtraction
        let settings: TenantSettings
        let today: Day
        let links: ShareLinks?
        /// The resolved or closed ticket this mail answers (a new ticket notes it and keeps its client).
        var followUpOf: FollowUp? = nil
        /// Set for a follow-up's second pass: tells its question mail from the first one.
        var round: String? = nil

        struct Handled {
            let ticketID: String
            let created: Bool
            /// `ticket`, `quoted_sent`, `quoted_unsent`, `draft`, `asked_for_missing`, `missing_facts`, `no_availability`.
            let result: String
        }

        var tenantID: String { settings.tenantID }
        var trip: ExtractedTrip { extraction.trip }

        func run(on connection: PGConnection) throws -> Handled {
            let customer = InboundTriage.customer(message, trip: trip)
            let opened = try Tickets.open(
                InboundTriage.ticket(
                    message, trip: trip, method: extraction.method,
                    customer: customer, inboundMessage: recordID),
                tenantID: tenantID, actor: InboundPipeline.actor, on: connection, today: today)
            guard opened.created else { return Handled(ticketID: opened.ticketID, created: false, result: "existing") }
            if trip.isTravelInquiry, let email = customer.email {
                let client = try Clients.upsertForInquiry(
                    on: connection, tenantID: tenantID, name: customer.name,
                    email: email, phone: customer.phone, ticketID: opened.ticketID,
                    actor: InboundPipeline.actor)
                try InboundTicketUpdates.link(
                    opened.id, tenantID: tenantID, client: client.id, quote: nil, on: connection)
            }
            if let prior = followUpOf {
                try InboundTicketUpdates.link(
                    opened.id, tenantID: tenantID, client: prior.clientID, quote: nil, on: connection)
                try note(opened, "Follow-up to \(prior.ticketID) (\(prior.status)).", on: connection)
            }
            let mode = settings.inboundMode
            var result = "ticket"
            var sentQuote: String?
            if trip.isTravelInquiry && (mode == "draft" || mode == "auto_send") {
                (result, sentQuote) = try respond(
                    opened, status: "open", customer: customer, autoSend: mode == "auto_send", on: connection)
            }
            let who = customer.name.isEmpty ? (customer.email ?? "Someone") : customer.name
            var text = "\(who): \(trip.destination ?? (message.subject.isEmpty ? "(no subject)" : message.subject))"
            if let sentQuote { text += " — quote \(sentQuote) was sent automatically." }
            try Notifications.notifyTenantUsers(
                .init(
                    kind: "email_received", title: "New enquiry", message: text, entityType: "ticket",
                    entityID: opened.ticketID, dedupeKey: "ticket:\(opened.id)"),
                tenantID: tenantID, on: connection)
            return Handled(ticketID: opened.ticketID, created: true, result: result)
        }

        /// Draft or auto-send: a quote when the facts are complete, else a reply asking for them. `status` is the
        /// ticket's current status (`open` for a new ticket; a follow-up's ticket may be `in_progress`).
        func respond(
            _ ticket: Tickets.Opened, status: String, customer: InboundTriage.Customer, autoSend: Bool,
            on connection: PGConnection
        ) throws -> (String, String?) {
            let missing = InboundTriage.missing(trip)
            guard missing.isEmpty else {
                return (try ask(missing, ticket: ticket, customer: customer, on: connection), nil)
            }
            let inquiry: Inquiry
            do {
                let body = try JSON.decode(
                    InquiryBody.self,
                    from: try JSON.encode(
                        InboundTriage.inquiry(trip, customer: customer, message: message)))
                inquiry = try body.validated(settings: settings, today: today)
            } catch let error as HTTPError {
                try note(ticket, "No quote: \(error.message)", on: connection)
                guard let fact = InboundTriage.fact(forField: error.field) else { return ("missing_facts", nil) }
                try connection.query(
                    """
                    UPDATE tickets SET missing = \(PGTextArray([fact]))::text[] WHERE tenant_id = \(tenantID) AND id = \(ticket.id)::uuid
                    """)
                return (try ask([fact], ticket: ticket, customer: customer, on: connection), nil)
            }
            let options = QuoteService.Options(
                sendEmail: autoSend, saveAsDraft: !autoSend, source: "inbound",
                ticketID: ticket.ticketID, actor: InboundPipeline.actor, links: links, mailHeaders: message.replyHeaders)
            switch try QuoteService.generate(inquiry, options: options, settings: settings, on: connection) {
            case .noAvailability(let alternatives):
                let listed = alternatives.prefix(5).map {
                    "\($0.checkIn)–\($0.checkOut) (\($0.nights) nights) \($0.hotel), \($0.roomType), \($0.total.formatted)"
                }
                try note(
                    ticket,
                    "No rate covers the requested stay; no quote was sent."
                        + (listed.isEmpty
                            ? " No alternatives were found." : " Alternatives: " + listed.joined(separator: "; ")),
                    on: connection)
                return ("no_availability", nil)
            case .created(let created):
                let quote = created.quote
                try InboundTicketUpdates.link(
                    ticket.id, tenantID: tenantID, client: nil, quote: quote.id, on: connection)
                if !autoSend {
                    try InboundTicketUpdates.move(
                        ticket.id, tenantID: tenantID, from: status, to: "in_progress",
                        actor: InboundPipeline.actor, on: connection)
                    try note(ticket, "Draft quote \(quote.quote_id) is ready for review.", on: connection)
                    return ("draft", nil)
                }
                guard created.outboxID != nil else {
                    try note(
                        ticket,
                        "Quote \(quote.quote_id) was created but not emailed: \(created.emailError ?? "no sender").",
                        on: connection)
                    return ("quoted_unsent", nil)
                }
                try InboundTicketUpdates.converse(
                    ticket.id, tenantID: tenantID, role: "agent",
                    content: "Quote \(quote.quote_id) sent to \(inquiry.email).", author: InboundPipeline.actor,
                    messageID: try created.outboxID.flatMap {
                        try InboundTicketUpdates.messageID(ofOutbox: $0, on: connection)
                    }, on: connection)
                try InboundTicketUpdates.move(
                    ticket.id, tenantID: tenantID, from: status, to: "resolved",
                    actor: InboundPipeline.actor, on: connection)
                return ("quoted_sent", quote.quote_id)
            }
        }

        /// Queues the reply asking for `missing` (when the tenant wants it), or notes why none went out.
        func ask(
            _ missing: [String], ticket: Tickets.Opened, customer: InboundTriage.Customer,
            on connection: PGConnection
        ) throws -> String {
            guard settings.askForMissing else {
                try note(
                    ticket, "Missing for a quote: \(missing.joined(separator: ", ")) (inbound.ask_for_missing is off).",
                    on: connection)
                return "missing_facts"
            }
            switch MissingFactsReply.message(
                missing: missing, customer: customer, inbound: message,
                ticketUUID: ticket.id, settings: settings, round: round)
            {
            case .failure(let refusal):
                try note(ticket, refusal.reason, on: connection)
                return "missing_facts"
            case .success(let mail):
                try Mailer.enqueue(mail, on: connection)
                try InboundTicketUpdates.converse(
                    ticket.id, tenantID: tenantID, role: "agent", content: mail.text, author: InboundPipeline.actor,
                    messageID: OutboundMessageID.of(idempotencyKey: mail.idempotencyKey, from: mail.from.email),
                    on: connection)
                try note(ticket, "Asked the customer for: \(missing.joined(separator: ", ")).", on: connection)
                return "asked_for_missing"
            }
        }

        private func note(_ ticket: Tickets.Opened, _ text: String, on connection: PGConnection) throws {
            try InboundTicketUpdates.note(ticket.id, tenantID: tenantID, on: connection, text)
        }
    }
}
