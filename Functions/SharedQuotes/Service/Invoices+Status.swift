public import Runtime
public import RuntimePostgres

extension Invoices {
    /// Moves invoice `id` (a row UUID) from `from` to `to` and logs a `status_change` activity, in the caller's
    /// transaction. The caller holds the row lock and has checked the machine; the update is still guarded by
    /// `status = from`, so a change that raced past the lock is refused rather than applied twice.
    ///
    /// Sets the matching timestamp on first arrival (`sent_at`, `viewed_at`, `paid_at`, `cancelled_at`).
    /// - Throws: ``HTTPError`` 409 `invalid_transition` when `from → to` is not in ``InvoiceStatus`` or the row is
    ///   no longer in `from`.
    public static func setStatus(_ id: String, on connection: PGConnection, tenantID: String, from: InvoiceStatus,
                                 to: InvoiceStatus, actor: String, note: String = "", detail: String = "{}") throws {
        guard from.canMove(to: to) else { throw invalidTransition(from, to) }
        let moved = try connection.query("""
            UPDATE invoices SET status = \(to.rawValue), updated_at = now(),
                   sent_at = CASE WHEN \(to.rawValue) = 'sent' THEN coalesce(sent_at, now()) ELSE sent_at END,
                   viewed_at = CASE WHEN \(to.rawValue) = 'viewed' THEN coalesce(viewed_at, now()) ELSE viewed_at END,
                   paid_at = CASE WHEN \(to.rawValue) = 'paid' THEN coalesce(paid_at, now()) ELSE paid_at END,
                   cancelled_at = CASE WHEN \(to.rawValue) = 'cancelled' THEN now() ELSE cancelled_at END
            WHERE tenant_id = \(tenantID) AND id = \(id)::uuid AND status = \(from.rawValue)
            """)
        guard moved.affectedRows == 1 else { throw invalidTransition(from, to) }
        try Activity.record(on: connection, tenantID: tenantID, subject: "invoice", id: id, kind: "status_change",
                            from: from.rawValue, to: to.rawValue, actor: actor, note: note, detail: detail)
    }

    /// `409 invalid_transition` naming both statuses.
    public static func invalidTransition(_ from: InvoiceStatus, _ to: InvoiceStatus) -> HTTPError {
        let allowed = from.successors.map(\.rawValue).sorted().joined(separator: ", ")
        let hint = allowed.isEmpty ? "\(from.rawValue) is final." : "allowed: \(allowed)."
        return HTTPError(.conflict, code: "invalid_transition",
                         message: "An invoice cannot go from \(from.rawValue) to \(to.rawValue); \(hint)")
    }
}
