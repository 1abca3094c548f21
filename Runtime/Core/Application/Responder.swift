public import Logging

/// Turns a ``Request`` into a ``Response``: routing, error mapping, standard headers and the access log line.
///
/// This is the one place errors become responses (STYLE "Errors"): a ``ResponseError`` renders itself;
/// anything else is logged with its detail and answered with a generic 500 that holds only the request id.
/// It has no I/O of its own, so tests drive it directly (``FunctionTester`` in RuntimeTesting).
public struct Responder<Services>: Sendable {
    public let function: String
    public let router: Router<Services>
    public let requestTimeout: Duration

    public init(function: String, router: Router<Services>, requestTimeout: Duration = .seconds(30)) {
        self.function = function
        self.router = router
        self.requestTimeout = requestTimeout
    }

    /// Answers `request` using this thread's `services`, logging one line to `logger`.
    public func respond(to request: Request, services: Services, logger base: Logger) -> Response {
        let started = ContinuousClock.now
        var logger = base
        logger[metadataKey: "request.id"] = .string(request.requestID)
        logger[metadataKey: "function"] = .string(function)

        var route = "unmatched"
        var tenantID: String?
        var failure: (any Error)?
        var response: Response
        switch router.match(method: request.method, path: request.path) {
        case .notFound:
            response = HTTPError.notFound("No route for \(request.method) \(Self.printable(request.path)).")
                .response(requestID: request.requestID)
        case .methodNotAllowed(let allowed):
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            response = HTTPError(.methodNotAllowed, code: .methodNotAllowed, message: "Use one of: \(allow).",
                                 headers: ["Allow": allow]).response(requestID: request.requestID)
        case .found(let handler, let pattern, let parameters):
            route = pattern
            logger[metadataKey: "route"] = .string(pattern)
            let context = Context(requestID: request.requestID, logger: logger, deadline: Deadline(after: requestTimeout),
                                  services: services, parameters: parameters, route: pattern)
            do {
                response = try handler(request, context)
            } catch let error as any ResponseError {
                response = error.response(requestID: request.requestID)
                failure = error
            } catch {
                failure = error
                response = Response.json(
                    raw: HTTPError.body(code: HTTPError.Code.internalError.rawValue,
                                        message: "Something went wrong on our side. Quote the request id if you contact support.",
                                        requestID: request.requestID),
                    status: 500)
            }
            tenantID = context.tenantID
        }
        response.headers["x-request-id"] = request.requestID
        if response.headers["content-type"] == nil, !response.body.isEmpty {
            response.headers["content-type"] = "application/octet-stream"
        }
        if request.method == .head { response.body = [] }

        let elapsed = ContinuousClock.now - started
        let (seconds, attoseconds) = elapsed.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        logger[metadataKey: "route"] = .string(route)
        logger[metadataKey: "tenant.id"] = tenantID.map { .string($0) } ?? .stringConvertible(LogNull.value)
        var metadata: Logger.Metadata = [
            "status": .stringConvertible(response.status),
            "duration_ms": .stringConvertible(Int(milliseconds.rounded())),
            "method": .string(request.method.rawValue),
        ]
        if response.status >= 500 {
            // The detail goes to the log only: String(reflecting:) of our own errors holds no bind values.
            if let failure { metadata["error"] = .string(String(reflecting: failure)) }
            logger.error("request failed", metadata: metadata)
        } else {
            if let httpError = failure as? HTTPError { metadata["error.code"] = .string(httpError.code.rawValue) }
            logger.info("request", metadata: metadata)
        }
        return response
    }

    /// Answers `request` with `error` without routing it (used before the body is read: 413, 400).
    public func reject(_ request: Request, _ error: HTTPError, logger base: Logger) -> Response {
        var logger = base
        logger[metadataKey: "request.id"] = .string(request.requestID)
        logger[metadataKey: "function"] = .string(function)
        logger[metadataKey: "route"] = "unmatched"
        logger[metadataKey: "tenant.id"] = .stringConvertible(LogNull.value)
        var response = error.response(requestID: request.requestID)
        response.headers["x-request-id"] = request.requestID
        logger.info("request", metadata: [
            "status": .stringConvertible(response.status), "duration_ms": .stringConvertible(0),
            "method": .string(request.method.rawValue), "error.code": .string(error.code.rawValue),
        ])
        return response
    }

    /// The path cut to 200 characters for an error message.
    private static func printable(_ path: String) -> String {
        path.count > 200 ? String(path.prefix(200)) + "…" : path
    }
}
