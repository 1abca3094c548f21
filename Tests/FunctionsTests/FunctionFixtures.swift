import AnalyticsFunction
import HelpdeskFunction
import InboundFunction
import Logging
import QuotesFunction
import Runtime
import SharedPlatform
import TenantAdminFunction

/// The five functions, their routers and services built the way `FunctionLauncher` builds them.
struct FunctionUnderTest: Sendable, CustomTestStringConvertible {
    let name: String
    let maxBodyBytes: Int
    let routes: @Sendable (inout PlatformRouter) -> Void
    var testDescription: String { name }

    static let all: [FunctionUnderTest] = [
        .init(name: InboundFunction.name, maxBodyBytes: InboundFunction.maxBodyBytes, routes: InboundFunction.routes),
        .init(name: QuotesFunction.name, maxBodyBytes: QuotesFunction.maxBodyBytes, routes: QuotesFunction.routes),
        .init(name: HelpdeskFunction.name, maxBodyBytes: HelpdeskFunction.maxBodyBytes, routes: HelpdeskFunction.routes),
        .init(name: TenantAdminFunction.name, maxBodyBytes: TenantAdminFunction.maxBodyBytes,
              routes: TenantAdminFunction.routes),
        .init(name: AnalyticsFunction.name, maxBodyBytes: AnalyticsFunction.maxBodyBytes, routes: AnalyticsFunction.routes),
    ]

    static let jwtSecret = "test-secret-for-function-tests-0123456789abcdef"
    static let unreachableDatabase = "host=/nonexistent/socket port=1 dbname=travel user=travel_app connect_timeout=1"

    func config(_ extra: [String: String] = [:], databaseURL: String = unreachableDatabase) -> PlatformConfig {
        var values = ["DATABASE_URL": databaseURL, "JWT_SECRET": Self.jwtSecret]
        values.merge(extra) { _, new in new }
        return PlatformConfig(function: name, environment: Environment(values), defaultMaxBody: maxBodyBytes)
    }

    /// Answers one request in-process, as a worker thread would.
    func respond(_ request: Request, config: PlatformConfig, logger: Logger = Logger(label: "test")) -> Response {
        let router = FunctionLauncher.makeRouter(function: name, config: config, routes: routes)
        let responder = Responder(function: name, router: router, requestTimeout: config.server.requestTimeout)
        return responder.respond(to: request, services: PlatformServices(config: config, logger: logger), logger: logger)
    }
}

import Testing
