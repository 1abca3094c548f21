internal import Crypto
public import Runtime
public import RuntimeHTTPClient
public import SharedPlatform

/// Delivers through an SMTP relay with libcurl (``SMTPClient``: `smtps://`, or `smtp://` with STARTTLS required).
///
/// The message is rendered by ``MIMEMessage`` with a `Message-ID` derived from the idempotency key, so a mail
/// redelivered after a crash carries the same id (receivers and the relay can recognise the duplicate); that id is
/// the provider message id recorded. Replies: 2xx accepted, 4xx retryable, 5xx permanent; failures without a reply
/// (connection, TLS, timeout) retryable, policy errors permanent. Not Sendable: it uses the thread's client.
public struct SMTPTransport: MailTransport {
    private let client: SMTPClient
    private let now: @Sendable () -> Int

    public init(client: SMTPClient, now: @escaping @Sendable () -> Int = { Timestamp.epochSeconds() }) {
        self.client = client
        self.now = now
    }

    public var name: String { "smtp" }

    public func deliver(_ mail: StoredMail, deadline: Deadline?) throws(MailDeliveryError) -> MailReceipt {
        let message = mail.message
        let mime = MIMEMessage(message, messageID: Self.messageID(for: message), date: MIMEMessage.date(epochSeconds: now()))
        let reply: SMTPClient.Reply
        do {
            reply = try client.send(from: message.from.email, to: message.recipients, message: mime.bytes, deadline: deadline)
        } catch {
            let kind: MailDeliveryError.Kind = [.insecureURL, .invalidURL, .invalidRequest, .invalidConfiguration]
                .contains(error.code) ? .permanent : .retryable
            throw MailDeliveryError(kind, reason: "SMTP relay unreachable: \(error.description)")
        }
        guard reply.isAccepted else {
            let kind: MailDeliveryError.Kind = (400..<500).contains(reply.code) ? .retryable : .permanent
            throw MailDeliveryError(kind, status: reply.code, reason: "SMTP relay \(client.host) answered \(reply.code)")
        }
        return .accepted(providerMessageID: mime.messageID)
    }

    /// `<` + the first 32 hex digits of SHA-256(idempotency key) + `@` + the sender's domain + `>`.
    public static func messageID(for message: MailMessage) -> String {
        let digest = SHA256.hash(data: Array(message.idempotencyKey.utf8))
        let hex = digest.prefix(16).map { byte in
            let digits = Array("0123456789abcdef")
            return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
        }.joined()
        let domain = message.from.email.split(separator: "@").last.map(String.init) ?? "localhost"
        return "<\(hex)@\(domain)>"
    }
}
