internal import Runtime
public import RuntimePostgres
public import SharedPlatform

/// Sends a quote to its customer: PDF and email rendered from the stored quote, queued through ``Mailer`` (outbox
/// + job) from the tenant's own sender, with the status change and activities in the same transaction.
///
/// - Send (`resend: false`): from `draft` (which passes through `quoted`, both logged) or `quoted`, to `sent`.
/// - Resend: from `sent`, `viewed` or `accepted`; the status stays. Each send is a new mail (its own outbox key).
/// - The tenant must have `email.from_address` configured: without it the platform refuses (409
///   `sender_not_configured`) rather than sending from someone else's address.
public enum QuoteMailer {
    static let sendable: Set<String> = ["draft", "quoted"]
    static let resendable: Set<String> = ["sent", "viewed", "accepted"]

    /// Queues the email and returns its outbox id.
    @discardableResult
    public static func send(quoteUUID: String, resend: Bool, settings: TenantSettings, actor: String, links: ShareLinks?,
                            headers: [String: String] = [:], on connection: PGConnection) throws -> Int64 {
        guard let quote = try QuoteRecord.load(quoteUUID, on: connection, lock: true) else { throw HTTPError.notFound("No such quote.") }
        if resend {
            guard resendable.contains(quote.status) else {
                let hint = sendable.contains(quote.status) ? " Use send for a quote that was never sent." : ""
                throw HTTPError(.conflict, code: "invalid_transition",
                                message: "A \(quote.status) quote cannot be resent.\(hint)")
            }
        } else {
            guard sendable.contains(quote.status) else {
                let hint = resendable.contains(quote.status) ? " It was sent already; use resend." : ""
                throw HTTPError(.conflict, code: "invalid_transition", message: "A \(quote.status) quote cannot be sent.\(hint)")
            }
        }
        guard let from = settings.fromAddress else {
            throw HTTPError(.conflict, code: "sender_not_configured",
                            message: "Set email.from_address in the tenant config before sending quotes.")
        }
        var shareURL: String?
        if let links {
            let expires = min(quote.valid_until.adding(days: 1).ordinal * 86_400,
                              Timestamp.epochSeconds() + ShareLinks.maxDays * 86_400)
            shareURL = links.url(links.token(tenantID: settings.tenantID, quoteUUID: quote.id, expires: expires))
        }
        let view = quote.view(shareURL: shareURL)
        let branding = DocumentBranding(settings)
        let pdf = try QuotePDF.render(view, branding: branding)
        let email = try QuoteEmail.render(view, branding: branding, templates: settings.config["templates"])
        let replyTo = settings.replyTo ?? quote.consultant?.email ?? settings.supportAddress
        let message = MailMessage(
            tenantID: settings.tenantID, idempotencyKey: "quote:\(quote.id):\(quote.send_count + 1)",
            from: MailAddress(from, name: settings.fromName), to: [MailAddress(quote.customer.email, name: quote.customer.name)],
            replyTo: replyTo.map { MailAddress($0) }, subject: email.subject, text: email.text, html: email.html,
            headers: headers, attachments: [MailAttachment(filename: attachmentName(quote), contentType: "application/pdf", content: pdf)])
        let queued = try Mailer.enqueue(message, on: connection)
        if quote.status == "draft" {
            try Activity.record(on: connection, tenantID: settings.tenantID, subject: "quote", id: quote.id,
                                kind: "status_change", from: "draft", to: "quoted", actor: actor)
        }
        let status = resend ? quote.status : "sent"
        try connection.query("""
            UPDATE quotes SET status = \(status), sent_at = now(), send_count = send_count + 1, updated_at = now()
            WHERE id = \(quote.id)::uuid
            """)
        if !resend {
            try Activity.record(on: connection, tenantID: settings.tenantID, subject: "quote", id: quote.id,
                                kind: "status_change", from: quote.status == "draft" ? "quoted" : quote.status, to: "sent",
                                actor: actor)
        }
        try Activity.record(on: connection, tenantID: settings.tenantID, subject: "quote", id: quote.id,
                            kind: resend ? "resent" : "sent", actor: actor,
                            detail: Activity.detail(["outbox_id": .number(Double(queued.outboxID)),
                                                     "to": .string(quote.customer.email)]))
        return queued.outboxID
    }

    /// `QT-20270412-A1B2C3_Zanzibar_Quote.pdf`: ASCII letters, digits, `-` and `_` only.
    static func attachmentName(_ quote: QuoteRecord) -> String {
        let place = String((quote.destination ?? "Travel").unicodeScalars.map {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) ? Character($0) : "_"
        }.prefix(40))
        return "\(quote.quote_id)_\(place)_Quote.pdf"
    }
}
