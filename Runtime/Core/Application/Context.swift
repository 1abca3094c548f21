public import Logging

/// What a handler knows about its request besides the request itself.
///
/// Created by the request loop for each request, on the worker thread that serves it; never shared between
/// threads. `services` is the thread's own set of resources (database connection, HTTP client).
public final class Context<Services> {
    public let requestID: String
    /// The function's logger with `request.id`, `function` and `route` set; handlers add to it.
    public var logger: Logger
    public let deadline: Deadline
    public let services: Services
    /// Path parameters bound by the router (`{id}` → `parameters["id"]`).
    public let parameters: [String: String]
    /// The matched route pattern (`/api/v1/quotes/{id}`), for logs and metrics.
    public let route: String
    /// The tenant the request acts for, once authenticated; logged with the request.
    public var tenantID: String? {
        didSet { logger[metadataKey: "tenant.id"] = tenantID.map { .string($0) } }
    }

    public init(
        requestID: String, logger: Logger, deadline: Deadline, services: Services, parameters: [String: String] = [:],
        route: String = ""
    ) {
        self.requestID = requestID
        self.logger = logger
        self.deadline = deadline
        self.services = services
        self.parameters = parameters
        self.route = route
    }

    /// The path parameter `name`.
    ///
    /// - Throws: ``HTTPError`` 404 when absent (a pattern without it is a programmer error, but a 404 is safe).
    public func parameter(_ name: String) throws(HTTPError) -> String {
        guard let value = parameters[name] else { throw .notFound() }
        return value
    }
}
