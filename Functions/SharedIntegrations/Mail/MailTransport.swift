public import Runtime
public import SharedPlatform

/// A mail loaded from the outbox for delivery: the row's id and the message as enqueued.
public struct StoredMail: Sendable, Equatable {
    public let id: Int64
    public var message: MailMessage
    /// The outbox status when it was loaded (`pending`, or `sending` after an interrupted attempt).
    public let status: String
    /// Delivery attempts made before this one.
    public let attempts: Int

    public init(id: Int64, message: MailMessage, status: String = "pending", attempts: Int = 0) {
        self.id = id
        self.message = message
        self.status = status
        self.attempts = attempts
    }
}

/// What a transport did with a mail.
public enum MailReceipt: Sendable, Equatable {
    /// The provider took responsibility for it; its id when it gave one (SendGrid's `X-Message-Id`, our
    /// `Message-ID` for SMTP).
    case accepted(providerMessageID: String?)
    /// No transport is configured: the mail stays in the outbox (`stored`).
    case stored
}

/// Why a delivery attempt failed, and whether another attempt can help.
///
/// `description` holds the kind, the provider's status or SMTP code and a short reason taken from the provider's
/// answer; never the API key, the request body or the message.
public struct MailDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Try again later (429, 5xx, 4xx SMTP replies, connection failures, timeouts).
        case retryable
        /// Another attempt will fail the same way (4xx HTTP, 5xx SMTP, invalid configuration).
        case permanent
    }

    public let kind: Kind
    /// The provider's HTTP status or SMTP reply code, when it answered.
    public let status: Int?
    /// How long the provider asked us to wait (`Retry-After`).
    public let retryAfter: Duration?
    public let reason: String

    public init(_ kind: Kind, status: Int? = nil, retryAfter: Duration? = nil, reason: String) {
        self.kind = kind
        self.status = status
        self.retryAfter = retryAfter
        self.reason = String(reason.prefix(300))
    }

    public var description: String {
        "\(kind.rawValue)" + (status.map { " (\($0))" } ?? "") + ": " + reason
    }
}

/// Sends one mail through one provider. Transports hold a per-thread client, so they are not Sendable; the worker
/// builds them on its own thread (``MailTransports``).
public protocol MailTransport {
    /// The name recorded in `outbox.transport`: `sendgrid`, `smtp` or `outbox`.
    var name: String { get }
    /// One attempt; never retries by itself (the job queue does, with backoff).
    /// - Throws: ``MailDeliveryError``.
    func deliver(_ mail: StoredMail, deadline: Deadline?) throws(MailDeliveryError) -> MailReceipt
}

/// The default with no configuration (DESIGN §4): the mail stays in the outbox as `stored`, visible through
/// `GET /api/v1/admin/outbox` and `/api/v1/tenant/outbox`.
public struct OutboxOnlyTransport: MailTransport {
    public init() {}
    public var name: String { "outbox" }
    public func deliver(_ mail: StoredMail, deadline: Deadline?) throws(MailDeliveryError) -> MailReceipt { .stored }
}
