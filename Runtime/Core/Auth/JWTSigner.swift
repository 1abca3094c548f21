internal import Crypto
internal import FoundationEssentials

/// Issues the platform's own HS256 JSON Web Tokens.
///
/// The header is `{"alg":"HS256","kid":…,"typ":"JWT"}` (`kid` only when set) and the claims are encoded with
/// the platform's JSON coder (sorted keys); both segments and the signature are unpadded base64url. The secret
/// must be at least 32 bytes (RFC 7518 §3.2), and every token issued carries a non-empty `sub` and an `exp`,
/// so a ``JWTVerifier`` holding the same key accepts it until it expires. The description redacts the secret.
public struct JWTSigner: Sendable, CustomStringConvertible {
    private let secret: [UInt8]
    /// The `kid` written into every header, if any.
    public let kid: String?
    /// The shortest secret accepted, in bytes (HS256's hash size).
    public static let minimumSecretBytes = 32

    /// - Throws: ``JWTError/Code/weakKey`` when `secret` is shorter than ``minimumSecretBytes``.
    public init(secret: [UInt8], kid: String?) throws(JWTError) {
        guard secret.count >= Self.minimumSecretBytes else { throw JWTError(.weakKey) }
        self.secret = secret
        self.kid = kid
    }

    public var description: String { "JWTSigner(HS256, kid: \(kid.map { "\"\($0)\"" } ?? "nil"))" }

    /// The signed compact token for `claims`.
    /// - Throws: ``JWTError/Code/missingClaim`` when `sub` is empty or `exp` is absent.
    public func sign(_ claims: JWTClaims) throws(JWTError) -> String {
        guard !claims.sub.isEmpty else { throw JWTError(.missingClaim, claim: "sub") }
        guard claims.exp != nil else { throw JWTError(.missingClaim, claim: "exp") }
        let header = Header(alg: "HS256", kid: kid, typ: "JWT")
        guard let headerJSON = try? JSON.encode(header), let claimsJSON = try? JSON.encode(claims) else {
            preconditionFailure("encoding strings and integers to JSON cannot fail")
        }
        let signingInput = Base64URL.encode(headerJSON) + "." + Base64URL.encode(claimsJSON)
        let mac = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: SymmetricKey(data: secret))
        return signingInput + "." + Base64URL.encode(Array(mac))
    }

    private struct Header: Encodable {
        var alg: String
        var kid: String?
        var typ: String
    }
}
