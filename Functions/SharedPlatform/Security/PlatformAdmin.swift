public import Runtime
internal import Logging
internal import RuntimePostgres

/// The platform operator's credential: the `X-Admin-Token` header against `ADMIN_API_TOKEN`.
///
/// 503 when the server has no token configured (so a missing setting is loud, not open), 401 for a
/// missing or wrong token (compared in constant time), 429 once an address has failed too often.
public enum PlatformAdmin {
    /// The actor name written to the audit log for platform-operator actions.
    public static let actor = "platform-admin"
    static let failures = Throttle.Rule(limit: 10, windowSeconds: 300, blockSeconds: 900)

    /// - Throws: ``HTTPError`` 503, 401 or 429 as described above.
    public static func authorize(_ request: Request, _ context: PlatformContext) throws {
        guard let expected = context.services.config.adminToken else {
            throw HTTPError(.serviceUnavailable, code: "admin_not_configured",
                            message: "Platform administration is not configured on this server.")
        }
        let key = "admin-token:" + request.remoteAddress
        let database = context.services.database
        if let wait = try database.transaction(deadline: context.deadline, { try Throttle.blockedFor(key, on: $0) }) {
            throw HTTPError.throttled(retryAfter: wait)
        }
        guard let presented = request.headers["x-admin-token"], expected.matches(presented) else {
            let wait = try database.transaction(deadline: context.deadline) { try Throttle.hit(key, rule: failures, on: $0) }
            context.logger.warning("platform admin token refused", metadata: ["remote": .string(request.remoteAddress)])
            if let wait { throw HTTPError.throttled(retryAfter: wait) }
            throw HTTPError(.unauthorized, code: .unauthorized, message: "A valid X-Admin-Token header is required.")
        }
    }
}

extension HTTPError {
    /// 429 with `Retry-After`.
    public static func throttled(retryAfter seconds: Int) -> HTTPError {
        HTTPError(.tooManyRequests, code: .rateLimited, message: "Too many attempts; try again in \(seconds) seconds.",
                  headers: ["Retry-After": String(seconds)])
    }
}
