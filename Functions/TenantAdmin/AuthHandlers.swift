internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `/api/v1/auth/…` — login, refresh, logout and the signed-in user.
enum AuthHandlers {
    struct LoginBody: Decodable {
        let email: String
        let password: String
        let tenant_id: String?
    }

    struct RefreshBody: Decodable { let refresh_token: String }

    /// Failed logins per client address before it must wait (the per-account lockout is separate).
    static let addressRule = Throttle.Rule(limit: 20, windowSeconds: 900, blockSeconds: 900)
    /// Verified against when no account matches, so both answers take as long.
    static let decoyHash = PasswordHasher().hash(PasswordHasher.generatePassword()) ?? ""

    static func install(on router: inout PlatformRouter) {
        router.post("/api/v1/auth/login", login)
        router.post("/api/v1/auth/refresh", refresh)
        router.post("/api/v1/auth/logout", logout)
        router.get("/api/v1/auth/me", me)
        router.post("/api/v1/auth/password/change", PasswordHandlers.change)
        router.post("/api/v1/auth/password/reset", PasswordHandlers.requestReset)
        router.post("/api/v1/auth/password/reset/confirm", PasswordHandlers.confirmReset)
    }

    static var badCredentials: HTTPError {
        HTTPError(.unauthorized, code: "invalid_credentials", message: "The e-mail address or password is wrong.")
    }

    private enum Outcome {
        case success(TokenPair)
        case failure(HTTPError)
    }

    /// Same 401 whether the address exists, the password is wrong or the account is locked; failures count
    /// per account (lockout after `LOGIN_MAX_FAILURES`, durable) and per client address (429).
    static func login(_ request: Request, _ context: PlatformContext) throws -> Response {
        let body = try request.decode(LoginBody.self)
        let email = body.email.trimmingASCIIWhitespace().lowercased()
        guard !email.isEmpty, email.utf8.count <= 254 else { throw badCredentials }
        guard body.password.utf8.count <= PasswordHasher.maxPasswordBytes else { throw badCredentials }
        let settings = context.services.config.auth
        let addressKey = "login-ip:" + request.remoteAddress
        let outcome = try context.services.database.asPlatform(deadline: context.deadline) { connection -> Outcome in
            if let wait = try Throttle.blockedFor(addressKey, on: connection) { return .failure(.throttled(retryAfter: wait)) }
            let candidates = try connection.query("""
                SELECT u.tenant_id, u.id::text AS id, u.email, u.name, u.role, u.password_hash,
                       coalesce(u.locked_until > now(), false) AS locked, u.is_active, t.status
                FROM users u JOIN tenants t ON t.tenant_id = u.tenant_id
                WHERE u.email = \(email) AND (\(body.tenant_id)::text IS NULL OR u.tenant_id = \(body.tenant_id))
                ORDER BY u.tenant_id LIMIT 20
                """).all
            var matches: [PGRow] = []
            for row in candidates {
                let hash = row["password_hash"] ?? decoyHash
                if PasswordHasher().verify(body.password, against: hash), try !row.bool("locked"), try row.bool("is_active") {
                    matches.append(row)
                }
            }
            if candidates.isEmpty { _ = PasswordHasher().verify(body.password, against: decoyHash) }
            guard let match = matches.first else {
                for row in candidates { try recordFailure(row, settings: settings, on: connection) }
                if let wait = try Throttle.hit(addressKey, rule: addressRule, on: connection) { return .failure(.throttled(retryAfter: wait)) }
                return .failure(badCredentials)
            }
            guard matches.count == 1 else {
                return .failure(HTTPError(.conflict, code: "tenant_required",
                                          message: "This e-mail address belongs to several organisations; send tenant_id."))
            }
            guard try match.string("status") == "active" else {
                return .failure(HTTPError(.forbidden, code: "tenant_suspended", message: "This account is suspended. Contact support."))
            }
            let user = UserView(id: try match.string("id"), email: try match.string("email"), name: try match.string("name"),
                                role: try match.string("role"), tenant_id: try match.string("tenant_id"))
            try connection.query("""
                UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now()
                WHERE tenant_id = \(user.tenant_id) AND id = \(user.id)::uuid
                """)
            try Throttle.reset(addressKey, on: connection)
            return .success(try Sessions.issue(on: connection, user: user, family: nil, settings: settings))
        }
        switch outcome {
        case .success(let pair):
            context.tenantID = pair.user.tenant_id
            context.logger.info("login", metadata: ["user.id": .string(pair.user.id)])
            return try .json(pair)
        case .failure(let error):
            context.logger.info("login refused", metadata: ["reason": .string(error.code.rawValue)])
            throw error
        }
    }

    /// One more failure on `row`'s account; the account locks when it reaches the limit.
    private static func recordFailure(_ row: PGRow, settings: AuthSettings, on connection: PGConnection) throws {
        try connection.query("""
            UPDATE users SET
                failed_logins = CASE WHEN failed_logins + 1 >= \(settings.maxLoginFailures) THEN 0 ELSE failed_logins + 1 END,
                locked_until = CASE WHEN failed_logins + 1 >= \(settings.maxLoginFailures)
                                    THEN now() + make_interval(secs => \(settings.lockoutSeconds)) ELSE locked_until END
            WHERE tenant_id = \(try row.string("tenant_id")) AND id = \(try row.string("id"))::uuid
            """)
    }

    static func refresh(_ request: Request, _ context: PlatformContext) throws -> Response {
        let body = try request.decode(RefreshBody.self)
        let settings = context.services.config.auth
        let outcome = try context.services.database.asPlatform(deadline: context.deadline) {
            try Sessions.rotate(on: $0, token: body.refresh_token, settings: settings)
        }
        switch outcome {
        case .rotated(let pair):
            context.tenantID = pair.user.tenant_id
            return try .json(pair)
        case .refused(let error):
            context.logger.info("refresh refused", metadata: ["reason": .string(error.code.rawValue)])
            throw error
        }
    }

    /// Revokes the presented refresh token's family (this device's session). Always 204, so it reveals nothing.
    static func logout(_ request: Request, _ context: PlatformContext) throws -> Response {
        let body = try request.decode(RefreshBody.self)
        guard OpaqueToken.isPlausible(body.refresh_token, prefix: Sessions.refreshPrefix) else { return .empty() }
        try context.services.database.asPlatform(deadline: context.deadline) { connection in
            if let row = try connection.query("""
                SELECT tenant_id, family_id::text AS family_id FROM refresh_tokens WHERE token_hash = \(OpaqueToken.hash(body.refresh_token))
                """).first {
                try Sessions.revokeFamily(try row.string("family_id"), tenant: try row.string("tenant_id"), on: connection)
            }
        }
        return .empty()
    }

    struct Me: Encodable {
        struct Tenant: Encodable { let tenant_id: String; let company_name: String; let status: String }
        let user: UserView
        let tenant: Tenant
    }

    static func me(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let me = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection -> Me in
            guard let row = try connection.query("""
                SELECT u.id::text AS id, u.email, u.name, u.role, t.tenant_id, t.company_name, t.status
                FROM users u JOIN tenants t ON t.tenant_id = u.tenant_id WHERE u.id = \(principal.userID)::uuid
                """).first else { throw HTTPError.notFound() }
            return Me(user: UserView(id: try row.string("id"), email: try row.string("email"), name: try row.string("name"),
                                     role: try row.string("role"), tenant_id: try row.string("tenant_id")),
                      tenant: .init(tenant_id: try row.string("tenant_id"), company_name: try row.string("company_name"),
                                    status: try row.string("status")))
        }
        return try .json(me)
    }
}
