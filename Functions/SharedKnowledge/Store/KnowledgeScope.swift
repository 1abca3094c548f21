public import Runtime
public import RuntimePostgres

/// Whose knowledge an operation touches: one tenant's (under its RLS) or the global base (platform path).
public enum KnowledgeScope: Sendable, Equatable {
    case tenant(String)
    case global

    /// The `tenant_id` column value (nil for global).
    public var tenantID: String? {
        if case .tenant(let id) = self { return id }
        return nil
    }

    /// The directory name under `KNOWLEDGE_DIR`.
    var directoryName: String { tenantID ?? "_global" }

    /// Runs `body` in a transaction with the right role: `withTenant` for a tenant, `asPlatform` for global.
    public func transaction<T>(_ database: Database, deadline: Deadline? = nil, _ body: (PGConnection) throws -> T) throws -> T {
        switch self {
        case .tenant(let id): return try database.withTenant(id, deadline: deadline, body)
        case .global: return try database.asPlatform(deadline: deadline, body)
        }
    }
}
