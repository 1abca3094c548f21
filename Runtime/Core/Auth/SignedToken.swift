internal import Crypto

/// Opaque, tamper-proof tokens for links that must work without a login (quote share links): an HMAC-SHA256 over
/// the payload, both unpadded base64url, `<payload>.<mac>`.
///
/// The payload is readable by whoever holds the token, so it must hold identifiers and an expiry, never secrets.
/// Each use gets its own key (derive one per purpose with ``init(secret:purpose:)``), so a token for one purpose
/// never verifies for another. The description redacts the key.
public struct SignedToken: Sendable, CustomStringConvertible {
    private let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// A signer whose key is HMAC(`secret`, `purpose`): one secret serves several independent purposes.
    public init(secret: [UInt8], purpose: String) {
        let derived = HMAC<SHA256>.authenticationCode(for: Array(purpose.utf8), using: SymmetricKey(data: secret))
        keyBytes = Array(derived)
    }

    /// `payload` signed.
    public func sign(_ payload: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(payload.utf8), using: key)
        return Base64URL.encode(Array(payload.utf8)) + "." + Base64URL.encode(Array(mac))
    }

    /// The payload of a token this key signed; `nil` when malformed or altered (MAC checked in constant time).
    public func verify(_ token: some StringProtocol) -> String? {
        guard token.utf8.count <= 1024 else { return nil }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(parts[0]), let mac = Base64URL.decode(parts[1]),
              HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: key) else { return nil }
        return String(validating: payload, as: UTF8.self)
    }

    public var description: String { "SignedToken([redacted])" }
}
