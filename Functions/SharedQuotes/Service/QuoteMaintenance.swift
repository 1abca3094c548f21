public import Runtime
public import RuntimePostgres

/// Scheduled upkeep of quotes, run by the worker for every tenant (on a platform connection).
public enum QuoteMaintenance {
    /// Expires every `quoted`, `sent` or `viewed` quote whose `valid_until` is before `today`, logging a
    /// `status_change` activity (actor `system:expiry`) for each, in one statement. Returns how many expired.
    public static func expire(on connection: PGConnection, today: Day = .today()) throws -> Int {
        let result = try connection.query("""
            WITH due AS (
                SELECT tenant_id, id, status FROM quotes
                WHERE status IN ('quoted', 'sent', 'viewed') AND valid_until < \(today)::date
                FOR UPDATE SKIP LOCKED
            ), expired AS (
                UPDATE quotes q SET status = 'expired', expired_at = now(), updated_at = now()
                FROM due WHERE q.tenant_id = due.tenant_id AND q.id = due.id
                RETURNING q.tenant_id, q.id, due.status AS previous
            )
            INSERT INTO activities (tenant_id, subject_type, subject_id, kind, from_status, to_status, actor)
            SELECT tenant_id, 'quote', id, 'status_change', previous, 'expired', 'system:expiry' FROM expired
            """)
        return result.affectedRows
    }
}

extension QuoteMaintenance {
    /// The worker's job kind for the hourly upkeep (quote expiry, invoice overdue detection).
    public static let jobKind = "quotes.maintenance"

    /// Queues the upkeep run for the hour containing `epochSeconds` (at that hour's start, or now if it has
    /// begun). The job key names the hour, so every process may call this and each hour still runs once.
    public static func schedule(on connection: PGConnection, hourOf epochSeconds: Int) throws {
        let hour = epochSeconds / 3600
        let delay = max(0, hour * 3600 - Timestamp.epochSeconds())
        _ = try JobQueue.enqueue(on: connection, kind: jobKind, payload: #"{"hour":\#(hour)}"#, tenantID: nil,
                                 idempotencyKey: "\(jobKind):\(hour)", delaySeconds: delay, maxAttempts: 5)
    }
}
