public import Logging
public import RuntimePostgres

/// What a job handler sees besides the job: the thread's database and a logger carrying `job.id`, `job.kind`,
/// `job.attempt` and `tenant.id`. Created per job on the worker thread; never shared.
public final class JobContext {
    public let database: Database
    public let logger: Logger

    public init(database: Database, logger: Logger) {
        self.database = database
        self.logger = logger
    }
}

/// A handler's verdict when a job did not succeed. Any other error thrown is treated as ``Kind/retry(after:)``
/// with no minimum delay.
public struct JobFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Requeue with the queue's backoff (2^attempts s with jitter, ≤ 1 h), waiting at least `after`.
        case retry(after: Duration?)
        /// Never retry: the job becomes `dead` at once.
        case permanent
    }

    public let kind: Kind
    /// Safe to log: no secrets, no message bodies.
    public let reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { reason }
}

/// Runs one claimed job on the worker thread that built it; returning normally marks the job `done`.
public typealias JobHandler = (_ job: Job, _ context: JobContext) throws -> Void

/// The job kinds this worker runs and how to build each kind's handler.
///
/// A value built once at start-up (Sendable). Each worker thread calls every factory once, so a handler may keep
/// per-thread state (libcurl clients, caches) without locks. Other features register their kinds here
/// (`registry.register("inbound.process") { logger in … }`).
public struct JobRegistry: Sendable {
    public typealias Factory = @Sendable (_ logger: Logger) -> JobHandler
    private var factories: [String: Factory] = [:]

    public init() {}

    /// Adds `kind`. Registering a kind twice is a programmer error.
    public mutating func register(_ kind: String, _ factory: @escaping Factory) {
        precondition(factories[kind] == nil, "job kind \(kind) registered twice")
        factories[kind] = factory
    }

    /// The registered kinds, sorted (the worker claims only these).
    public var kinds: [String] { factories.keys.sorted() }

    /// One handler per kind, built for the calling thread.
    public func makeHandlers(logger: Logger) -> [String: JobHandler] {
        factories.mapValues { $0(logger) }
    }
}
