/// One inbound email, normalized from either of SendGrid Inbound Parse's forms (parsed fields or raw MIME).
///
/// Every string is decoded text (charsets applied, RFC 2047 words decoded, CRLF turned into LF, NUL removed);
/// nothing in it has been checked for truth: it is what the sender wrote.
public struct InboundMessage: Sendable, Equatable {
    /// `Message-ID` without the angle brackets; nil when the mail has none.
    public var messageID: String?
    /// The first `From` mailbox.
    public var from: EmailAddress?
    public var to: [EmailAddress]
    public var cc: [EmailAddress]
    /// SMTP envelope recipients (SendGrid's `envelope.to`): the addresses to route on.
    public var envelopeTo: [String]
    /// SMTP envelope sender (`envelope.from`).
    public var envelopeFrom: String?
    public var replyTo: EmailAddress?
    /// The decoded subject; empty when absent.
    public var subject: String
    /// `In-Reply-To` message id without angle brackets.
    public var inReplyTo: String?
    /// `References` message ids without angle brackets, oldest first.
    public var references: [String]
    /// The top-level header fields in order, unfolded and decoded.
    public var headers: [MessageHeader]
    /// The best plain text: the text/plain body when present, else the HTML body converted to text.
    public var text: String
    /// The HTML body, when the mail has one.
    public var html: String?
    /// Attached and inline files, and forwarded messages (`forwarded.eml`).
    public var attachments: [InboundAttachment]
    /// SHA-256 hex of a canonical form (from, to, subject, date, text): the dedupe key when `messageID` is nil.
    public var contentHash: String

    /// A message as given; ``InboundParser`` builds them from posts.
    public init(
        messageID: String? = nil, from: EmailAddress? = nil, to: [EmailAddress] = [], cc: [EmailAddress] = [],
        envelopeTo: [String] = [], envelopeFrom: String? = nil, replyTo: EmailAddress? = nil,
        subject: String = "", inReplyTo: String? = nil, references: [String] = [],
        headers: [MessageHeader] = [], text: String = "", html: String? = nil,
        attachments: [InboundAttachment] = [], contentHash: String = ""
    ) {
        self.messageID = messageID
        self.from = from
        self.to = to
        self.cc = cc
        self.envelopeTo = envelopeTo
        self.envelopeFrom = envelopeFrom
        self.replyTo = replyTo
        self.subject = subject
        self.inReplyTo = inReplyTo
        self.references = references
        self.headers = headers
        self.text = text
        self.html = html
        self.attachments = attachments
        self.contentHash = contentHash
    }

    /// The first header called `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? { headers.first(named: name) }

    /// The dedupe key: the Message-ID when present, else `sha256:` and the content hash.
    public var dedupeKey: String { messageID ?? "sha256:" + contentHash }
}

/// One header field: its name as written and its unfolded, decoded value.
public struct MessageHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == MessageHeader {
    /// The value of the first field called `name` (case-insensitive), or nil.
    public func first(named name: String) -> String? {
        let key = name.lowercased()
        return first { $0.name.lowercased() == key }?.value
    }
}

/// A file that came with a mail: an attachment, an inline image, or a forwarded message.
///
/// `filename` is whatever the sender claimed (decoded): never use it as a file system path.
public struct InboundAttachment: Sendable, Equatable {
    /// The decoded file name; a generated `attachment-N…` when the mail gave none.
    public var filename: String
    /// The media type, lower-cased, without parameters (`application/pdf`).
    public var contentType: String
    /// `Content-ID` without angle brackets, for inline images referenced as `cid:` from the HTML.
    public var contentID: String?
    /// Whether the part was marked inline (images shown in the body) rather than attached.
    public var isInline: Bool
    /// The decoded content.
    public var bytes: [UInt8]

    public init(
        filename: String, contentType: String, contentID: String? = nil, isInline: Bool = false,
        bytes: [UInt8]
    ) {
        self.filename = filename
        self.contentType = contentType
        self.contentID = contentID
        self.isInline = isInline
        self.bytes = bytes
    }
}
