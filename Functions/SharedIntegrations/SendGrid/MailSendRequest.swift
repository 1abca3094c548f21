internal import FoundationEssentials
internal import Runtime
internal import SharedPlatform

/// The JSON body of SendGrid v3 `POST /v3/mail/send` (wire-formats §A2) for one outbox mail.
///
/// One personalization with `to` and `cc`; top-level `from`, `reply_to`, `subject`; `content` with `text/plain`
/// before `text/html` (SendGrid refuses the other order); `attachments` as base64 with type, filename and
/// disposition; custom `headers`; `custom_args` carrying the outbox idempotency key, id and tenant, which SendGrid
/// returns on every Event Webhook event. Empty optional parts are omitted, not sent empty.
public struct MailSendRequest: Encodable, Sendable, Equatable {
    public struct Address: Encodable, Sendable, Equatable {
        public let email: String
        public let name: String?
    }

    public struct Personalization: Encodable, Sendable, Equatable {
        public let to: [Address]
        public let cc: [Address]?
    }

    public struct Content: Encodable, Sendable, Equatable {
        public let type: String
        public let value: String
    }

    public struct Attachment: Encodable, Sendable, Equatable {
        public let content: String
        public let filename: String
        public let type: String
        public let disposition: String
        public let content_id: String?
    }

    public let personalizations: [Personalization]
    public let from: Address
    public let reply_to: Address?
    public let subject: String
    public let content: [Content]
    public let attachments: [Attachment]?
    public let headers: [String: String]?
    public let custom_args: [String: String]

    /// The `custom_args` key holding the outbox idempotency key.
    public static let idempotencyArgument = "outbox_key"

    public init(_ mail: StoredMail) {
        let message = mail.message
        let address = { (value: MailAddress) in Address(email: value.email, name: value.name) }
        personalizations = [Personalization(to: message.to.map(address), cc: message.cc.isEmpty ? nil : message.cc.map(address))]
        from = address(message.from)
        reply_to = message.replyTo.map(address)
        subject = message.subject
        var content: [Content] = []
        if !message.text.isEmpty { content.append(Content(type: "text/plain", value: message.text)) }
        if let html = message.html, !html.isEmpty { content.append(Content(type: "text/html", value: html)) }
        self.content = content
        attachments = message.attachments.isEmpty ? nil : message.attachments.map {
            Attachment(content: Data($0.content).base64EncodedString(), filename: $0.filename, type: $0.contentType,
                       disposition: $0.disposition.rawValue, content_id: $0.contentID)
        }
        // The same Message-ID the SMTP transport writes, so a ticket reply recorded with it threads the customer's
        // answer whichever transport delivered it (SendGrid keeps a Message-ID given in `headers`).
        headers = message.headers.merging(["Message-ID": SMTPTransport.messageID(for: message)]) { own, _ in own }
        var arguments = [Self.idempotencyArgument: message.idempotencyKey, "outbox_id": String(mail.id)]
        if let tenant = message.tenantID { arguments["tenant_id"] = tenant }
        custom_args = arguments
    }

    /// The body bytes (the platform's shared JSON coder: sorted keys, so equal mails give equal bytes).
    public func encoded() throws -> [UInt8] { try JSON.encode(self) }
}
