public import Runtime
public import RuntimePostgres

/// Scheduled invoice upkeep (the lead's scheduler calls it; it is safe to run at any time and from any process).
public enum InvoiceMaintenance {
    /// Marks every issued, unpaid invoice (`sent`, `viewed`, `partially_paid`) whose due date is before `today` as
    /// `overdue`, with a `status_change` activity by `system:overdue`; returns how many moved.
    ///
    /// Works on whatever the connection's transaction can see: one tenant under `Database.withTenant`, every tenant
    /// under `Database.asPlatform`. One statement; rows another transaction holds locked (a payment being recorded)
    /// are skipped and caught by the next run.
    @discardableResult
    public static func markOverdue(on connection: PGConnection, today: Day) throws -> Int {
        let result = try connection.query("""
            WITH due AS (
                SELECT tenant_id, id, status FROM invoices
                WHERE status IN ('sent', 'viewed', 'partially_paid') AND due_date < \(today.description)::date
                FOR UPDATE SKIP LOCKED
            ), moved AS (
                UPDATE invoices i SET status = 'overdue', updated_at = now()
                FROM due WHERE i.tenant_id = due.tenant_id AND i.id = due.id
                RETURNING i.tenant_id, i.id, due.status AS previous
            )
            INSERT INTO activities (tenant_id, subject_type, subject_id, kind, from_status, to_status, actor, note)
            SELECT tenant_id, 'invoice', id, 'status_change', previous, 'overdue', 'system:overdue',
                   'Past its due date.'
            FROM moved
            """)
        return result.affectedRows
    }
}
