public import Logging
public import Runtime

/// A worker thread's database access: one lazily opened ``PGConnection``, reopened after it breaks.
///
/// Not Sendable: each worker thread builds its own (fastcgi-spike §6.8 budgets one backend per thread).
/// The process starts without PostgreSQL; the first use connects, and readiness checks report failures.
/// Every unit of work is a transaction:
/// - ``withTenant(_:deadline:_:)`` sets `app.tenant_id` for row-level security — the normal path;
/// - ``asPlatform(deadline:_:)`` switches to the `BYPASSRLS` platform role — the explicit platform-admin path;
/// - ``transaction(deadline:_:)`` does neither, so RLS tables show no rows (for tables without tenants).
/// A deadline becomes `statement_timeout` for the transaction.
public final class Database {
    private let url: String
    private let platformRole: String
    private let logger: Logger
    private var connection: PGConnection?

    /// - Parameters:
    ///   - url: libpq conninfo of the application role (subject to RLS).
    ///   - platformRole: the role ``asPlatform(deadline:_:)`` switches to (granted to the application role).
    public init(url: String, platformRole: String = "travel_platform", logger: Logger) {
        self.url = url
        self.platformRole = platformRole
        self.logger = logger
    }

    /// Checks the database answers (`SELECT 1`), reconnecting once if the connection had broken.
    public func ping() throws(PGError) {
        _ = try withRetry { connection throws(PGError) in try connection.query("SELECT 1") }
    }

    /// Runs `body` in a transaction with `app.tenant_id` set to `tenantID` (RLS scope).
    @discardableResult
    public func withTenant<T>(_ tenantID: String, deadline: Deadline? = nil, _ body: (PGConnection) throws -> T) throws -> T {
        try transaction(deadline: deadline) { connection in
            try connection.query("SELECT set_config('app.tenant_id', \(tenantID), true)")
            return try body(connection)
        }
    }

    /// Runs `body` in a transaction as the platform role, which bypasses RLS. Only for platform-admin work.
    @discardableResult
    public func asPlatform<T>(deadline: Deadline? = nil, _ body: (PGConnection) throws -> T) throws -> T {
        try transaction(deadline: deadline) { connection in
            try connection.query("SELECT set_config('role', \(platformRole), true)")
            return try body(connection)
        }
    }

    /// Runs `body` between BEGIN and COMMIT; rolls back if it throws.
    ///
    /// If the connection turns out broken at BEGIN (nothing has run yet), it reconnects and starts again
    /// once. Failures after that are not retried: the caller decides.
    /// - Throws: what `body` throws, ``PGError``, or ``HTTPError`` 504 when `deadline` has already passed.
    @discardableResult
    public func transaction<T>(deadline: Deadline? = nil, _ body: (PGConnection) throws -> T) throws -> T {
        try deadline?.check()
        let connection = try withRetry { connection throws(PGError) in
            try connection.query("BEGIN")
            return connection
        }
        do {
            if let deadline {
                try connection.query("SELECT set_config('statement_timeout', \(String(deadline.remainingMilliseconds)), true)")
            }
            let value = try body(connection)
            try connection.query("COMMIT")
            return value
        } catch {
            rollback(connection)
            if let pgError = error as? PGError, pgError.sqlState == "57014", deadline?.isExpired == true {
                throw HTTPError(.gatewayTimeout, code: .deadlineExceeded, message: "The request took too long and was stopped.")
            }
            throw error
        }
    }

    /// The open connection, or a new one.
    private func current() throws(PGError) -> PGConnection {
        if let connection, connection.isHealthy { return connection }
        connection = nil
        let fresh = try PGConnection(conninfo: url)
        connection = fresh
        return fresh
    }

    private func withRetry<T>(_ operation: (PGConnection) throws(PGError) -> T) throws(PGError) -> T {
        do {
            return try operation(try current())
        } catch where error.code == .connectionLost || error.code == .connectionFailed {
            logger.warning("database connection lost; reconnecting", metadata: ["error": .string(error.description)])
            connection = nil
            return try operation(try current())
        }
    }

    private func rollback(_ connection: PGConnection) {
        guard connection.isHealthy else {
            self.connection = nil
            return
        }
        do { try connection.query("ROLLBACK") } catch {
            logger.warning("rollback failed; dropping connection", metadata: ["error": .string(error.description)])
            self.connection = nil
        }
    }
}
