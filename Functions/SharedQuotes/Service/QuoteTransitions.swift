internal import Runtime
public import RuntimePostgres
public import SharedPlatform

/// Status changes of a stored quote, each checked against ``QuoteStatus`` and logged as a `status_change`
/// activity in the same transaction; a refused change (409) changes nothing.
public enum QuoteTransitions {
    /// Moves the quote to `target` (`PATCH /api/v1/quotes/{id}/status`).
    ///
    /// `sent` needs the email to really go out (use ``QuoteMailer``) and `converted` needs an invoice (convert the
    /// quote), so neither is accepted here. `accepted` records the chosen option: `selectedOption`, or the only one.
    /// Back to `quoted` (from declined or expired) renews `valid_until` by the tenant's validity.
    public static func change(_ reference: String, to target: String, note: String = "", selectedOption: Int? = nil,
                              settings: TenantSettings, actor: String, on connection: PGConnection) throws -> QuoteRecord {
        guard QuoteStatus.all.contains(target) else {
            throw HTTPError.invalid("status", "Must be one of: \(QuoteStatus.all.joined(separator: ", ")).")
        }
        guard let quote = try QuoteRecord.load(reference, on: connection, lock: true) else { throw HTTPError.notFound("No such quote.") }
        guard QuoteStatus.allows(quote.status, target) else { throw QuoteStatus.refusal(quote.status, target) }
        if target == "sent" {
            throw HTTPError(.conflict, code: "use_send", message: "A quote becomes sent by sending it: POST /api/v1/quotes/{id}/send.")
        }
        if target == "converted" {
            throw HTTPError(.conflict, code: "use_convert",
                            message: "A quote becomes converted by invoicing it: POST /api/v1/invoices/convert-quote.")
        }
        var selected = quote.selected_option
        if target == "accepted" {
            if let selectedOption {
                guard quote.options.indices.contains(selectedOption) else {
                    throw HTTPError.invalid("selected_option", "Must be an option index from 0 to \(quote.options.count - 1).")
                }
                selected = selectedOption
            } else if quote.options.count == 1 {
                selected = 0
            }
        } else if selectedOption != nil {
            throw HTTPError.invalid("selected_option", "Only accepting a quote chooses an option.")
        }
        let validUntil = target == "quoted" ? Day.today().adding(days: settings.validityDays) : quote.valid_until
        try connection.query("""
            UPDATE quotes SET status = \(target), selected_option = \(selected), valid_until = \(validUntil)::date,
                   viewed_at = CASE WHEN \(target) = 'viewed' THEN coalesce(viewed_at, now()) ELSE viewed_at END,
                   accepted_at = CASE WHEN \(target) = 'accepted' THEN now() ELSE accepted_at END,
                   declined_at = CASE WHEN \(target) = 'declined' THEN now() ELSE declined_at END,
                   expired_at = CASE WHEN \(target) = 'expired' THEN now() ELSE expired_at END,
                   cancelled_at = CASE WHEN \(target) = 'cancelled' THEN now() ELSE cancelled_at END,
                   updated_at = now()
            WHERE id = \(quote.id)::uuid
            """)
        let detail = Activity.detail(selected.map { ["selected_option": .number(Double($0))] } ?? [:])
        try Activity.record(on: connection, tenantID: settings.tenantID, subject: "quote", id: quote.id, kind: "status_change",
                            from: quote.status, to: target, actor: actor, note: note, detail: detail)
        guard let updated = try QuoteRecord.load(quote.id, on: connection) else { throw HTTPError.notFound() }
        return updated
    }

    /// Records a view through a share link: the first view sets `viewed_at` (and logs `viewed`); a `sent` quote
    /// moves to `viewed`. Other statuses keep their status (an accepted quote viewed again stays accepted).
    public static func markViewed(_ quote: QuoteRecord, tenantID: String, on connection: PGConnection) throws {
        let moves = quote.status == "sent"
        try connection.query("""
            UPDATE quotes SET viewed_at = coalesce(viewed_at, now()),
                   status = CASE WHEN \(moves) THEN 'viewed' ELSE status END, updated_at = now()
            WHERE id = \(quote.id)::uuid
            """)
        if moves {
            try Activity.record(on: connection, tenantID: tenantID, subject: "quote", id: quote.id, kind: "status_change",
                                from: quote.status, to: "viewed", actor: "public:share-link")
        } else if quote.viewed_at == nil {
            try Activity.record(on: connection, tenantID: tenantID, subject: "quote", id: quote.id, kind: "viewed",
                                actor: "public:share-link")
        }
    }
}
