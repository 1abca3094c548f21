internal import Runtime
internal import RuntimePostgres

/// Writes `call_records` rows, one per (tenant, provider, call id), inside the caller's **tenant** transaction
/// (`Database.withTenant`), so row-level security bounds every statement to that tenant.
///
/// Callbacks may repeat and arrive out of order: the first one inserts the row; later ones fill in what they
/// know (non-nil fields win, metadata merges key by key) and move the status only forward (``CallStatusOrder``).
/// A concurrent first callback for the same call is absorbed by `ON CONFLICT DO NOTHING` and the row lock.
enum CallRecordStore {
    struct Applied {
        /// Whether this callback created the row.
        let created: Bool
        /// The status stored after the callback.
        let status: String
    }

    /// Inserts or merges `update` for `tenantID` (which must be the transaction's tenant).
    static func apply(_ update: CallRecordUpdate, tenantID: String, on connection: PGConnection) throws -> Applied {
        let metadata = String(decoding: try JSON.encode(JSONValue.object(update.metadata)), as: UTF8.self)
        let final = CallStatusOrder.isFinal(update.status, provider: update.provider)
        let provider = update.provider.rawValue
        let inserted = try connection.query("""
            INSERT INTO call_records (tenant_id, provider, call_id, direction, from_number, to_number, status,
                                      outcome, duration_seconds, customer_name, summary, transcript, metadata,
                                      started_at, ended_at)
            VALUES (\(tenantID), \(provider), \(update.callID), \(update.direction), \(update.fromNumber),
                    \(update.toNumber), \(update.status), \(update.outcome), \(update.durationSeconds),
                    \(update.customerName), \(update.summary), \(update.transcript), \(metadata)::jsonb,
                    to_timestamp(\(update.startedAt)::double precision),
                    COALESCE(to_timestamp(\(update.endedAt)::double precision), CASE WHEN \(final) THEN now() END))
            ON CONFLICT (tenant_id, provider, call_id) DO NOTHING
            RETURNING status
            """)
        if let row = inserted.first { return Applied(created: true, status: try row.string("status")) }

        guard let current = try connection.query("""
            SELECT status FROM call_records WHERE provider = \(provider) AND call_id = \(update.callID) FOR UPDATE
            """).first else {
            // Not visible although the insert conflicted: another tenant cannot own it (the key includes tenant_id),
            // so this is a concurrent delete. Nothing to merge into.
            throw HTTPError(.conflict, code: .conflict, message: "The call record changed concurrently; retry.")
        }
        let status = CallStatusOrder.merged(current: try current.string("status"), incoming: update.status,
                                            provider: update.provider)
        let endsNow = CallStatusOrder.isFinal(status, provider: update.provider)
        try connection.query("""
            UPDATE call_records SET
                status = \(status),
                direction = COALESCE(\(update.direction), direction),
                from_number = COALESCE(\(update.fromNumber), from_number),
                to_number = COALESCE(\(update.toNumber), to_number),
                outcome = COALESCE(\(update.outcome), outcome),
                duration_seconds = COALESCE(\(update.durationSeconds), duration_seconds),
                customer_name = COALESCE(\(update.customerName), customer_name),
                summary = COALESCE(\(update.summary), summary),
                transcript = COALESCE(\(update.transcript), transcript),
                metadata = metadata || \(metadata)::jsonb,
                started_at = COALESCE(started_at, to_timestamp(\(update.startedAt)::double precision)),
                ended_at = COALESCE(to_timestamp(\(update.endedAt)::double precision), ended_at,
                                    CASE WHEN \(endsNow) THEN now() END),
                updated_at = now()
            WHERE provider = \(provider) AND call_id = \(update.callID)
            """)
        return Applied(created: false, status: status)
    }
}
