import Crypto
import FoundationEssentials
import Runtime

/// Builds compact tokens by hand, so tests can sign headers and payloads that `JWTSigner` would never write.
enum TestToken {
    /// RFC 7515 Appendix A.1: the HS256 example and its key (JWK `k`).
    static let rfc7515A1 =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
        + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let rfc7515A1Key = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"
    /// The A.1 token's `exp` minus 80 seconds, the clock the RFC's example was made for.
    static let rfc7515A1Now = 1_300_819_300

    /// The jwt.io debugger's default token and its secret.
    static let jwtIO =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
        + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    static let jwtIOSecret = Array("your-256-bit-secret".utf8)

    /// A fixed clock for hand-made tokens.
    static let now = 1_750_000_000
    /// A 32-byte HS256 secret.
    static let secret = Array("0123456789abcdef0123456789abcdef".utf8)

    /// `header.payload` from JSON texts, unsigned.
    static func signingInput(header: String, payload: String) -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
    }

    /// A token signed with HMAC-SHA256 under `secret`, whatever `header` claims.
    static func hs256(
        header: String = #"{"alg":"HS256","typ":"JWT"}"#, payload: String,
        secret: [UInt8] = TestToken.secret
    ) -> String {
        let input = signingInput(header: header, payload: payload)
        let mac = HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: SymmetricKey(data: secret))
        return input + "." + Base64URL.encode(Array(mac))
    }

    /// A token signed with ECDSA P-256 by `key`, in JWS's raw R‖S form (or DER, to test that it is refused).
    static func es256(header: String, payload: String, key: P256.Signing.PrivateKey, der: Bool = false) throws -> String
    {
        let input = signingInput(header: header, payload: payload)
        let signature = try key.signature(for: Array(input.utf8))
        return input + "." + Base64URL.encode(Array(der ? signature.derRepresentation : signature.rawRepresentation))
    }

    /// A JWKS document holding `key`'s public half.
    static func jwks(for key: P256.Signing.PrivateKey, kid: String, alg: String = "ES256") -> [UInt8] {
        let raw = Array(key.publicKey.rawRepresentation)
        let x = Base64URL.encode(raw[..<32])
        let y = Base64URL.encode(raw[32...])
        return Array(
            #"{"keys":[{"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(y)","kid":"\#(kid)","alg":"\#(alg)","use":"sig"}]}"#
                .utf8)
    }

    /// A payload with `sub`, `exp` = now + 1 h and `iat` = now, plus `extra` members (`"aud":"x"`).
    static func payload(_ extra: String = "", exp: Int = TestToken.now + 3600) -> String {
        #"{"sub":"user-1","exp":\#(exp),"iat":\#(now)"# + (extra.isEmpty ? "" : "," + extra) + "}"
    }

    /// The error `verify` throws, or nil when it accepts the token.
    static func error(_ verifier: JWTVerifier, _ token: String, now: Int = TestToken.now) -> JWTError? {
        do {
            _ = try verifier.verify(token, now: now)
            return nil
        } catch {
            return error
        }
    }
}
