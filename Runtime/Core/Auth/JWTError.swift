/// Why a JSON Web Token was rejected (or could not be issued).
///
/// The description names only the failed check (and, for ``Code/missingClaim``, the claim's name); it never
/// holds the token, its claims or any key, so it is safe to log. Map every code to a 401 at the HTTP edge.
public struct JWTError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The failed check. New codes may be added; switch with a `default`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case malformed
            case tooLarge = "too_large"
            case unsupportedAlgorithm = "unsupported_algorithm"
            case badSignature = "bad_signature"
            case noMatchingKey = "no_matching_key"
            case expired
            case notYetValid = "not_yet_valid"
            case wrongIssuer = "wrong_issuer"
            case wrongAudience = "wrong_audience"
            case missingClaim = "missing_claim"
            case weakKey = "weak_key"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// Not three base64url segments, or a header or claims set that is not the expected JSON object.
        public static let malformed = Code(.malformed)
        /// Longer than the verifier's `maxTokenBytes`; nothing was decoded.
        public static let tooLarge = Code(.tooLarge)
        /// The header's `alg` is neither `HS256` nor `ES256` (`none` included), or it has `crit` extensions.
        public static let unsupportedAlgorithm = Code(.unsupportedAlgorithm)
        /// No key of the token's algorithm (and `kid`, when it names one) produced a valid signature.
        public static let badSignature = Code(.badSignature)
        /// The verifier holds no key for the token's algorithm and `kid`.
        public static let noMatchingKey = Code(.noMatchingKey)
        /// `exp` is further in the past than the leeway allows.
        public static let expired = Code(.expired)
        /// `nbf` is further in the future than the leeway allows.
        public static let notYetValid = Code(.notYetValid)
        /// `iss` is absent or differs from the configured issuer.
        public static let wrongIssuer = Code(.wrongIssuer)
        /// `aud` is absent or does not contain the configured audience.
        public static let wrongAudience = Code(.wrongAudience)
        /// A required claim (`exp`, `sub`) is absent or empty; ``JWTError/claim`` names it.
        public static let missingClaim = Code(.missingClaim)
        /// An HS256 signing secret shorter than 32 bytes (RFC 7518 §3.2).
        public static let weakKey = Code(.weakKey)

        /// The stable snake_case name, for logs and metrics.
        public var description: String { value.rawValue }
    }

    /// The failed check.
    public let code: Code
    /// For ``Code/missingClaim``, the registered name of the missing claim (`exp`, `sub`); otherwise nil.
    public let claim: String?

    public init(_ code: Code, claim: String? = nil) {
        self.code = code
        self.claim = claim
    }

    public var description: String {
        if let claim { return "jwt: \(code) (\(claim))" }
        return "jwt: \(code)"
    }
}
