internal import Runtime

/// The Message-ID our transports give a mail (`SMTPTransport.messageID(for:)`, which SendGrid also sends):
/// `<first 32 hex digits of SHA-256(idempotency key)@sender's domain>`. Deterministic, so the worker can record the
/// id of a mail it queues without depending on the transport module; a test pins the two together.
enum OutboundMessageID {
    /// The id of the mail queued with `idempotencyKey` from address `from`.
    static func of(idempotencyKey: String, from: String) -> String {
        let hex = Digest.sha256Hex(Array(idempotencyKey.utf8)).prefix(32)
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        return "<\(hex)@\(domain)>"
    }
}
