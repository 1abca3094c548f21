internal import Runtime
public import RuntimePostgres
internal import SharedPlatform

extension Clients {
    /// Finds or creates the sender of an inbound inquiry as a CRM client, in the caller's tenant transaction, before
    /// (or without) any quote.
    ///
    /// - Found by e-mail ignoring case: the phone is filled in when missing, the name and stage are kept (a person
    ///   asking again is not a new lead; a quote, if one follows, moves the stage through ``upsertForQuote``).
    /// - Not found: a new client (`CLI-…`, stage `QUOTED`, source `inbound`, `quote_count` 0; the quote that may
    ///   follow counts itself).
    /// - Both log an `inquiry_received` activity naming the ticket.
    ///
    /// Race-safe like ``upsertForQuote``: the insert is `ON CONFLICT DO NOTHING`, so two inquiries at once from the same
    /// address never make two clients.
    /// - Throws: ``HTTPError`` 422 (`email`) for an address that is not one; ``PGError`` otherwise.
    public static func upsertForInquiry(
        on connection: PGConnection, tenantID: String, name: String, email: String,
        phone: String?, ticketID: String, actor: String
    )
        throws -> (id: String, clientID: String, created: Bool)
    {
        let email = try Validate.email(email)
        let name = String(name.trimmingASCIIWhitespace().prefix(200))
        let phone = phone.map { $0.trimmingASCIIWhitespace() }.flatMap { $0.isEmpty ? nil : String($0.prefix(50)) }
        typealias Found = (id: String, clientID: String, created: Bool)
        let client = try Identifiers.insertWithFreshID(make: Identifiers.clientID) { candidate -> Found? in
            if let row = try connection.query(
                """
                INSERT INTO clients (tenant_id, client_id, name, email, phone, stage, source, quote_count)
                VALUES (\(tenantID), \(candidate), \(name.isEmpty ? email : name), \(email), \(phone), 'QUOTED', 'inbound', 0)
                ON CONFLICT DO NOTHING RETURNING id::text AS id
                """
            ).first {
                return (try row.string("id"), candidate, true)
            }
            guard
                let row = try connection.query(
                    """
                    UPDATE clients SET phone = coalesce(phone, \(phone)), updated_at = now()
                    WHERE tenant_id = \(tenantID) AND email = \(email)
                    RETURNING id::text AS id, client_id
                    """
                ).first
            else { return nil }  // not the e-mail: the candidate id was taken
            return (try row.string("id"), try row.string("client_id"), false)
        }
        try Activity.record(
            on: connection, tenantID: tenantID, subject: "client", id: client.id,
            kind: "inquiry_received", actor: actor,
            detail: Activity.detail(["ticket_id": .string(ticketID)]))
        try touch(client.id, on: connection, tenantID: tenantID)
        return client
    }
}
