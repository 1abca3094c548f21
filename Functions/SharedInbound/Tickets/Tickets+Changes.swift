public import Runtime
public import RuntimePostgres
internal import Quoting

extension Tickets {
    /// Moves ticket `id` one legal step, `from → to`, and logs a `status_change` activity, in the caller's transaction.
    ///
    /// - Throws: ``TicketStatus/refusal(_:_:)`` (409 `invalid_transition`) when the step is not legal; nothing is
    ///   written then.
    public static func move(_ id: String, from: String, to: String, tenantID: String, actor: String, note: String = "",
                            on connection: PGConnection) throws {
        guard TicketStatus.allows(from, to) else { throw TicketStatus.refusal(from, to) }
        try connection.query("""
            UPDATE tickets SET status = \(to), updated_at = now() WHERE id = \(id)::uuid AND status = \(from)
            """)
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

    /// Appends `entry` (`{"role","content","at",…}`) to ticket `id`'s conversation.
    public static func append(_ entry: [String: JSONValue], to id: String, on connection: PGConnection) throws {
        let document = String(decoding: try JSON.encode(JSONValue.array([.object(entry)])), as: UTF8.self)
        try connection.query("""
            UPDATE tickets SET conversation = conversation || \(document)::jsonb, updated_at = now() WHERE id = \(id)::uuid
            """)
    }
}
