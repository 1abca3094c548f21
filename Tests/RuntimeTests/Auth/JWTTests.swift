import FoundationEssentials
import Runtime
import Testing

@Suite struct JWTTests {
    /// RFC 7515 A.1 has no `sub`: `missingClaim(sub)` is the last check, so it proves signature and `exp` passed.
    @Test func rfc7515A1VerifiesAtItsOwnClock() throws {
        let key = try #require(Base64URL.decode(TestToken.rfc7515A1Key))
        let verifier = JWTVerifier(keys: [.hs256(secret: key, kid: nil)], issuer: nil, audience: nil)
        let error = TestToken.error(verifier, TestToken.rfc7515A1, now: TestToken.rfc7515A1Now)
        #expect(error == JWTError(.missingClaim, claim: "sub"))
    }

    @Test func rfc7515A1IsExpiredByTheRealClock() throws {
        let key = try #require(Base64URL.decode(TestToken.rfc7515A1Key))
        let verifier = JWTVerifier(keys: [.hs256(secret: key, kid: nil)], issuer: nil, audience: nil)
        #expect(throws: JWTError(.expired)) { try verifier.verify(TestToken.rfc7515A1) }
    }

    @Test func rfc7515A1FailsUnderAnotherKey() {
        let verifier = JWTVerifier(keys: [.hs256(secret: TestToken.secret, kid: nil)], issuer: nil, audience: nil)
        #expect(TestToken.error(verifier, TestToken.rfc7515A1, now: TestToken.rfc7515A1Now)?.code == .badSignature)
    }

    /// The jwt.io token has no `exp`: `missingClaim(exp)` comes only after the signature was accepted.
    @Test func jwtIODefaultTokenPassesItsSignatureCheck() {
        let verifier = JWTVerifier(keys: [.hs256(secret: TestToken.jwtIOSecret, kid: nil)], issuer: nil, audience: nil)
        #expect(TestToken.error(verifier, TestToken.jwtIO) == JWTError(.missingClaim, claim: "exp"))
        let wrong = JWTVerifier(
            keys: [.hs256(secret: Array("your-256-bit-secreT".utf8), kid: nil)],
            issuer: nil, audience: nil)
        #expect(TestToken.error(wrong, TestToken.jwtIO)?.code == .badSignature)
    }

    @Test func signerRoundTripsThroughTheVerifier() throws {
        let signer = try JWTSigner(secret: TestToken.secret, kid: "k1")
        let claims = JWTClaims(
            sub: "user-1", tenantID: "tenant-a", role: "admin", iss: "travel", aud: ["api"],
            exp: TestToken.now + 900, iat: TestToken.now, jti: "j-1", email: "zoë@example.com")
        let token = try signer.sign(claims)
        let header = try #require(Base64URL.decode(token.split(separator: ".")[0]))
        #expect(String(decoding: header, as: UTF8.self) == #"{"alg":"HS256","kid":"k1","typ":"JWT"}"#)
        #expect(!token.contains("="))

        let verifier = JWTVerifier(
            keys: [.hs256(secret: TestToken.secret, kid: "k1")], issuer: "travel",
            audience: "api")
        #expect(try verifier.verify(token, now: TestToken.now) == claims)
    }

    @Test func signerWithoutKidWritesTheMinimalHeader() throws {
        let token = try JWTSigner(secret: TestToken.secret, kid: nil).sign(JWTClaims(sub: "u", exp: TestToken.now))
        #expect(token.hasPrefix(Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8)) + "."))
    }

    @Test func signerRefusesShortSecretsAndTokensThatCouldNeverVerify() throws {
        #expect(throws: JWTError(.weakKey)) { try JWTSigner(secret: Array(TestToken.secret.dropLast()), kid: nil) }
        let signer = try JWTSigner(secret: TestToken.secret, kid: nil)
        #expect(throws: JWTError(.missingClaim, claim: "sub")) { try signer.sign(JWTClaims(sub: "", exp: 1)) }
        #expect(throws: JWTError(.missingClaim, claim: "exp")) { try signer.sign(JWTClaims(sub: "u")) }
    }

