internal import Runtime
internal import RuntimePostgres

extension InboundPipeline {
    /// The tenant's ticket a routed mail answers, as read (before extraction) by ``find(_:tenantID:on:)``.
    struct FollowUp: Sendable, Equatable {
        let ticketUUID: String
        let ticketID: String
        let status: String
        let missing: [String]
        let clientID: String?
        /// The conversation's length when read: the write transaction re-checks it.
        let length: Int
        /// The ticket's customer messages, oldest first.
        let customerTexts: [String]
        /// The mail is already in this ticket's conversation (a re-run after the append committed).
        var appended = false

        /// `open` or `in_progress`: the mail joins the conversation (else it opens a new ticket).
        var isActive: Bool { status == "open" || status == "in_progress" }

        /// The ticket whose conversation holds the mail's `In-Reply-To` or one of its `References` (nearest first),
        /// else the ticket a `TKT-…` id in the subject names when its customer is the mail's `From` address. Both
        /// lookups are scoped to `tenantID` (and RLS) and bounded (primary-key / unique-key probes).
        /// A mail already appended to a ticket (not the one it opened) is found first, `appended`, whatever the
        /// ticket's status since: re-running it changes nothing.
        static func find(_ message: InboundMessage, recordID: String, tenantID: String,
                         on connection: PGConnection) throws -> FollowUp? {
            let own = TicketThread.key(message.messageID ?? message.dedupeKey)
            if let own, let row = try connection.query("""
                \(unsafe: select) FROM ticket_messages m JOIN tickets t ON t.tenant_id = m.tenant_id AND t.id = m.ticket
                WHERE m.tenant_id = \(tenantID) AND m.message_key = \(own)
                  AND t.inbound_message IS DISTINCT FROM \(recordID)::uuid
                """).first {
                var found = try FollowUp(row: row)
                found.appended = true
                return found
            }
            var keys: [String] = []
            for id in ([message.inReplyTo].compactMap { $0 } + message.references.reversed()) {
                guard let key = TicketThread.key(id), key != own, !keys.contains(key) else { continue }
                keys.append(key)
                if keys.count == 30 { break }
            }
            if !keys.isEmpty, let row = try connection.query("""
                \(unsafe: select) FROM ticket_messages m JOIN tickets t ON t.tenant_id = m.tenant_id AND t.id = m.ticket
                WHERE m.tenant_id = \(tenantID) AND m.message_key = ANY(\(PGTextArray(keys))::text[])
                ORDER BY array_position(\(PGTextArray(keys))::text[], m.message_key) LIMIT 1
                """).first {
                return try FollowUp(row: row)
            }
            guard let code = subjectTicketID(message.subject),
                  let sender = message.from?.address.lowercased(), !sender.isEmpty else { return nil }
            return try connection.query("""
                \(unsafe: select) FROM tickets t
                WHERE t.tenant_id = \(tenantID) AND t.ticket_id = \(code) AND t.customer_email = \(sender)
                """).first.map(FollowUp.init(row:))
        }

        /// The first `TKT-YYYYMMDD-XXXXXX` in `subject` (any case), upper-cased.
        static func subjectTicketID(_ subject: String) -> String? {
            let upper = subject.uppercased()
            guard let match = upper.firstMatch(of: /TKT-[0-9]{8}-[0-9A-F]{6}/) else { return nil }
            return String(upper[match.range])
        }

        static let select: StaticString = """
            SELECT t.id::text AS id, t.ticket_id, t.status, array_to_json(t.missing)::text AS missing,
                   t.client_id::text AS client_id, jsonb_array_length(t.conversation) AS length,
                   (SELECT coalesce(json_agg(e.entry->>'content' ORDER BY e.n), '[]')::text
                    FROM jsonb_array_elements(t.conversation) WITH ORDINALITY AS e(entry, n)
                    WHERE e.entry->>'role' = 'customer') AS texts
            """

        init(row: PGRow) throws {
            func strings(_ column: String) -> [String] {
                guard let text = row[column], let value = try? JSON.decode(JSONValue.self, from: Array(text.utf8))
                else { return [] }
                return value.array?.compactMap(\.string) ?? []
            }
            ticketUUID = try row.string("id")
            ticketID = try row.string("ticket_id")
            status = try row.string("status")
            missing = strings("missing")
            clientID = row["client_id"]
            length = try row.int("length")
            customerTexts = strings("texts")
        }
    }

    /// The follow-up's ticket changed between the read and the write (a consultant acted, or another mail joined):
    /// the job is retried, and the retry reads it afresh.
    struct FollowUpChanged: Error, CustomStringConvertible {
        let ticketID: String
        var description: String { "Ticket \(ticketID) changed while its follow-up was being read; retrying." }
    }
}
