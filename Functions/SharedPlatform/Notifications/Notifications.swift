public import RuntimePostgres

/// In-app notifications (`notifications`, tenant data under RLS), written in the caller's tenant transaction.
public enum Notifications {
    /// What to tell the tenant's users.
    public struct Note: Sendable, Equatable {
        /// `^[a-z_]{1,40}$`, e.g. `email_received`.
        public var kind: String
        /// 1–200 characters (longer titles are cut).
        public var title: String
        /// At most 2000 characters (longer messages are cut).
        public var message: String
        /// What the notification is about (`ticket`, `quote`), for the client to link to.
        public var entityType: String?
        public var entityID: String?
        /// One notification per user and key: `ticket:<uuid>`.
        public var dedupeKey: String

        public init(
            kind: String, title: String, message: String, entityType: String? = nil, entityID: String? = nil,
            dedupeKey: String
        ) {
            self.kind = kind
            self.title = title
            self.message = message
            self.entityType = entityType
            self.entityID = entityID
            self.dedupeKey = dedupeKey
        }
    }

    /// Notifies every active user of `tenantID` once: a user who already has a notification with the note's
    /// `dedupeKey` gets no second one (`ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING`), so a re-run job
    /// or a repeated event never notifies twice. Returns how many notifications were written.
    @discardableResult
    public static func notifyTenantUsers(_ note: Note, tenantID: String, on connection: PGConnection) throws -> Int {
        let title = String(note.title.prefix(200))
        let message = String(note.message.prefix(2000))
        return try connection.query(
            """
            INSERT INTO notifications (tenant_id, user_id, kind, title, message, entity_type, entity_id, dedupe_key)
            SELECT tenant_id, id, \(note.kind), \(title.isEmpty ? note.kind : title), \(message), \(note.entityType),
                   \(note.entityID), \(note.dedupeKey)
            FROM users WHERE tenant_id = \(tenantID) AND is_active
            ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING
            """
        ).affectedRows
    }
}
