internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension InvitationHandlers {
    private enum Outcome {
        case accepted(TokenPair)
        case refused(HTTPError)
    }

    /// `POST /api/v1/invitations/accept {token, password, name?}` (no sign-in: the token is the credential).
    ///
    /// Creates the user — or sets the password of the passwordless admin a tenant was created with — marks
    /// the invitation accepted and answers 201 with a token pair, as a login would.
    static func accept(_ request: Request, _ context: PlatformContext) throws -> Response {
        let body = try request.decode(AcceptBody.self)
        let password = try Validate.password(body.password)
        let name = try body.name.map { try Validate.text($0, field: "name", length: 1...200) }
        let invalid = HTTPError(.badRequest, code: "invalid_invitation", message: "This invitation is invalid, used, revoked or expired.")
        guard OpaqueToken.isPlausible(body.token, prefix: Invitations.tokenPrefix) else { throw invalid }
        guard let hash = PasswordHasher().hash(password) else { throw HTTPError.invalid("password", "password cannot be used.") }
        let settings = context.services.config.auth
        let outcome = try context.services.database.asPlatform(deadline: context.deadline) { connection -> Outcome in
            guard let invitation = try connection.query("""
                UPDATE invitations i SET accepted_at = now()
                FROM tenants t
                WHERE i.token_hash = \(OpaqueToken.hash(body.token)) AND t.tenant_id = i.tenant_id AND t.status = 'active'
                  AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
                RETURNING i.tenant_id, i.email, i.name, i.role
                """).first else { return .refused(invalid) }
            let tenant = try invitation.string("tenant_id")
            let email = try invitation.string("email")
            let invitedName = try invitation.string("name")
            let chosenName = name ?? invitedName
            let existing = try connection.query("""
                SELECT id::text AS id, password_hash IS NOT NULL AND is_active AS member FROM users
                WHERE tenant_id = \(tenant) AND email = \(email)
                """).first
            if let existing, try existing.bool("member") {
                return .refused(HTTPError(.conflict, code: "already_member", message: "You are already a member; sign in instead."))
            }
            let row = try connection.query("""
                INSERT INTO users (tenant_id, email, name, role, password_hash)
                VALUES (\(tenant), \(email), \(chosenName), \(try invitation.string("role")), \(hash))
                ON CONFLICT (tenant_id, email) DO UPDATE
                    SET password_hash = EXCLUDED.password_hash, is_active = true, name = EXCLUDED.name,
                        role = EXCLUDED.role, failed_logins = 0, locked_until = NULL, updated_at = now()
                RETURNING id::text AS id, email, name, role
                """).first
            guard let row else { return .refused(invalid) }
            let user = UserView(id: try row.string("id"), email: try row.string("email"), name: try row.string("name"),
                                role: try row.string("role"), tenant_id: tenant)
            try Audit.record(on: connection, actor: "user:" + user.id, action: "invitation.accept", target: "user:" + user.id,
                             tenantID: tenant, requestID: request.requestID)
            return .accepted(try Sessions.issue(on: connection, user: user, family: nil, settings: settings))
        }
        switch outcome {
        case .accepted(let pair):
            context.tenantID = pair.user.tenant_id
            return try .json(pair, status: 201)
        case .refused(let error):
            throw error
        }
    }
}
