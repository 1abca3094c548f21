public import RuntimePostgres
internal import Runtime
internal import SharedPlatform

/// CRM side effects of a new quote (seed inventory §2.6, with its duplicate-client bug fixed).
public enum Clients {
    /// Finds or creates the quote's customer as a CRM client and links the quote to it, in the caller's transaction
    /// (the quote row must already exist there).
    ///
    /// - The client is found by e-mail ignoring case (`clients.email` is stored lower-cased, unique per tenant).
    /// - Found: `quote_count` + 1; a `QUOTED` client with two or more quotes moves to `NEGOTIATING`, and a `LOST`
    ///   client asking again is reopened as `NEGOTIATING` — each with a `stage_change` activity. The name is kept
    ///   (it may have been corrected by hand); a missing phone or consultant is filled in.
    /// - Not found: a new client (`CLI-…`, stage `QUOTED`, source `quote`, `quote_count` 1).
    /// - Both log a `quote_generated` activity and set `quotes.client_id`.
    ///
    /// Race-safe: the insert is `ON CONFLICT DO NOTHING`, which waits for a concurrent insert of the same e-mail and
    /// then falls through to the update, so two quotes at once never make two clients.
    /// - Throws: ``HTTPError`` 422 (`email`) for an address that is not one; ``PGError`` otherwise.
    public static func upsertForQuote(on connection: PGConnection, tenantID: String, name: String, email: String,
                                      phone: String?, quoteUUID: String, consultantID: String?,
                                      actor: String) throws -> (id: String, clientID: String, created: Bool) {
        let email = try Validate.email(email)
        let name = String(name.trimmingASCIIWhitespace().prefix(200))
        let phone = phone.map { $0.trimmingASCIIWhitespace() }.flatMap { $0.isEmpty ? nil : String($0.prefix(50)) }
        typealias Found = (id: String, clientID: String, created: Bool)
        let client = try Identifiers.insertWithFreshID(make: Identifiers.clientID) { candidate -> Found? in
            if let row = try connection.query("""
                INSERT INTO clients (tenant_id, client_id, name, email, phone, stage, source, consultant_id,
                                     quote_count)
                VALUES (\(tenantID), \(candidate), \(name.isEmpty ? email : name), \(email), \(phone), 'QUOTED',
                        'quote', \(consultantID)::uuid, 1)
                ON CONFLICT DO NOTHING RETURNING id::text AS id
                """).first {
                return (try row.string("id"), candidate, true)
            }
            guard let row = try connection.query("""
                UPDATE clients SET quote_count = quote_count + 1, phone = coalesce(phone, \(phone)),
                       consultant_id = coalesce(consultant_id, \(consultantID)::uuid), updated_at = now()
                WHERE tenant_id = \(tenantID) AND email = \(email)
                RETURNING id::text AS id, client_id, stage, quote_count
                """).first else { return nil }  // not the e-mail: the candidate id was taken
            let id = try row.string("id")
            let stage = ClientStage(rawValue: try row.string("stage")), count = try row.int("quote_count")
            if stage == .lost || (stage == .quoted && count >= 2) {
                try move(id, on: connection, tenantID: tenantID, from: stage ?? .quoted, to: .negotiating, actor: actor,
                         note: stage == .lost ? "Reopened by a new quote." : "Second quote.")
            }
            return (id, try row.string("client_id"), false)
        }
        let quoteRef = try connection.query("""
            UPDATE quotes SET client_id = \(client.id)::uuid, updated_at = now()
            WHERE tenant_id = \(tenantID) AND id = \(quoteUUID)::uuid RETURNING quote_id
            """).first?["quote_id"]
        try Activity.record(on: connection, tenantID: tenantID, subject: "client", id: client.id,
                            kind: "quote_generated", actor: actor,
                            detail: Activity.detail(["quote_id": quoteRef.map { .string($0) } ?? .null]))
        try touch(client.id, on: connection, tenantID: tenantID)
        return client
    }

    /// Moves client `id` to `stage` and logs a `stage_change` activity. The caller has checked the transition.
    public static func move(_ id: String, on connection: PGConnection, tenantID: String, from: ClientStage,
                            to stage: ClientStage, actor: String, note: String = "") throws {
        try connection.query("""
            UPDATE clients SET stage = \(stage.rawValue), updated_at = now(), last_activity_at = now()
            WHERE tenant_id = \(tenantID) AND id = \(id)::uuid
            """)
        try Activity.record(on: connection, tenantID: tenantID, subject: "client", id: id, kind: "stage_change",
                            from: from.rawValue, to: stage.rawValue, actor: actor, note: note)
    }

    /// Sets `last_activity_at` of client `id` to now (after any activity is recorded on it).
    public static func touch(_ id: String, on connection: PGConnection, tenantID: String) throws {
        try connection.query("""
            UPDATE clients SET last_activity_at = now() WHERE tenant_id = \(tenantID) AND id = \(id)::uuid
            """)
    }
}
