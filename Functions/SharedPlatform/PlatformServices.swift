public import Logging
public import Runtime
public import RuntimePostgres

/// What one worker thread owns and lends to every handler it runs: its database connection and the shared
/// configuration. Built on the worker thread by ``FunctionLauncher``; never crosses threads.
public final class PlatformServices {
    public let config: PlatformConfig
    public let database: Database

    public init(config: PlatformConfig, logger: Logger) {
        self.config = config
        self.database = Database(url: config.databaseURL, platformRole: config.platformRole, logger: logger)
    }
}

/// The handler context every function uses.
public typealias PlatformContext = Context<PlatformServices>
/// The router every function builds.
public typealias PlatformRouter = Router<PlatformServices>
