public import RuntimePostgres
public import SharedPlatform
internal import Runtime

/// Emails an invoice (PDF attached) from the tenant's sender, queued through ``Mailer`` in the caller's
/// transaction. A draft becomes `sent` (logged like every status change); an invoice already sent, viewed,
/// partly paid or overdue is sent again without a status change (`resent` activity). Paid and cancelled
/// invoices are not emailed (409).
public enum InvoiceMailer {
    /// Queues the email and returns its outbox id.
    @discardableResult
    public static func send(_ reference: String, settings: TenantSettings, actor: String, cc: String? = nil,
                            on connection: PGConnection) throws -> Int64 {
        guard let row = try Invoices.find(on: connection, tenantID: settings.tenantID, reference, lock: true) else {
            throw HTTPError.notFound("No such invoice.")
        }
        let invoice = try Invoices.view(row)
        let id = try row.string("id")
        guard let status = InvoiceStatus(rawValue: invoice.status), status != .paid, status != .cancelled else {
            throw HTTPError(.conflict, code: "invalid_transition", message: "A \(invoice.status) invoice is not emailed.")
        }
        guard let from = settings.fromAddress else {
            throw HTTPError(.conflict, code: "sender_not_configured",
                            message: "Set email.from_address in the tenant config before sending invoices.")
        }
        let branding = DocumentBranding(settings)
        let pdf = try InvoicePDF.render(invoice, branding: branding)
        let email = try InvoiceEmail.render(invoice, branding: branding, templates: settings.config["templates"])
        let sends = try connection.query("""
            SELECT count(*) AS n FROM activities WHERE subject_type = 'invoice' AND subject_id = \(id)::uuid
              AND kind IN ('sent', 'resent')
            """).first?.int("n") ?? 0
        let message = MailMessage(
            tenantID: settings.tenantID, idempotencyKey: "invoice:\(id):\(sends + 1)",
            from: MailAddress(from, name: settings.fromName),
            to: [MailAddress(invoice.customerEmail, name: invoice.customerName)], cc: cc.map { [MailAddress($0)] } ?? [],
            replyTo: (settings.replyTo ?? settings.supportAddress).map { MailAddress($0) }, subject: email.subject,
            text: email.text, html: email.html,
            attachments: [MailAttachment(filename: "Invoice_\(invoice.invoiceID).pdf", contentType: "application/pdf",
                                         content: pdf)])
        let queued = try Mailer.enqueue(message, on: connection)
        if status == .draft {
            try Invoices.setStatus(id, on: connection, tenantID: settings.tenantID, from: .draft, to: .sent, actor: actor)
        }
        try Activity.record(on: connection, tenantID: settings.tenantID, subject: "invoice", id: id,
                            kind: status == .draft ? "sent" : "resent", actor: actor,
                            detail: Activity.detail(["outbox_id": .number(Double(queued.outboxID))]))
        return queued.outboxID
    }
}
