internal import Glibc
internal import Logging
public import Runtime

/// Starts a function process: configuration, logging, routes, then the FastCGI loop.
///
/// Each executable's `main.swift` is one call: `exit(FunctionLauncher.run(function: "quotes", …))`.
public enum FunctionLauncher {
    /// Runs the function until SIGTERM; returns the process exit code (0 after a graceful stop, 1 on a
    /// configuration or socket error, reported on stderr before anything is served).
    ///
    /// `check` reads the function's own keys from the same environment, so a bad one stops start-up in the same
    /// message as a bad shared key instead of surfacing at the first request.
    public static func run(function: String, defaultMaxBody: Int = 1 << 20, check: (Environment) -> Void = { _ in },
                           routes: (inout PlatformRouter) -> Void) -> Int32 {
        let environment = Environment()
        let config = PlatformConfig(function: function, environment: environment, defaultMaxBody: defaultMaxBody)
        check(environment)
        let level = Logger.Level(rawValue: config.logLevel) ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        let logger = {
            var logger = Logger(label: function)
            logger[metadataKey: "function"] = .string(function)
            return logger
        }()
        do {
            try environment.validate()
        } catch {
            logger.critical("cannot start", metadata: ["error": .string(error.description)])
            return 1
        }
        let router = makeRouter(function: function, config: config, routes: routes)
        let responder = Responder(function: function, router: router, requestTimeout: config.server.requestTimeout)
        let shared = ProcessState()
        do {
            try TenantChangeListener.start(config: config, state: shared, logger: logger)
            try FastCGIServer.run(config: config.server, responder: responder, logger: logger) { _ in
                PlatformServices(config: config, shared: shared, logger: logger)
            }
        } catch {
            logger.critical("cannot serve", metadata: ["error": .string(String(describing: error))])
            return 1
        }
        return 0
    }

    /// The function's full router: health routes, debug routes when enabled, then its own.
    public static func makeRouter(function: String, config: PlatformConfig,
                                  routes: (inout PlatformRouter) -> Void) -> PlatformRouter {
        var router = PlatformRouter()
        HealthRoutes.install(on: &router, function: function)
        if config.debugRoutes { DebugRoutes.install(on: &router, function: function) }
        routes(&router)
        return router
    }
}