    @Test func leewayBoundaryOnExpiry() throws {
        let signer = try JWTSigner(secret: TestToken.secret, kid: nil)
        let verifier = JWTVerifier(keys: [.hs256(secret: TestToken.secret, kid: nil)], issuer: nil, audience: nil)
        for (offset, accepted) in [(-59, true), (-60, true), (-61, false)] {
            let token = try signer.sign(JWTClaims(sub: "u", exp: TestToken.now + offset))
            #expect((TestToken.error(verifier, token) == nil) == accepted, "exp = now \(offset)")
        }
        let strict = JWTVerifier(
            keys: [.hs256(secret: TestToken.secret, kid: nil)], issuer: nil, audience: nil,
            leeway: .zero)
        #expect(TestToken.error(strict, try signer.sign(JWTClaims(sub: "u", exp: TestToken.now))) == nil)
        #expect(TestToken.error(strict, try signer.sign(JWTClaims(sub: "u", exp: TestToken.now - 1)))?.code == .expired)
    }

    @Test func leewayBoundaryOnNotBefore() throws {
        let signer = try JWTSigner(secret: TestToken.secret, kid: nil)
        let verifier = JWTVerifier(keys: [.hs256(secret: TestToken.secret, kid: nil)], issuer: nil, audience: nil)
        for (offset, accepted) in [(59, true), (60, true), (61, false)] {
            let token = try signer.sign(JWTClaims(sub: "u", exp: TestToken.now + 3600, nbf: TestToken.now + offset))
            #expect((TestToken.error(verifier, token) == nil) == accepted, "nbf = now + \(offset)")
        }
    }

    @Test func audienceMayBeAnArrayContainingOurs() throws {
        let verifier = JWTVerifier(keys: [.hs256(secret: TestToken.secret, kid: nil)], issuer: nil, audience: "api")
        let claims = try verifier.verify(
            TestToken.hs256(payload: TestToken.payload(#""aud":["web","api"]"#)),
            now: TestToken.now)
        #expect(claims.aud == ["web", "api"])
    }

    @Test func claimsCodingIgnoresUnknownMembersAndEncodesOneAudienceAsAString() throws {
        let json =
            #"{"sub":"u","tenant_id":"t","aud":"authenticated","exp":2,"app_metadata":{"x":[1]},"is_anonymous":false}"#
        let claims = try JSON.decoder().decode(JWTClaims.self, from: Data(json.utf8))
        #expect(claims == JWTClaims(sub: "u", tenantID: "t", aud: ["authenticated"], exp: 2))
        let encoded = String(decoding: try JSON.encode(claims), as: UTF8.self)
        #expect(encoded == #"{"aud":"authenticated","exp":2,"sub":"u","tenant_id":"t"}"#)
        let two = String(decoding: try JSON.encode(JWTClaims(sub: "u", aud: ["a", "b"])), as: UTF8.self)
        #expect(two == #"{"aud":["a","b"],"sub":"u"}"#)
    }

    @Test func descriptionsNeverHoldTokensOrKeys() throws {
        let secret = "do-not-print-this-secret-value-!!"
        let key = JWTKey.hs256(secret: Array(secret.utf8), kid: "k1")
        let signer = try JWTSigner(secret: Array(secret.utf8), kid: "k1")
        let verifier = JWTVerifier(keys: [key], issuer: nil, audience: nil)
        let token = try signer.sign(JWTClaims(sub: "u", exp: 1))
        let error = try #require(TestToken.error(verifier, token))
        let bytes = Array(secret.utf8).map(String.init).joined(separator: ", ")
        for text in [
            String(describing: key), String(reflecting: key), String(describing: signer),
            String(reflecting: signer), String(describing: verifier), String(describing: error),
        ] {
            #expect(!text.contains(secret) && !text.contains(bytes) && !text.contains(token.prefix(20)), "\(text)")
        }
        #expect(String(describing: error) == "jwt: expired")
    }
}
