internal import InboundMail
internal import Integrations
internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /api/v1/inbound/tickets/{id}/reply`: emails the consultant's answer to the customer, threaded.
///
/// The mail goes through ``Mailer`` (outbox row + delivery job, in the same transaction as the conversation entry
/// and the status change) from the tenant's own sender — 409 `sender_not_configured` without one, as for quotes —
/// with `Reply-To` by the quote rules (`email.reply_to`, else the assignee, else `email.support_address`),
/// subject `Re: <subject>`, `In-Reply-To`/`References` from the conversation's Message-IDs, and the text in a plain
/// and an escaped HTML part. The conversation records the mail's own Message-ID (the one the SMTP transport writes,
/// derived from the outbox key on the sender's domain), so the customer's answer threads back.
enum TicketReplyHandlers {
    struct ReplyBody: Decodable {
        let message: String?
    }

    struct Replied: Encodable {
        let ticket: TicketRecord
        let outbox_id: Int64
    }

    static func reply(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let reference = try context.parameter("id")
        let body = try request.decode(ReplyBody.self)
        let text = try Validate.text(body.message ?? "", field: "message", length: 1...20_000)
        let tenant = principal.tenantID
        let actor = TicketHandlers.actor(principal)
        let replied = try context.services.database.withTenant(tenant, deadline: context.deadline) { connection -> Replied in
            let ticket = try TicketHandlers.ticket(reference, on: connection, lock: true)
            guard ticket.status != "closed" else {
                throw HTTPError(.conflict, code: "ticket_closed", message: "A closed ticket cannot be answered.")
            }
            guard let email = ticket.customer.email else {
                throw HTTPError.invalid("customer.email", "This ticket has no customer email to answer.")
            }
            let settings = try TenantSettings.load(on: connection)
            guard let from = settings.fromAddress else {
                throw HTTPError(.conflict, code: "sender_not_configured",
                                message: "Set email.from_address in the tenant config before replying to customers.")
            }
            let assignee = try ticket.assigned_to.flatMap { id in
                try connection.query("SELECT email FROM users WHERE tenant_id = \(tenant) AND id = \(id)::uuid").first?["email"]
            }
            let replyTo = settings.replyTo ?? assignee ?? settings.supportAddress
            let message = MailMessage(
                tenantID: tenant, idempotencyKey: "ticket:\(ticket.id):reply:\(RequestID.generate())",
                from: MailAddress(from, name: settings.fromName), to: [MailAddress(email, name: ticket.customer.name)],
                replyTo: replyTo.map { MailAddress($0) }, subject: TicketThread.replySubject(ticket.subject), text: text,
                html: html(text), headers: TicketThread.replyHeaders(conversation: ticket.conversation))
            let queued = try Mailer.enqueue(message, on: connection)
            let messageID = SMTPTransport.messageID(for: message)
            try Tickets.append(["role": .string("agent"), "content": .string(text), "at": .string(Timestamp.now()),
                                "author": .string(principal.userID), "message_id": .string(messageID)],
                               to: ticket.id, on: connection)
            try Activity.record(on: connection, tenantID: tenant, subject: "ticket", id: ticket.id, kind: "replied", actor: actor,
                                detail: Activity.detail(["outbox_id": .number(Double(queued.outboxID)), "to": .string(email)]))
            if ticket.status == "open" {
                try Tickets.move(ticket.id, from: "open", to: "in_progress", tenantID: tenant, actor: actor, on: connection)
            }
            return Replied(ticket: try TicketHandlers.reload(ticket.id, on: connection), outbox_id: queued.outboxID)
        }
        return try .json(replied)
    }

    /// The consultant's text as HTML: escaped, paragraphs on blank lines, line breaks kept.
    static func html(_ text: String) -> String {
        let normalized = text.replacingCRLF
        let paragraphs = normalized.split(separator: "\n\n", omittingEmptySubsequences: true).map { paragraph in
            "<p>" + paragraph.split(separator: "\n", omittingEmptySubsequences: false)
                .map { MustacheTemplate.htmlEscaped(String($0)) }.joined(separator: "<br>") + "</p>"
        }
        return "<!DOCTYPE html><html><body>" + paragraphs.joined() + "</body></html>"
    }
}

extension String {
    /// CR LF and lone CR as LF.
    fileprivate var replacingCRLF: String {
        var out = ""
        var afterCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                out.unicodeScalars.append("\n")
            } else if scalar != "\n" || !afterCR {
                out.unicodeScalars.append(scalar)
            }
            afterCR = scalar == "\r"
        }
        return out
    }
}
