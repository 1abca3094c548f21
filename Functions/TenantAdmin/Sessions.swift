internal import FoundationEssentials
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// The user as login, refresh and `/me` show it.
struct UserView: Encodable, Sendable {
    let id: String
    let email: String
    let name: String
    let role: String
    let tenant_id: String
}

/// `{"access_token","refresh_token","token_type":"Bearer","expires_in","user"}` (SPEC §7 "Log in").
struct TokenPair: Encodable, Sendable {
    let access_token: String
    let refresh_token: String
    let token_type: String
    let expires_in: Int
    let user: UserView
}

/// Access tokens (short-lived HS256 JWTs) and refresh tokens (opaque, stored hashed, rotated on every use).
///
/// Each login starts a token *family*. Refreshing marks the presented token used and issues its successor
/// in the same family; presenting a used or revoked token again is treated as theft and revokes the whole
/// family (RFC 6819 §5.2.2.3), so both the thief's and the victim's next refresh fail.
enum Sessions {
    static let refreshPrefix = "rt_"

    /// Issues a pair for `user`, continuing `family` or starting a new one.
    static func issue(on connection: PGConnection, user: UserView, family: String?, settings: AuthSettings) throws -> TokenPair {
        guard let secret = settings.signingSecret else {
            throw HTTPError(.serviceUnavailable, code: .serviceUnavailable, message: "Sign-in is not configured on this server.")
        }
        let refresh = OpaqueToken.generate(prefix: refreshPrefix)
        try connection.query("""
            INSERT INTO refresh_tokens (tenant_id, user_id, family_id, token_hash, expires_at)
            VALUES (\(user.tenant_id), \(user.id)::uuid, coalesce(\(family)::uuid, gen_random_uuid()),
                    \(OpaqueToken.hash(refresh)), now() + make_interval(secs => \(settings.refreshTokenSeconds)))
            """)
        let now = Timestamp.epochSeconds()
        let claims = JWTClaims(sub: user.id, tenantID: user.tenant_id, role: user.role, iss: settings.issuer,
                               aud: [settings.audience], exp: now + settings.accessTokenSeconds, iat: now,
                               jti: UUID().uuidString.lowercased(), email: user.email)
        let access = try JWTSigner(secret: Array(secret.value.utf8), kid: nil).sign(claims)
        return TokenPair(access_token: access, refresh_token: refresh, token_type: "Bearer",
                         expires_in: settings.accessTokenSeconds, user: user)
    }

    enum RotationOutcome {
        case rotated(TokenPair)
        case refused(HTTPError)
    }

    /// Rotates `token` (platform-path connection). Refusals are returned, not thrown, so that a family
    /// revocation commits before the caller answers 401.
    static func rotate(on connection: PGConnection, token: String, settings: AuthSettings) throws -> RotationOutcome {
        guard OpaqueToken.isPlausible(token, prefix: refreshPrefix) else { return .refused(invalid) }
        guard let row = try connection.query("""
            SELECT rt.tenant_id, rt.id::text AS id, rt.family_id::text AS family_id, rt.user_id::text AS user_id,
                   rt.used_at IS NOT NULL OR rt.revoked_at IS NOT NULL AS spent, rt.expires_at < now() AS expired,
                   u.email, u.name, u.role, u.is_active, t.status
            FROM refresh_tokens rt
            JOIN users u ON u.tenant_id = rt.tenant_id AND u.id = rt.user_id
            JOIN tenants t ON t.tenant_id = rt.tenant_id
            WHERE rt.token_hash = \(OpaqueToken.hash(token)) FOR UPDATE OF rt
            """).first else { return .refused(invalid) }
        let tenant = try row.string("tenant_id")
        let family = try row.string("family_id")
        if try row.bool("spent") {
            try revokeFamily(family, tenant: tenant, on: connection)
            return .refused(HTTPError(.unauthorized, code: "token_reused",
                                      message: "This refresh token was already used; every session of its family is now signed out."))
        }
        guard try !row.bool("expired"), try row.bool("is_active") else { return .refused(invalid) }
        guard try row.string("status") == "active" else {
            return .refused(HTTPError(.forbidden, code: "tenant_suspended", message: "This account is suspended. Contact support."))
        }
        try connection.query("UPDATE refresh_tokens SET used_at = now() WHERE tenant_id = \(tenant) AND id = \(try row.string("id"))::uuid")
        let user = UserView(id: try row.string("user_id"), email: try row.string("email"), name: try row.string("name"),
                            role: try row.string("role"), tenant_id: tenant)
        return .rotated(try issue(on: connection, user: user, family: family, settings: settings))
    }

    static func revokeFamily(_ family: String, tenant: String, on connection: PGConnection) throws {
        try connection.query("""
            UPDATE refresh_tokens SET revoked_at = now()
            WHERE tenant_id = \(tenant) AND family_id = \(family)::uuid AND revoked_at IS NULL
            """)
    }

    /// Signs the user out everywhere (password change or reset, deactivation).
    static func revokeAll(user: String, tenant: String, on connection: PGConnection) throws {
        try connection.query("""
            UPDATE refresh_tokens SET revoked_at = now() WHERE tenant_id = \(tenant) AND user_id = \(user)::uuid AND revoked_at IS NULL
            """)
    }

    static var invalid: HTTPError {
        HTTPError(.unauthorized, code: "invalid_token", message: "The refresh token is invalid or expired.")
    }
}
