public import RuntimePostgres

/// Round-robin assignment of new quotes to a tenant's active consultants.
///
/// The consultant who was assigned longest ago (never assigned first, then oldest account) gets the next quote,
/// and `users.last_assigned_at` records it. `FOR UPDATE SKIP LOCKED` makes concurrent quotes pick different
/// consultants instead of waiting on each other. Admins are not assigned; a tenant without active consultants
/// gets quotes with no consultant.
public enum Consultants {
    public struct Assigned: Sendable, Equatable {
        public let id: String
        public let name: String
        public let email: String
    }

    /// Picks and records the next consultant, inside the caller's tenant transaction.
    public static func next(on connection: PGConnection) throws -> Assigned? {
        guard let row = try connection.query("""
            UPDATE users SET last_assigned_at = clock_timestamp()
            WHERE id = (SELECT id FROM users WHERE role = 'consultant' AND is_active
                        ORDER BY last_assigned_at NULLS FIRST, created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id::text AS id, name, email
            """).first else { return nil }
        return Assigned(id: try row.string("id"), name: try row.string("name"), email: try row.string("email"))
    }
}
