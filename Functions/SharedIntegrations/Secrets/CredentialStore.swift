public import Runtime
public import RuntimePostgres

/// Per-tenant provider credentials in `tenant_credentials`, sealed with a ``SecretBox``.
///
/// Every method runs on a connection inside ``Database/withTenant(_:deadline:_:)`` for `tenantID`, so row-level
/// security limits it to that tenant's rows. ``secret(_:tenantID:)`` returns the clear value and is only for the
/// code that sends with it (a mail transport, a provisioning job); API handlers use ``info(_:tenantID:)`` /
/// ``list(tenantID:on:)``, which never include it. A value holding the box: Sendable.
public struct CredentialStore: Sendable {
    /// Which credential: provider (`sendgrid`, `twilio`) and name (`api_key`, `auth_token`).
    public struct Key: Sendable, Hashable {
        public var provider: String
        public var name: String
        public init(provider: String, name: String) {
            self.provider = provider
            self.name = name
        }
        /// The purpose bound into the ciphertext.
        var purpose: String { provider + "/" + name }
    }

    /// What may be shown about a credential: that it exists and when it changed.
    public struct Info: Sendable, Equatable {
        public var provider: String
        public var name: String
        /// RFC 3339 timestamps as PostgreSQL renders them.
        public var createdAt: String
        public var updatedAt: String
    }

    private let box: SecretBox

    public init(box: SecretBox) { self.box = box }

    /// Stores (or replaces) `value`.
    public func set(_ key: Key, value: Secret, tenantID: String, on connection: PGConnection) throws {
        let sealed = try box.seal(value, tenantID: tenantID, purpose: key.purpose)
        try connection.query("""
            INSERT INTO tenant_credentials (tenant_id, provider, name, ciphertext)
            VALUES (\(tenantID), \(key.provider), \(key.name), \(sealed))
            ON CONFLICT (tenant_id, provider, name)
            DO UPDATE SET ciphertext = EXCLUDED.ciphertext, updated_at = now()
            """)
    }

    /// The clear value, or nil when none is stored. Only for the code that sends with it.
    /// - Throws: ``SecretBoxError`` when the stored value does not open (tampered, wrong key or row), or `PGError`.
    public func secret(_ key: Key, tenantID: String, on connection: PGConnection) throws -> Secret? {
        let result = try connection.query("""
            SELECT ciphertext FROM tenant_credentials
            WHERE tenant_id = \(tenantID) AND provider = \(key.provider) AND name = \(key.name)
            """)
        guard let sealed = result.first?["ciphertext"] else { return nil }
        return try box.openSecret(sealed, tenantID: tenantID, purpose: key.purpose)
    }

    /// Whether a value is stored.
    public func exists(_ key: Key, tenantID: String, on connection: PGConnection) throws -> Bool {
        try info(key, tenantID: tenantID, on: connection) != nil
    }

    /// When the credential was stored, without its value; nil when absent.
    public func info(_ key: Key, tenantID: String, on connection: PGConnection) throws -> Info? {
        try list(tenantID: tenantID, on: connection).first { $0.provider == key.provider && $0.name == key.name }
    }

    /// Every credential of the tenant, without values, ordered by provider and name.
    public func list(tenantID: String, on connection: PGConnection) throws -> [Info] {
        let result = try connection.query("""
            SELECT provider, name,
                   to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
                   to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
            FROM tenant_credentials WHERE tenant_id = \(tenantID) ORDER BY provider, name
            """)
        return try result.all.map { row in
            Info(provider: try row.string("provider"), name: try row.string("name"),
                 createdAt: try row.string("created_at"), updatedAt: try row.string("updated_at"))
        }
    }

    /// Deletes the credential; true when one was stored.
    @discardableResult
    public func clear(_ key: Key, tenantID: String, on connection: PGConnection) throws -> Bool {
        let result = try connection.query("""
            DELETE FROM tenant_credentials
            WHERE tenant_id = \(tenantID) AND provider = \(key.provider) AND name = \(key.name)
            """)
        return result.affectedRows > 0
    }
}
