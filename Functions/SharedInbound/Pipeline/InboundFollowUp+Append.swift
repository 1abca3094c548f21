internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension InboundPipeline {
    /// Step 3 for a follow-up to an `open` / `in_progress` ticket, on one tenant (RLS) transaction: the mail joins
    /// the conversation once per Message-ID, is logged (`customer_reply`) and notified once per user; when the ticket
    /// was waiting for facts, `extraction` (over all the customer's messages) answers as a first mail would —
    /// ``TenantWork/respond(_:status:customer:autoSend:on:)``, the same code path.
    struct FollowUpWork {
        let recordID: String
        let message: InboundMessage
        let followUp: FollowUp
        /// Nil when the ticket is not waiting for facts or the tenant's mode does not answer.
        let extraction: TripExtraction?
        let settings: TenantSettings
        let today: Day
        let links: ShareLinks?

        var tenantID: String { settings.tenantID }
        /// The mail's thread key: its Message-ID, else its content hash.
        var key: String { message.messageID ?? message.dedupeKey }

        func run(on connection: PGConnection) throws -> TenantWork.Handled {
            let ticketUUID = followUp.ticketUUID
            guard let row = try connection.query("""
                SELECT status, array_to_json(missing)::text AS missing, jsonb_array_length(conversation) AS length
                FROM tickets WHERE tenant_id = \(tenantID) AND id = \(ticketUUID)::uuid FOR UPDATE
                """).first else { throw FollowUpChanged(ticketID: followUp.ticketID) }
            guard try TicketThread.remember(key, ticket: ticketUUID, tenantID: tenantID, on: connection) else {
                return TenantWork.Handled(ticketID: followUp.ticketID, created: false, result: "appended")
            }
            let missing = (try? JSON.decode([String].self, from: Array((row["missing"] ?? "[]").utf8))) ?? []
            guard try row.string("status") == followUp.status, missing == followUp.missing,
                  try row.int("length") == followUp.length
            else { throw FollowUpChanged(ticketID: followUp.ticketID) }
            var entry: [String: JSONValue] = [
                "role": .string("customer"), "content": .string(String(message.text.prefix(100_000))),
                "at": .string(Timestamp.now()),
            ]
            if let id = message.messageID { entry["message_id"] = .string(id) }
            try Tickets.append(entry, to: ticketUUID, on: connection)
            try Activity.record(
                on: connection, tenantID: tenantID, subject: "ticket", id: ticketUUID, kind: "customer_reply",
                actor: InboundPipeline.actor,
                detail: Activity.detail(["inbound_message": .string(recordID)]))
            let sender = message.replyTo ?? message.from
            let who = sender.map { ($0.name ?? "").isEmpty ? $0.address : ($0.name ?? $0.address) } ?? "The customer"
            try Notifications.notifyTenantUsers(
                .init(
                    kind: "customer_reply", title: "Customer replied",
                    message: "\(who) replied on \(followUp.ticketID): \(String(message.text.prefix(200)))",
                    entityType: "ticket", entityID: followUp.ticketID,
                    dedupeKey: "ticket:\(ticketUUID):msg:\(Digest.sha256Hex(Array(key.utf8)).prefix(32))"),
                tenantID: tenantID, on: connection)
            guard let extraction, extraction.trip.isTravelInquiry else {
                return TenantWork.Handled(ticketID: followUp.ticketID, created: true, result: "appended")
            }
            return TenantWork.Handled(
                ticketID: followUp.ticketID, created: true,
                result: "appended:" + (try answer(extraction, on: connection)))
        }

        /// The second pass over a ticket waiting for facts: the combined facts replace the ticket's, then the quote
        /// or the question for what is still missing, as for a first mail.
        private func answer(_ extraction: TripExtraction, on connection: PGConnection) throws -> String {
            let trip = extraction.trip
            let parsed = String(decoding: try JSON.encode(trip.json), as: UTF8.self)
            try connection.query("""
                UPDATE tickets SET parsed = \(parsed)::jsonb, parse_method = \(extraction.method),
                       missing = \(PGTextArray(InboundTriage.missing(trip)))::text[],
                       priority = CASE WHEN priority = 'urgent' THEN priority ELSE \(InboundTriage.priority(trip)) END,
                       updated_at = now()
                WHERE tenant_id = \(tenantID) AND id = \(followUp.ticketUUID)::uuid
                """)
            let work = TenantWork(
                recordID: recordID, message: message, extraction: extraction, settings: settings, today: today,
                links: links, round: String(Digest.sha256Hex(Array(key.utf8)).prefix(16)))
            let ticket = Tickets.Opened(id: followUp.ticketUUID, ticketID: followUp.ticketID, created: false)
            return try work.respond(
                ticket, status: followUp.status, customer: InboundTriage.customer(message, trip: trip),
                autoSend: settings.inboundMode == "auto_send", on: connection).0
        }
    }
}
