internal import Synchronization

/// What all worker threads of one process share: short-lived caches of tenant status and user standing.
///
/// Caches only: every entry expires after ``ttl`` (5 s, so a suspension or deactivation reaches every
/// process within that even if a notification is lost), and `tenant_changed` notifications drop entries at
/// once (``FunctionLauncher`` runs the listener). Nothing here must be shared between processes.
public final class ProcessState: Sendable {
    public struct TenantEntry: Sendable, Equatable {
        public let status: String
    }

    public struct UserEntry: Sendable, Equatable {
        public let role: String
        public let email: String
        public let active: Bool
    }

    public static let ttl: Duration = .seconds(5)
    private let tenants = Mutex<[String: (entry: TenantEntry?, at: ContinuousClock.Instant)]>([:])
    private let users = Mutex<[String: (entry: UserEntry?, at: ContinuousClock.Instant)]>([:])

    public init() {}

    /// The cached tenant (nil entry = known not to exist), or nil when absent or expired.
    public func tenant(_ id: String) -> TenantEntry?? {
        tenants.withLock { cache in
            guard let hit = cache[id], ContinuousClock.now - hit.at < Self.ttl else { return nil }
            return .some(hit.entry)
        }
    }

    public func store(tenant id: String, _ entry: TenantEntry?) {
        tenants.withLock { cache in
            if cache.count > 10_000 { cache.removeAll() }
            cache[id] = (entry, .now)
        }
    }

    public func user(tenant: String, id: String) -> UserEntry?? {
        users.withLock { cache in
            guard let hit = cache[tenant + "/" + id], ContinuousClock.now - hit.at < Self.ttl else { return nil }
            return .some(hit.entry)
        }
    }

    public func store(tenant: String, user id: String, _ entry: UserEntry?) {
        users.withLock { cache in
            if cache.count > 50_000 { cache.removeAll() }
            cache[tenant + "/" + id] = (entry, .now)
        }
    }

    /// Forgets everything cached about `tenant` (its status and its users).
    public func invalidate(tenant: String) {
        tenants.withLock { _ = $0.removeValue(forKey: tenant) }
        users.withLock { cache in
            for key in cache.keys where key.hasPrefix(tenant + "/") { cache[key] = nil }
        }
    }
}
