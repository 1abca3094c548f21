internal import Crypto
internal import FoundationEssentials
public import Runtime

/// Verifies SendGrid Event Webhook posts (wire-formats §A4): an ECDSA P-256 / SHA-256 signature, base64 DER, in
/// `X-Twilio-Email-Event-Webhook-Signature`, over the bytes of `X-Twilio-Email-Event-Webhook-Timestamp` followed
/// directly by the raw body exactly as received (a trailing CR LF included).
///
/// SendGrid documents no replay window; we refuse timestamps more than ``tolerance`` (300 s by default) away from
/// now in either direction. A value type holding only the public key: Sendable, build it once at start-up.
public struct SendGridEventVerifier: Sendable {
    /// Why a post was refused. `description` names the reason only, never the signature or body.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Reason: String, Sendable {
            case missingHeaders = "missing_headers"
            case malformedSignature = "malformed_signature"
            case malformedTimestamp = "malformed_timestamp"
            case staleTimestamp = "stale_timestamp"
            case badSignature = "bad_signature"
            case invalidKey = "invalid_key"
        }
        public let reason: Reason
        public init(reason: Reason) { self.reason = reason }
        public var description: String { "SendGrid event webhook refused: \(reason.rawValue)" }
    }

    public static let signatureHeader = "X-Twilio-Email-Event-Webhook-Signature"
    public static let timestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp"

    /// The key's DER bytes (swift-crypto's key type is not Sendable; it is rebuilt per verification).
    private let keyDER: [UInt8]
    /// The largest accepted distance between the timestamp and now; nil accepts any age (only for test vectors).
    public let tolerance: Duration?

    /// - Parameter publicKey: the webhook's verification key as SendGrid shows it: base64 of the DER
    ///   SubjectPublicKeyInfo (`MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…`); surrounding whitespace is ignored.
    /// - Throws: ``Failure`` `invalidKey` when the key is not a P-256 public key in that form.
    public init(publicKey: String, tolerance: Duration? = .seconds(300)) throws(Failure) {
        guard let der = Data(base64Encoded: publicKey.trimmingASCIIWhitespace()),
            (try? P256.Signing.PublicKey(derRepresentation: der)) != nil
        else { throw Failure(reason: .invalidKey) }
        self.keyDER = Array(der)
        self.tolerance = tolerance
    }

    /// Verifies one post. - Parameter now: Unix seconds (injectable for tests).
    /// - Throws: ``Failure``.
    public func verify(signature: String, timestamp: String, body: [UInt8], now: Int = Timestamp.epochSeconds())
        throws(Failure)
    {
        guard let seconds = Int(timestamp), timestamp.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw Failure(reason: .malformedTimestamp)
        }
        if let tolerance, abs(now - seconds) > Int(tolerance.components.seconds) {
            throw Failure(reason: .staleTimestamp)
        }
        guard let der = Data(base64Encoded: signature.trimmingASCIIWhitespace()),
            let parsed = try? P256.Signing.ECDSASignature(derRepresentation: der)
        else { throw Failure(reason: .malformedSignature) }
        guard let key = try? P256.Signing.PublicKey(derRepresentation: keyDER),
            key.isValidSignature(parsed, for: Array(timestamp.utf8) + body)
        else {
            throw Failure(reason: .badSignature)
        }
    }

    /// Verifies a request's headers (names are case-insensitive) and raw body.
    public func verify(headers: Headers, body: [UInt8], now: Int = Timestamp.epochSeconds()) throws(Failure) {
        guard let signature = headers[Self.signatureHeader], let timestamp = headers[Self.timestampHeader]
        else { throw Failure(reason: .missingHeaders) }
        try verify(signature: signature, timestamp: timestamp, body: body, now: now)
    }
}
