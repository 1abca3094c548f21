internal import Quoting
internal import Runtime
public import RuntimePostgres

/// The worker's changes to a ticket it just opened, in the same tenant transaction.
public enum InboundTicketUpdates {
    /// Links the CRM client and/or the quote (nil leaves a link as it is).
    public static func link(
        _ ticketUUID: String, tenantID: String, client: String?, quote: String?,
        on connection: PGConnection
    ) throws {
        try connection.query(
            """
            UPDATE tickets SET client_id = coalesce(\(client)::uuid, client_id), quote_id = coalesce(\(quote)::uuid, quote_id),
                   updated_at = now()
            WHERE tenant_id = \(tenantID) AND id = \(ticketUUID)::uuid
            """)
    }

    /// Appends a line to the ticket's notes (the column keeps its last 5000 characters' worth: new notes win).
    public static func note(_ ticketUUID: String, tenantID: String, on connection: PGConnection, _ text: String) throws
    {
        try connection.query(
            """
            UPDATE tickets SET notes = right(CASE WHEN notes = '' THEN \(text) ELSE notes || E'\\n' || \(text) END, 5000),
                   updated_at = now()
            WHERE tenant_id = \(tenantID) AND id = \(ticketUUID)::uuid
            """)
    }

    /// Appends an entry to the conversation (`role` `agent` or `system`); `messageID` (the mail it was sent as) is
    /// recorded for threading the customer's answer.
    public static func converse(
        _ ticketUUID: String, tenantID: String, role: String, content: String, author: String,
        messageID: String? = nil, on connection: PGConnection
    ) throws {
        var object: [String: JSONValue] = [
            "role": .string(role), "content": .string(content),
            "author": .string(author), "at": .string(Timestamp.now()),
        ]
        if let messageID { object["message_id"] = .string(messageID) }
        let entry: JSONValue = .array([.object(object)])
        let json = String(decoding: try JSON.encode(entry), as: UTF8.self)
        try connection.query(
            """
            UPDATE tickets SET conversation = conversation || \(json)::jsonb, updated_at = now()
            WHERE tenant_id = \(tenantID) AND id = \(ticketUUID)::uuid
            """)
        if let messageID {
            try TicketThread.remember(messageID, ticket: ticketUUID, tenantID: tenantID, on: connection)
        }
    }

    /// The Message-ID the transports give outbox row `outboxID` (see ``OutboundMessageID``), or nil without the row.
    static func messageID(ofOutbox outboxID: Int64, on connection: PGConnection) throws -> String? {
        guard let row = try connection.query(
            "SELECT idempotency_key, from_address FROM outbox WHERE id = \(outboxID)"
        ).first else { return nil }
        return OutboundMessageID.of(idempotencyKey: try row.string("idempotency_key"), from: try row.string("from_address"))
    }

    /// Moves the ticket from `from` to `to` along ``TicketStatus/path(from:to:)``, one `status_change` activity per
    /// step; does nothing when `to` is unreachable.
    public static func move(
        _ ticketUUID: String, tenantID: String, from: String, to: String, actor: String,
        on connection: PGConnection
    ) throws {
        var current = from
        for step in TicketStatus.path(from: from, to: to) ?? [] {
            try connection.query(
                """
                UPDATE tickets SET status = \(step), updated_at = now()
                WHERE tenant_id = \(tenantID) AND id = \(ticketUUID)::uuid
                """)
            try Activity.record(
                on: connection, tenantID: tenantID, subject: "ticket", id: ticketUUID,
                kind: "status_change", from: current, to: step, actor: actor)
            current = step
        }
    }
}
