internal import Runtime
public import SharedPlatform

/// The polite reply to an inquiry that lacks facts pricing needs: it asks for exactly those facts, threaded under
/// the customer's mail (`In-Reply-To` / `References`), from the tenant's own sender.
public enum MissingFactsReply {
    /// The mail to queue, or why none can be sent (no sender configured, no address to answer). `round` tells a
    /// follow-up's question from the first one (one question per customer message).
    public static func message(
        missing: [String], customer: InboundTriage.Customer, inbound: InboundMessage,
        ticketUUID: String, settings: TenantSettings, round: String? = nil
    ) -> Result<MailMessage, Refusal> {
        guard let from = settings.fromAddress else {
            return .failure(
                Refusal(
                    reason: "No reply asking for the missing details was sent: the tenant has no email.from_address."))
        }
        guard let to = customer.email else {
            return .failure(
                Refusal(reason: "No reply asking for the missing details was sent: the mail has no address to answer."))
        }
        let subject = inbound.subject.trimmingWhitespace
        let replySubject =
            subject.isEmpty ? "Your enquiry" : (subject.lowercased().hasPrefix("re:") ? subject : "Re: " + subject)
        let replyTo = settings.replyTo ?? settings.supportAddress
        return .success(
            MailMessage(
                tenantID: settings.tenantID, idempotencyKey: "ticket:\(ticketUUID):ask-missing" + (round.map { ":" + $0 } ?? ""),
                from: MailAddress(from, name: settings.fromName),
                to: [MailAddress(to, name: customer.name.isEmpty ? nil : customer.name)],
                replyTo: replyTo.map { MailAddress($0, name: settings.fromName) },
                subject: String(replySubject.prefix(900)),
                text: text(missing: missing, customer: customer, settings: settings), headers: inbound.replyHeaders))
    }

    /// Why no reply was queued (for the ticket's notes).
    public struct Refusal: Error, Sendable, Equatable {
        public let reason: String
    }

    /// The body: greeting, one line per missing fact, and the tenant's signature.
    public static func text(missing: [String], customer: InboundTriage.Customer, settings: TenantSettings) -> String {
        let places = settings.destinations.filter(\.enabled).map(\.name)
        var lines = [
            customer.name.isEmpty ? "Hello," : "Dear \(customer.name),", "",
            "Thank you for your enquiry. To prepare your quote we need a few more details:", "",
        ]
        for fact in missing {
            switch fact {
            case "destination":
                lines.append(
                    places.isEmpty
                        ? "- where you would like to go"
                        : "- where you would like to go (we offer: \(places.prefix(20).joined(separator: ", ")))")
            case "dates": lines.append("- your travel dates (arrival and departure, or arrival and number of nights)")
            case "travellers": lines.append("- how many adults and children are travelling, and the children's ages")
            default: continue
            }
        }
        lines += [
            "", "Simply reply to this email and we will send your quote.", "", "Kind regards,", settings.fromName,
        ]
        if !settings.emailSignature.isEmpty { lines += ["", settings.emailSignature] }
        return lines.joined(separator: "\n")
    }
}
