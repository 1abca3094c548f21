internal import Crypto
internal import FoundationEssentials

/// Verifies compact-serialised JSON Web Tokens signed with HS256 or ES256 and returns their claims.
///
/// Checks run in this fixed order and the first failure is thrown, so a later error proves the earlier checks
/// passed (a ``JWTError/Code/missingClaim`` for `sub` means the signature and `exp` were good):
/// 1. size (`maxTokenBytes`, before any decoding) → `tooLarge`;
/// 2. exactly three canonical base64url segments, a header object with a string `alg` → `malformed`;
/// 3. `alg` is `HS256` or `ES256`, no `crit` → `unsupportedAlgorithm` (`none` included);
/// 4. keys of that algorithm, and with the header's `kid` when it has one → `noMatchingKey`;
/// 5. the signature (HMAC compared in constant time; ES256 as 64-byte R‖S, never DER) → `badSignature`;
/// 6. the claims set is a JSON object of the right types → `malformed`;
/// 7. `exp` present → `missingClaim`, and `now <= exp + leeway` → `expired`;
/// 8. `nbf`, when present, `<= now + leeway` → `notYetValid`;
/// 9. `iss` equals `issuer`, when configured → `wrongIssuer`; `aud` contains `audience`, when configured
///    → `wrongAudience`;
/// 10. `sub` present and non-empty → `missingClaim`.
/// The verifier is an immutable value; share it freely across threads.
public struct JWTVerifier: Sendable {
    /// The keys tried, in order; HS256 keys with an empty secret are dropped.
    public let keys: [JWTKey]
    public let issuer: String?
    public let audience: String?
    /// Allowed clock skew for `exp` and `nbf`, in whole seconds (negative values count as zero).
    public let leewaySeconds: Int
    /// Longest token accepted, in bytes.
    public let maxTokenBytes: Int

    public init(
        keys: [JWTKey], issuer: String?, audience: String?, leeway: Duration = .seconds(60),
        maxTokenBytes: Int = 8192
    ) {
        self.keys = keys.filter {
            if case .hs256(let secret, _) = $0 { return !secret.isEmpty }
            return true
        }
        self.issuer = issuer
        self.audience = audience
        self.leewaySeconds = max(0, Int(clamping: leeway.components.seconds))
        self.maxTokenBytes = maxTokenBytes
    }

    /// The claims of `token`, checked against the system clock.
    public func verify(_ token: String) throws(JWTError) -> JWTClaims {
        try verify(token, now: Int(Date.now.timeIntervalSince1970))
    }

    /// The claims of `token` if it passes every check at time `now` (seconds since the epoch).
    /// - Throws: ``JWTError`` for the first failed check, in the order listed on the type.
    public func verify(_ token: String, now: Int) throws(JWTError) -> JWTClaims {
        let bytes = Array(token.utf8)
        guard bytes.count <= maxTokenBytes else { throw JWTError(.tooLarge) }
        let segments = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count == 3,
            let headerBytes = Base64URL.decode(utf8: Array(segments[0])),
            let payloadBytes = Base64URL.decode(utf8: Array(segments[1])),
            let signature = Base64URL.decode(utf8: Array(segments[2]))
        else { throw JWTError(.malformed) }
        let header: Header = try Self.decodeObject(headerBytes)
        guard header.crit == nil, header.alg == "HS256" || header.alg == "ES256" else {
            throw JWTError(.unsupportedAlgorithm)
        }
        let candidates = keys.filter { $0.algorithm == header.alg && (header.kid == nil || $0.kid == header.kid) }
        guard !candidates.isEmpty else { throw JWTError(.noMatchingKey) }
        // The signing input is the ASCII text of the first two segments, exactly as received (RFC 7515 §5.2).
        let signingInput = Array(bytes[..<segments[1].endIndex])
        guard candidates.contains(where: { Self.isValid(signature, for: signingInput, with: $0) }) else {
            throw JWTError(.badSignature)
        }
        let claims: JWTClaims = try Self.decodeObject(payloadBytes)
        try check(claims, now: now)
        return claims
    }

    /// The registered-claim checks (steps 7–10), after the signature has been verified.
    private func check(_ claims: JWTClaims, now: Int) throws(JWTError) {
        guard let exp = claims.exp else { throw JWTError(.missingClaim, claim: "exp") }
        // Arithmetic only on the caller's clock (saturating), never on token values, which may be any Int.
        let (earliest, underflow) = now.subtractingReportingOverflow(leewaySeconds)
        guard exp >= (underflow ? Int.min : earliest) else { throw JWTError(.expired) }
        let (latest, overflow) = now.addingReportingOverflow(leewaySeconds)
        if let nbf = claims.nbf, nbf > (overflow ? Int.max : latest) { throw JWTError(.notYetValid) }
        if let issuer, claims.iss != issuer { throw JWTError(.wrongIssuer) }
        if let audience, !claims.aud.contains(audience) { throw JWTError(.wrongAudience) }
        guard !claims.sub.isEmpty else { throw JWTError(.missingClaim, claim: "sub") }
    }

    private static func isValid(_ signature: [UInt8], for input: [UInt8], with key: JWTKey) -> Bool {
        switch key {
        case .hs256(let secret, _):
            return HMAC<SHA256>.isValidAuthenticationCode(
                signature, authenticating: input,
                using: SymmetricKey(data: secret))
        case .es256(let publicKey, _):
            // JWS carries R‖S (RFC 7518 §3.4); a DER signature is not 64 bytes and fails there.
            return publicKey.isValidSignature(signature, for: input)
        }
    }

    /// Decodes a JSON object of type `T`; anything else (not JSON, an array, wrong member types) is malformed.
    private static func decodeObject<T: Decodable>(_ bytes: [UInt8]) throws(JWTError) -> T {
        guard JSON.nestingDepth(of: bytes) <= JSON.maxDepth,
            let value = try? JSONDecoder().decode(T.self, from: Data(bytes))
        else { throw JWTError(.malformed) }
        return value
    }

    /// The JOSE header members this verifier reads; `typ` and all others are ignored.
    private struct Header: Decodable {
        var alg: String
        var kid: String?
        var crit: [String]?
    }
}
