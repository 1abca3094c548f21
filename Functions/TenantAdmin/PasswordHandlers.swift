internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// Password change (signed in) and reset by a mailed one-time token.
enum PasswordHandlers {
    struct ChangeBody: Decodable {
        let current_password: String
        let new_password: String
    }

    struct ResetBody: Decodable {
        let email: String
        let tenant_id: String?
    }

    struct ConfirmBody: Decodable {
        let token: String
        let new_password: String
    }

    static let resetPrefix = "pwr_"
    static let resetValidMinutes = 60
    static let resetRule = Throttle.Rule(limit: 10, windowSeconds: 3600, blockSeconds: 3600)

    /// Checks the current password, sets the new one and signs the user out of every other session.
    static func change(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let body = try request.decode(ChangeBody.self)
        let password = try Validate.password(body.new_password, field: "new_password")
        guard let hash = PasswordHasher().hash(password) else { throw HTTPError.invalid("new_password", "new_password cannot be used.") }
        try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            let stored = try connection.query("SELECT password_hash FROM users WHERE id = \(principal.userID)::uuid").first?["password_hash"]
            guard let stored, PasswordHasher().verify(body.current_password, against: stored) else {
                throw HTTPError.invalid("current_password", "current_password is wrong.")
            }
            try connection.query("UPDATE users SET password_hash = \(hash), updated_at = now() WHERE id = \(principal.userID)::uuid")
            try Sessions.revokeAll(user: principal.userID, tenant: principal.tenantID, on: connection)
        }
        return .empty()
    }

    /// Always 202, whether or not the address has an account; when it has, a reset link valid one hour is mailed.
    static func requestReset(_ request: Request, _ context: PlatformContext) throws -> Response {
        let body = try request.decode(ResetBody.self)
        let accepted = try Response.json(["status": "accepted"], status: 202)
        guard let email = try? Validate.email(body.email) else { return accepted }
        let settings = context.services.config.auth
        try context.services.database.asPlatform(deadline: context.deadline) { connection in
            guard try Throttle.hit("reset-ip:" + request.remoteAddress, rule: resetRule, on: connection) == nil else { return }
            let users = try connection.query("""
                SELECT u.tenant_id, u.id::text AS id, t.company_name FROM users u JOIN tenants t ON t.tenant_id = u.tenant_id
                WHERE u.email = \(email) AND u.is_active AND t.status = 'active'
                  AND (\(body.tenant_id)::text IS NULL OR u.tenant_id = \(body.tenant_id))
                LIMIT 20
                """).all
            for user in users {
                let token = OpaqueToken.generate(prefix: resetPrefix)
                let tenant = try user.string("tenant_id")
                let id = try connection.query("""
                    INSERT INTO password_resets (tenant_id, user_id, token_hash, expires_at)
                    VALUES (\(tenant), \(try user.string("id"))::uuid, \(OpaqueToken.hash(token)),
                            now() + make_interval(mins => \(resetValidMinutes)))
                    RETURNING id::text AS id
                    """).first?.string("id") ?? token
                try OutboxMail(
                    tenantID: tenant, idempotencyKey: "password-reset:\(id)", to: email, from: OutboxMail.platformSender,
                    subject: "Reset your \(try user.string("company_name")) password",
                    text: """
                        Someone asked to reset the password of this address. If it was you, choose a new password
                        within \(resetValidMinutes) minutes:

                        \(settings.publicBaseURL)/reset-password?token=\(token)

                        If it was not you, ignore this mail; your password stays as it is.
                        """
                ).write(on: connection)
            }
        }
        return accepted
    }

    /// Sets a new password with a reset token (single use), unlocks the account and ends its sessions.
    static func confirmReset(_ request: Request, _ context: PlatformContext) throws -> Response {
        let body = try request.decode(ConfirmBody.self)
        let password = try Validate.password(body.new_password, field: "new_password")
        let invalid = HTTPError(.badRequest, code: "invalid_reset_token", message: "This reset link is invalid, used or expired.")
        guard OpaqueToken.isPlausible(body.token, prefix: resetPrefix) else { throw invalid }
        guard let hash = PasswordHasher().hash(password) else { throw HTTPError.invalid("new_password", "new_password cannot be used.") }
        try context.services.database.asPlatform(deadline: context.deadline) { connection in
            guard let row = try connection.query("""
                UPDATE password_resets SET used_at = now()
                WHERE token_hash = \(OpaqueToken.hash(body.token)) AND used_at IS NULL AND expires_at > now()
                RETURNING tenant_id, user_id::text AS user_id
                """).first else { throw invalid }
            let tenant = try row.string("tenant_id")
            let user = try row.string("user_id")
            try connection.query("""
                UPDATE users SET password_hash = \(hash), failed_logins = 0, locked_until = NULL, updated_at = now()
                WHERE tenant_id = \(tenant) AND id = \(user)::uuid
                """)
            try Sessions.revokeAll(user: user, tenant: tenant, on: connection)
        }
        return .empty()
    }
}
