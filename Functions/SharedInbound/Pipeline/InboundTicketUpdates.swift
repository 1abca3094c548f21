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

    /// Appends an entry to the conversation (`role` `agent` or `system`).
    public static func converse(
        _ ticketUUID: String, tenantID: String, role: String, content: String, author: String,
        on connection: PGConnection
    ) throws {
        let entry: JSONValue = .array([
            .object([
                "role": .string(role), "content": .string(content),
                "author": .string(author), "at": .string(Timestamp.now()),
            ])
        ])
        let json = String(decoding: try JSON.encode(entry), as: UTF8.self)
        try connection.query(
            """
            UPDATE tickets SET conversation = conversation || \(json)::jsonb, updated_at = now()
            WHERE tenant_id = \(tenantID) AND id = \(ticketUUID)::uuid
            """)
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
