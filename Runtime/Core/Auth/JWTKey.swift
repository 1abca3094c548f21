internal import Crypto
internal import FoundationEssentials

/// A key that verifies JSON Web Tokens, pinned to one algorithm.
///
/// A key only ever checks tokens whose header `alg` is its own algorithm, so an ES256 public key can never be
/// used as an HS256 secret (the classic key-confusion attack). `kid`, when set, must equal the token's `kid`.
/// Descriptions redact the HMAC secret.
public enum JWTKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// An HMAC-SHA256 shared secret (our own tokens, Supabase legacy projects).
    case hs256(secret: [UInt8], kid: String?)
    /// An ECDSA P-256 / SHA-256 public key (Supabase asymmetric signing keys).
    case es256(publicKey: P256PublicKey, kid: String?)

    /// A P-256 public key, validated as a point on the curve when made.
    ///
    /// Holds the raw x‖y bytes rather than Crypto's key type, which is not `Sendable` in swift-crypto 3.
    public struct P256PublicKey: Sendable, Equatable {
        /// x‖y, 64 bytes, known to be a point on the curve.
        private let raw: [UInt8]

        /// The key with affine coordinates `x` and `y` (32 big-endian bytes each, as in a JWK).
        /// - Throws: ``JWTError/Code/malformed`` unless both are 32 bytes and name a point on the curve.
        public init(x: [UInt8], y: [UInt8]) throws(JWTError) {
            guard x.count == 32, y.count == 32, (try? P256.Signing.PublicKey(rawRepresentation: x + y)) != nil else {
                throw JWTError(.malformed)
            }
            self.raw = x + y
        }

        /// Whether `signature` (JWS R‖S, 64 bytes) is this key's ECDSA-SHA256 signature of `input`.
        func isValidSignature(_ signature: [UInt8], for input: [UInt8]) -> Bool {
            guard signature.count == 64,
                let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: signature),
                let key = try? P256.Signing.PublicKey(rawRepresentation: raw)
            else { return false }
            return key.isValidSignature(ecdsa, for: input)
        }
    }

    /// The `kid` this key answers to, if any.
    public var kid: String? {
        switch self {
        case .hs256(_, let kid), .es256(_, let kid): kid
        }
    }

    /// The JWS `alg` this key is pinned to.
    var algorithm: String {
        switch self {
        case .hs256: "HS256"
        case .es256: "ES256"
        }
    }

    public var description: String { "JWTKey(\(algorithm), kid: \(kid.map { "\"\($0)\"" } ?? "nil"))" }
    public var debugDescription: String { description }

    /// The ES256 keys of a JSON Web Key Set document (RFC 7517 §5), such as Supabase's `jwks.json`.
    ///
    /// Keeps each key with `kty` `EC`, `crv` `P-256`, base64url `x` and `y` on the curve, `alg` absent or
    /// `ES256`, and `use` absent or `sig`; every other key is skipped. Symmetric (`oct`) keys are never taken
    /// from a JWKS: a published key set must not carry HMAC secrets. The result may be empty.
    /// - Throws: ``JWTError/Code/malformed`` when `json` is not an object with a `keys` array of objects.
    public static func jwks(json: [UInt8]) throws(JWTError) -> [JWTKey] {
        guard JSON.nestingDepth(of: json) <= JSON.maxDepth,
            let document = try? JSONDecoder().decode(KeySet.self, from: Data(json))
        else { throw JWTError(.malformed) }
        return document.keys.compactMap { jwk in
            guard jwk.kty == "EC", jwk.crv == "P-256", jwk.alg == nil || jwk.alg == "ES256",
                jwk.use == nil || jwk.use == "sig",
                let x = jwk.x.flatMap(Base64URL.decode), let y = jwk.y.flatMap(Base64URL.decode),
                let publicKey = try? P256PublicKey(x: x, y: y)
            else { return nil }
            return .es256(publicKey: publicKey, kid: jwk.kid)
        }
    }

    /// The members of a JWKS this reader looks at; all others are ignored.
    private struct KeySet: Decodable {
        struct Key: Decodable {
            var kty: String?
            var crv: String?
            var x: String?
            var y: String?
            var kid: String?
            var alg: String?
            var use: String?
        }

        var keys: [Key]
    }
}
