/// An address with an optional display name.
public struct MailAddress: Sendable, Equatable, Codable {
    public var email: String
    public var name: String?

    public init(_ email: String, name: String? = nil) {
        self.email = email
        self.name = name
    }
}

/// A file sent with a mail. Its bytes live in `outbox_attachments` and are never returned by the outbox API.
public struct MailAttachment: Sendable, Equatable {
    /// `attachment` (a download) or `inline` (referenced from the HTML by `content_id`).
    public enum Disposition: String, Sendable { case attachment, inline }

    public var filename: String
    /// A MIME type such as `application/pdf`.
    public var contentType: String
    public var content: [UInt8]
    public var disposition: Disposition
    /// The `cid:` an inline attachment is referenced by.
    public var contentID: String?

    public init(filename: String, contentType: String = "application/octet-stream", content: [UInt8],
                disposition: Disposition = .attachment, contentID: String? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.content = content
        self.disposition = disposition
        self.contentID = contentID
    }
}

/// One outgoing mail, as every function hands it to ``Mailer/enqueue(_:on:)``.
///
/// A plain value; ``validated()`` checks it against what every transport can carry (SendGrid's limits, RFC 5322
/// header syntax) before anything is written, so delivery never fails on shape.
public struct MailMessage: Sendable, Equatable {
    /// Whose sender identity the mail goes out under: the tenant's (its own SendGrid key) or the platform's
    /// (account mail such as password resets and invitations).
    public enum Origin: String, Sendable { case tenant, platform }

    /// The owning tenant (row-level security of the outbox row); nil only for platform mail without a tenant.
    public var tenantID: String?
    /// Unique per mail: a repeated enqueue with the same key is the same mail (1–200 printable ASCII characters).
    public var idempotencyKey: String
    public var origin: Origin
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    /// The plain-text body; at least one of `text` and `html` is non-empty.
    public var text: String
    public var html: String?
    /// Extra header fields, e.g. `In-Reply-To` and `References` for threading. Names are RFC 5322 field names;
    /// headers a transport sets itself (`From`, `To`, `Subject`, `Content-Type`, ...) are refused.
    public var headers: [String: String]
    public var attachments: [MailAttachment]
    /// The body holds a secret (a reset or invitation link): the outbox API never shows it.
    public var sensitive: Bool

    public init(tenantID: String?, idempotencyKey: String, origin: Origin = .tenant, from: MailAddress,
                to: [MailAddress], cc: [MailAddress] = [], replyTo: MailAddress? = nil, subject: String,
                text: String, html: String? = nil, headers: [String: String] = [:], attachments: [MailAttachment] = [],
                sensitive: Bool = false) {
        self.tenantID = tenantID
        self.idempotencyKey = idempotencyKey
        self.origin = origin
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.headers = headers
        self.attachments = attachments
        self.sensitive = sensitive
    }

    /// At most this many recipients over `to` and `cc` (SendGrid's limit).
    public static let maxRecipients = 1000
    /// Attachments may total this many bytes, so the base64 request stays under SendGrid's 30 MB.
    public static let maxAttachmentBytes = 20 << 20
    /// Header fields the transports write themselves (lower-cased), plus SendGrid's reserved ones.
    public static let reservedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "reply-to", "date", "message-id", "mime-version", "content-type",
        "content-transfer-encoding", "received", "dkim-signature", "x-sg-id", "x-sg-eid",
    ]
}
