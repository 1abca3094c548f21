public import RuntimePostgres

/// Fixed-window counters in PostgreSQL, so every process of every function sees the same count and a
/// restart forgets nothing (login failures per IP, tenant-header mismatches, admin-token failures).
public enum Throttle {
    /// A limit: more than `limit` hits within `windowSeconds` blocks the key for `blockSeconds`.
    public struct Rule: Sendable {
        public let limit: Int
        public let windowSeconds: Int
        public let blockSeconds: Int
        public init(limit: Int, windowSeconds: Int, blockSeconds: Int) {
            self.limit = limit
            self.windowSeconds = windowSeconds
            self.blockSeconds = blockSeconds
        }
    }

    /// Seconds until `key` is unblocked, or nil when it is not blocked.
    public static func blockedFor(_ key: String, on connection: PGConnection) throws -> Int? {
        let row = try connection.query("""
            SELECT ceil(extract(epoch FROM blocked_until - now()))::int AS wait FROM throttles
            WHERE key = \(key) AND blocked_until > now()
            """).first
        return try row?.optionalInt("wait").map { max(1, $0) }
    }

    /// Counts one hit on `key`; returns the seconds to wait when this hit crossed (or is beyond) the limit.
    @discardableResult
    public static func hit(_ key: String, rule: Rule, on connection: PGConnection) throws -> Int? {
        let row = try connection.query("""
            INSERT INTO throttles AS t (key, hits, window_start) VALUES (\(key), 1, now())
            ON CONFLICT (key) DO UPDATE SET
                hits = CASE WHEN t.window_start < now() - make_interval(secs => \(rule.windowSeconds)) THEN 1 ELSE t.hits + 1 END,
                window_start = CASE WHEN t.window_start < now() - make_interval(secs => \(rule.windowSeconds))
                                    THEN now() ELSE t.window_start END
            RETURNING hits
            """).first
        let hits = try row?.int("hits") ?? 1
        guard hits > rule.limit else { return try blockedFor(key, on: connection) }
        try connection.query("""
            UPDATE throttles SET blocked_until = greatest(coalesce(blocked_until, now()), now() + make_interval(secs => \(rule.blockSeconds)))
            WHERE key = \(key)
            """)
        return rule.blockSeconds
    }

    /// Forgets `key` (after a successful login, say).
    public static func reset(_ key: String, on connection: PGConnection) throws {
        try connection.query("DELETE FROM throttles WHERE key = \(key)")
    }
}
