internal import Crypto
internal import FoundationEssentials
public import Runtime

/// Signs SendGrid Event Webhook posts as SendGrid does (wire-formats §A4), with a fresh P-256 key, so tests and the
/// local stack can post verifiable delivery events to our webhook route.
///
/// ``publicKey`` is what a tenant would paste from SendGrid's settings (base64 DER SubjectPublicKeyInfo). A value
/// holding the private key's raw bytes; never use it outside tests and `make run`.
public struct FakeSendGridEventSigner: Sendable {
    private let rawKey: [UInt8]
    /// The verification key, base64 DER (`MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…`).
    public let publicKey: String

    /// A signer with a fresh random key.
    public init() {
        let key = P256.Signing.PrivateKey()
        rawKey = Array(key.rawRepresentation)
        publicKey = Data(key.publicKey.derRepresentation).base64EncodedString()
    }

    /// The two headers SendGrid sends: signature over `timestamp` + `body`, and the timestamp.
    /// - Throws: a CryptoKit error if signing fails.
    public func headers(for body: [UInt8], timestamp: Int = Timestamp.epochSeconds()) throws -> [(String, String)] {
        let stamp = String(timestamp)
        let signature = try P256.Signing.PrivateKey(rawRepresentation: rawKey).signature(for: Array(stamp.utf8) + body)
        return [("X-Twilio-Email-Event-Webhook-Signature", Data(signature.derRepresentation).base64EncodedString()),
                ("X-Twilio-Email-Event-Webhook-Timestamp", stamp)]
    }

    /// An event batch as SendGrid posts it (a JSON array, CR LF at the end): one `processed` and one `delivered`
    /// event per accepted mail, with `sg_message_id` = the `X-Message-Id` plus a suffix and the mail's
    /// `custom_args` copied to the top level of each event.
    public static func events(for mails: [FakeSendGridServer.AcceptedMail], timestamp: Int = Timestamp.epochSeconds()) -> [UInt8] {
        var events: [JSONValue] = []
        for (index, mail) in mails.enumerated() {
            let recipient = mail.body["personalizations"]?.array?.first?["to"]?.array?.first?["email"]?.string ?? ""
            for (offset, kind) in ["processed", "delivered"].enumerated() {
                var event: [String: JSONValue] = [
                    "email": .string(recipient), "event": .string(kind), "timestamp": .number(Double(timestamp)),
                    "sg_event_id": .string("fake-\(index)-\(offset)-\(mail.messageID)"),
                    "sg_message_id": .string(mail.messageID + ".filterdrecv-fake-0"),
                    "smtp-id": .string("<\(mail.messageID)@fake.sendgrid.local>"),
                ]
                for (key, value) in mail.body["custom_args"]?.object ?? [:] { event[key] = value }
                events.append(.object(event))
            }
        }
        return ((try? JSON.encode(JSONValue.array(events))) ?? Array("[]".utf8)) + [13, 10]
    }
}
