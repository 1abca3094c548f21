internal import FoundationEssentials
public import Runtime

/// Token and login settings, read once at start.
///
/// Keys: `JWT_SECRET` (≥ 32 characters; signs and verifies our own HS256 tokens), `JWT_JWKS_FILE` (optional
/// JWKS of an external identity provider whose ES256 tokens are also accepted), `JWT_ISSUER`
/// (`travel-platform`), `JWT_AUDIENCE` (`travel-api`), `ACCESS_TOKEN_TTL_SECONDS` (900),
/// `REFRESH_TOKEN_TTL_SECONDS` (30 days), `LOGIN_MAX_FAILURES` (5 per account before a lockout),
/// `LOCKOUT_SECONDS` (900), `PUBLIC_BASE_URL` (links in mails; `https://localhost:8443`).
public struct AuthSettings: Sendable {
    public let signingSecret: Secret?
    public let verifier: JWTVerifier
    public let issuer: String
    public let audience: String
    public let accessTokenSeconds: Int
    public let refreshTokenSeconds: Int
    public let maxLoginFailures: Int
    public let lockoutSeconds: Int
    public let publicBaseURL: String

    public init(environment: Environment) {
        signingSecret = environment.secret("JWT_SECRET", minimumLength: 32)
        issuer = environment.string("JWT_ISSUER", default: "travel-platform")
        audience = environment.string("JWT_AUDIENCE", default: "travel-api")
        accessTokenSeconds = environment.int("ACCESS_TOKEN_TTL_SECONDS", default: 900, in: 60...86_400)
        refreshTokenSeconds = environment.int("REFRESH_TOKEN_TTL_SECONDS", default: 30 * 86_400, in: 3600...(365 * 86_400))
        maxLoginFailures = environment.int("LOGIN_MAX_FAILURES", default: 5, in: 1...100)
        lockoutSeconds = environment.int("LOCKOUT_SECONDS", default: 900, in: 1...86_400)
        publicBaseURL = environment.string("PUBLIC_BASE_URL", default: "https://localhost:8443")
        var keys: [JWTKey] = signingSecret.map { [.hs256(secret: Array($0.value.utf8), kid: nil)] } ?? []
        if let path = environment.optionalString("JWT_JWKS_FILE") {
            if let data = FileManager.default.contents(atPath: path), let external = try? JWTKey.jwks(json: Array(data)),
               !external.isEmpty {
                keys += external
            } else {
                environment.problem("JWT_JWKS_FILE must name a readable JWKS file with at least one P-256 key")
            }
        }
        if keys.isEmpty { environment.problem("JWT_SECRET (at least 32 characters) or JWT_JWKS_FILE is required") }
        verifier = JWTVerifier(keys: keys, issuer: issuer, audience: audience)
    }
}
