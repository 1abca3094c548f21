import Crypto
import Runtime
import Testing

@Suite struct JWTES256Tests {
    let privateKey = P256.Signing.PrivateKey()
    let header = #"{"alg":"ES256","kid":"sb-1","typ":"JWT"}"#
    let payload = TestToken.payload(
        #""iss":"https://ref.supabase.co/auth/v1","aud":"authenticated","role":"authenticated""#)

    func verifier() throws -> JWTVerifier {
        JWTVerifier(
            keys: try JWTKey.jwks(json: TestToken.jwks(for: privateKey, kid: "sb-1")),
            issuer: "https://ref.supabase.co/auth/v1", audience: "authenticated")
    }

    @Test func aTokenSignedByTheKeyVerifiesThroughItsJWKS() throws {
        let token = try TestToken.es256(header: header, payload: payload, key: privateKey)
        let claims = try verifier().verify(token, now: TestToken.now)
        #expect(claims.sub == "user-1" && claims.role == "authenticated" && claims.aud == ["authenticated"])
    }

    @Test func aTamperedPayloadFails() throws {
        let token = try TestToken.es256(header: header, payload: payload, key: privateKey)
        let parts = token.split(separator: ".").map(String.init)
        let forged = Base64URL.encode(Array(payload.replacing("user-1", with: "user-2").utf8))
        #expect(
            TestToken.error(try verifier(), [parts[0], forged, parts[2]].joined(separator: "."))?.code == .badSignature)
    }

    @Test func anotherKeyOrADERSignatureFails() throws {
        let stranger = try TestToken.es256(header: header, payload: payload, key: P256.Signing.PrivateKey())
        #expect(TestToken.error(try verifier(), stranger)?.code == .badSignature)
        let der = try TestToken.es256(header: header, payload: payload, key: privateKey, der: true)
        #expect(TestToken.error(try verifier(), der)?.code == .badSignature)
    }

    @Test func hs256TokensNeverReachAnES256Key() throws {
        let plain = TestToken.hs256(payload: payload)
        #expect(TestToken.error(try verifier(), plain)?.code == .noMatchingKey)
    }

    /// Key confusion: HMAC keyed with the public key's bytes (raw, SEC1, or the JWKS text) must not verify.
    @Test func hs256SignedWithThePublicKeyBytesIsRejected() throws {
        let publicKey = privateKey.publicKey
        let secrets = [
            Array(publicKey.rawRepresentation), Array(publicKey.x963Representation),
            TestToken.jwks(for: privateKey, kid: "sb-1"),
        ]
        for secret in secrets {
            for header in [#"{"alg":"HS256","kid":"sb-1"}"#, #"{"alg":"HS256"}"#] {
                let forged = TestToken.hs256(header: header, payload: payload, secret: secret)
                #expect(TestToken.error(try verifier(), forged)?.code == .noMatchingKey)
            }
        }
    }

    @Test func es256TokensNeverReachAnHS256Key() throws {
        let token = try TestToken.es256(header: #"{"alg":"ES256"}"#, payload: TestToken.payload(), key: privateKey)
        let hmacOnly = JWTVerifier(keys: [.hs256(secret: TestToken.secret, kid: nil)], issuer: nil, audience: nil)
        #expect(TestToken.error(hmacOnly, token)?.code == .noMatchingKey)
    }

    @Test func jwksKeepsOnlyES256SigningKeys() throws {
        let raw = Array(privateKey.publicKey.rawRepresentation)
        let x = Base64URL.encode(raw[..<32])
        let y = Base64URL.encode(raw[32...])
        let document = #"""
            {"keys":[
              {"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(y)","kid":"a"},
              {"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(y)","kid":"b","alg":"ES256","use":"sig","key_ops":["verify"]},
              {"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(y)","kid":"enc","use":"enc"},
              {"kty":"EC","crv":"P-256","x":"\#(x)","y":"\#(y)","kid":"384","alg":"ES384"},
              {"kty":"EC","crv":"P-384","x":"\#(x)","y":"\#(y)","kid":"curve"},
              {"kty":"EC","crv":"P-256","x":"\#(y)","y":"\#(x)","kid":"off-curve"},
              {"kty":"EC","crv":"P-256","x":"\#(x)=","y":"\#(y)","kid":"padded"},
              {"kty":"oct","k":"\#(Base64URL.encode(TestToken.secret))","kid":"hmac","alg":"HS256"},
              {"kty":"RSA","n":"AQAB","e":"AQAB","kid":"rsa","alg":"RS256"}
            ]}
            """#
        let keys = try JWTKey.jwks(json: Array(document.utf8))
        #expect(keys.map(\.kid) == ["a", "b"])
        #expect(keys.map { String(describing: $0) } == [#"JWTKey(ES256, kid: "a")"#, #"JWTKey(ES256, kid: "b")"#])
    }

    @Test func jwksThatIsNotAKeySetIsMalformed() {
        for text in ["", "[]", #"{"keys":{}}"#, #"{"kids":[]}"#, #"{"keys":[1]}"#, #"{"keys":[{"kid":5}]}"#] {
            #expect(throws: JWTError(.malformed), "\(text)") { try JWTKey.jwks(json: Array(text.utf8)) }
        }
        #expect((try? JWTKey.jwks(json: Array(#"{"keys":[]}"#.utf8)))?.isEmpty == true)
    }

    @Test func publicKeyCoordinatesAreValidated() throws {
        let raw = Array(privateKey.publicKey.rawRepresentation)
        _ = try JWTKey.P256PublicKey(x: Array(raw[..<32]), y: Array(raw[32...]))
        #expect(throws: JWTError(.malformed)) { try JWTKey.P256PublicKey(x: Array(raw[..<31]), y: Array(raw[32...])) }
        #expect(throws: JWTError(.malformed)) {
            try JWTKey.P256PublicKey(x: [UInt8](repeating: 0, count: 32), y: [UInt8](repeating: 0, count: 32))
        }
    }
}
