internal import RuntimePostgres
internal import SharedPlatform

/// Issuing invitations: a single-use token valid 48 h, stored hashed, mailed through the outbox.
enum Invitations {
    static let validHours = 48
    static let tokenPrefix = "inv_"

    /// Creates an invitation (revoking any open one for the same address) and writes its mail; returns its id.
    @discardableResult
    static func issue(on connection: PGConnection, tenantID: String, email: String, name: String, role: String,
                      invitedBy: String?, company: String, settings: AuthSettings) throws -> String {
        try connection.query("""
            UPDATE invitations SET revoked_at = now()
            WHERE tenant_id = \(tenantID) AND email = \(email) AND accepted_at IS NULL AND revoked_at IS NULL
            """)
        let token = OpaqueToken.generate(prefix: tokenPrefix)
        let row = try connection.query("""
            INSERT INTO invitations (tenant_id, email, name, role, token_hash, invited_by, expires_at)
            VALUES (\(tenantID), \(email), \(name), \(role), \(OpaqueToken.hash(token)), \(invitedBy)::uuid,
                    now() + make_interval(hours => \(validHours)))
            RETURNING id::text AS id
            """)
        let id = try row.first?.string("id") ?? ""
        try OutboxMail(
            tenantID: tenantID, idempotencyKey: "invitation:\(id)", to: email, from: OutboxMail.platformSender,
            subject: "You are invited to \(company)",
            text: """
                Hello\(name.isEmpty ? "" : " " + name),

                You have been invited to join \(company) as \(role == "admin" ? "an administrator" : "a consultant").
                Accept the invitation within \(validHours) hours:

                \(settings.publicBaseURL)/accept-invitation?token=\(token)

                If you did not expect this mail, ignore it.
                """
        ).write(on: connection)
        return id
    }
}
