internal import FoundationEssentials
internal import Logging
public import Runtime
internal import RuntimePostgres

/// The user a request acts for, once its bearer token has been verified and its tenant bound.
public struct Principal: Sendable, Equatable {
    public let userID: String
    public let tenantID: String
    /// `admin` or `consultant`, as stored now (not as it was when the token was issued).
    public let role: String
    public let email: String

    public var isAdmin: Bool { role == "admin" }
}

/// Authenticates tenant users (SPEC "Auth", DESIGN §2 "Tenancy").
///
/// 1. `Authorization: Bearer <JWT>` verified by ``AuthSettings/verifier`` (HS256 ours, ES256 an external
///    provider's; `exp`/`nbf`/`iss`/`aud` with leeway) → 401 `invalid_token` otherwise.
/// 2. The tenant is the token's `tenant_id`. `X-Client-ID`, when sent, must equal it: 403
///    `tenant_mismatch`, and after 3 mismatches from one address in 5 minutes, 429 for 30 minutes.
/// 3. The tenant must exist and be active (403 `tenant_suspended`), and the user (`sub`) must exist in it
///    and be active (401) — read through ``ProcessState``'s 5-second cache, so a suspension or
///    deactivation takes effect on every process within 5 s.
/// 4. `roles`, when given, must contain the user's current role (403).
/// The context's `tenantID` is set, so logs carry it.
public enum Authenticator {
    static let mismatchRule = Throttle.Rule(limit: 3, windowSeconds: 300, blockSeconds: 1800)

    public static func authenticate(_ request: Request, _ context: PlatformContext, roles: Set<String>? = nil) throws -> Principal {
        let claims = try verifiedClaims(request, context)
        guard let tenant = claims.tenantID, !tenant.isEmpty else { throw invalidToken }
        if let client = request.headers["x-client-id"], client != tenant {
            let key = "client-mismatch:" + request.remoteAddress
            let wait = try context.services.database.transaction(deadline: context.deadline) {
                try Throttle.hit(key, rule: mismatchRule, on: $0)
            }
            context.logger.warning("tenant header mismatch", metadata: ["remote": .string(request.remoteAddress)])
            if let wait { throw HTTPError.throttled(retryAfter: wait) }
            throw HTTPError(.forbidden, code: "tenant_mismatch", message: "X-Client-ID does not match the token's tenant.")
        }
        guard let tenantEntry = try lookupTenant(tenant, context) else { throw invalidToken }
        guard tenantEntry.status == "active" else {
            throw HTTPError(.forbidden, code: "tenant_suspended", message: "This account is suspended. Contact support.")
        }
        guard UUID(uuidString: claims.sub) != nil, let user = try lookupUser(claims.sub, tenant: tenant, context), user.active else {
            throw HTTPError(.unauthorized, code: .unauthorized, message: "This user account is not active.")
        }
        if let roles, !roles.contains(user.role) {
            throw HTTPError(.forbidden, code: .forbidden, message: "Your role may not do this.")
        }
        context.tenantID = tenant
        return Principal(userID: claims.sub.lowercased(), tenantID: tenant, role: user.role, email: user.email)
    }

    /// Admins only.
    public static func admin(_ request: Request, _ context: PlatformContext) throws -> Principal {
        try authenticate(request, context, roles: ["admin"])
    }

    static var invalidToken: HTTPError {
        HTTPError(.unauthorized, code: "invalid_token", message: "The access token is missing, invalid or expired.",
                  headers: ["WWW-Authenticate": "Bearer"])
    }

    private static func verifiedClaims(_ request: Request, _ context: PlatformContext) throws -> JWTClaims {
        guard let header = request.headers["authorization"], header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw HTTPError(.unauthorized, code: .unauthorized, message: "Send Authorization: Bearer <access token>.",
                            headers: ["WWW-Authenticate": "Bearer"])
        }
        let token = String(header.dropFirst(7)).trimmingASCIIWhitespace()
        do {
            return try context.services.config.auth.verifier.verify(token, now: Timestamp.epochSeconds())
        } catch {
            context.logger.info("access token refused", metadata: ["reason": .string(error.description)])
            throw invalidToken
        }
    }

    private static func lookupTenant(_ id: String, _ context: PlatformContext) throws -> ProcessState.TenantEntry? {
        if let cached = context.services.shared.tenant(id) { return cached }
        let entry = try context.services.database.withTenant(id, deadline: context.deadline) { connection in
            try connection.query("SELECT status FROM tenants WHERE tenant_id = \(id)").first
                .map { ProcessState.TenantEntry(status: try $0.string("status")) }
        }
        context.services.shared.store(tenant: id, entry)
        return entry
    }

    private static func lookupUser(_ id: String, tenant: String, _ context: PlatformContext) throws -> ProcessState.UserEntry? {
        if let cached = context.services.shared.user(tenant: tenant, id: id) { return cached }
        let entry = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection in
            try connection.query("SELECT role, email, is_active FROM users WHERE id = \(id)::uuid").first.map {
                ProcessState.UserEntry(role: try $0.string("role"), email: try $0.string("email"), active: try $0.bool("is_active"))
            }
        }
        context.services.shared.store(tenant: tenant, user: id, entry)
        return entry
    }
}
