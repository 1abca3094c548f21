public import Logging
public import Runtime
public import RuntimePostgres

/// What one worker thread owns and lends to every handler it runs: its database connection, the
/// configuration and the process's shared caches. Built on the worker thread by ``FunctionLauncher``; never
/// crosses threads (only `shared`, which is Sendable, is common to all of them).
public final class PlatformServices {
    public let config: PlatformConfig
    public let database: Database
    public let shared: ProcessState

    public init(config: PlatformConfig, shared: ProcessState = ProcessState(), logger: Logger) {
        self.config = config
        self.shared = shared
        self.database = Database(url: config.databaseURL, platformRole: config.platformRole, logger: logger)
    }
}

/// The handler context every function uses.
public typealias PlatformContext = Context<PlatformServices>
/// The router every function builds.
public typealias PlatformRouter = Router<PlatformServices>
