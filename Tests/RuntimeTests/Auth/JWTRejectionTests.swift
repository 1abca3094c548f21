import Runtime
import Testing

@Suite struct JWTRejectionTests {
    let verifier = JWTVerifier(keys: [.hs256(secret: TestToken.secret, kid: nil)], issuer: "travel", audience: "api")
    let goodPayload = TestToken.payload(#""iss":"travel","aud":"api""#)

    /// `token` with the character at `offset` of segment `segment` replaced by another base64url letter.
    func changing(_ token: String, segment: Int, offset: Int) -> String {
        var parts = token.split(separator: ".", omittingEmptySubsequences: false).map(Array.init)
        parts[segment][offset] = parts[segment][offset] == "A" ? "B" : "A"
        return parts.map { String($0) }.joined(separator: ".")
    }

    @Test func theUntamperedTokenIsAccepted() throws {
        #expect(try verifier.verify(TestToken.hs256(payload: goodPayload), now: TestToken.now).sub == "user-1")
    }

    @Test func oneChangedCharacterInAnySegmentIsRejected() throws {
        let token = TestToken.hs256(payload: goodPayload)
        #expect(TestToken.error(verifier, changing(token, segment: 0, offset: 5)) != nil)
        #expect(TestToken.error(verifier, changing(token, segment: 1, offset: 10))?.code == .badSignature)
        #expect(TestToken.error(verifier, changing(token, segment: 2, offset: 0))?.code == .badSignature)
        // The signature's last character has 4 unused bits, all zero; setting one decodes to the same bytes
        // under a lax decoder, so only the canonical-encoding rule rejects it.
        var bytes = Array(token.utf8)
        bytes[bytes.count - 1] += 1
        #expect(TestToken.error(verifier, String(decoding: bytes, as: UTF8.self))?.code == .malformed)
    }

    @Test func algNoneIsRejectedWithAndWithoutSignature() {
        let unsigned = TestToken.signingInput(header: #"{"alg":"none","typ":"JWT"}"#, payload: goodPayload)
        #expect(TestToken.error(verifier, unsigned + ".")?.code == .unsupportedAlgorithm)
        let signed = TestToken.hs256(header: #"{"alg":"none"}"#, payload: goodPayload)
        #expect(TestToken.error(verifier, signed)?.code == .unsupportedAlgorithm)
        #expect(
            TestToken.error(verifier, TestToken.hs256(header: #"{"alg":"None"}"#, payload: goodPayload))?.code
                == .unsupportedAlgorithm)
    }

    @Test func otherAlgorithmsAndCriticalExtensionsAreRejected() {
        for header in [
            #"{"alg":"HS512"}"#, #"{"alg":"hs256"}"#, #"{"alg":"RS256"}"#, #"{"alg":"HS256","crit":["exp"]}"#,
        ] {
            #expect(
                TestToken.error(verifier, TestToken.hs256(header: header, payload: goodPayload))?.code
                    == .unsupportedAlgorithm, "\(header)")
        }
    }

    @Test func expiredAndNotYetValidTokensAreRejected() {
        let expired = TestToken.hs256(
            payload: TestToken.payload(#""iss":"travel","aud":"api""#, exp: TestToken.now - 3600))
        #expect(TestToken.error(verifier, expired)?.code == .expired)
        let early = TestToken.hs256(
            payload: TestToken.payload(#""iss":"travel","aud":"api","nbf":\#(TestToken.now + 600)"#))
        #expect(TestToken.error(verifier, early)?.code == .notYetValid)
    }

    @Test func wrongOrMissingIssuerAndAudienceAreRejected() {
        let cases: [(String, JWTError.Code)] = [
            (#""iss":"other","aud":"api""#, .wrongIssuer), (#""aud":"api""#, .wrongIssuer),
            (#""iss":"travel","aud":"web""#, .wrongAudience), (#""iss":"travel","aud":["web","apis"]"#, .wrongAudience),
            (#""iss":"travel""#, .wrongAudience),
        ]
        for (extra, code) in cases {
            #expect(
                TestToken.error(verifier, TestToken.hs256(payload: TestToken.payload(extra)))?.code == code, "\(extra)")
        }
    }

    @Test func emptySubjectIsAMissingClaim() {
        let token = TestToken.hs256(payload: #"{"sub":"","exp":\#(TestToken.now + 60),"iss":"travel","aud":"api"}"#)
        #expect(TestToken.error(verifier, token) == JWTError(.missingClaim, claim: "sub"))
    }

    @Test func kidSelectsKeysAndAnUnknownKidMatchesNone() throws {
        let other = Array("ffffffffffffffffffffffffffffffff".utf8)
        let keyed = JWTVerifier(
            keys: [.hs256(secret: other, kid: "old"), .hs256(secret: TestToken.secret, kid: "new")],
            issuer: nil, audience: nil)
        let payload = TestToken.payload()
        #expect(
            try keyed.verify(
                TestToken.hs256(header: #"{"alg":"HS256","kid":"new"}"#, payload: payload),
                now: TestToken.now
            ).sub == "user-1")
        #expect(
            TestToken.error(keyed, TestToken.hs256(header: #"{"alg":"HS256","kid":"old"}"#, payload: payload))?.code
                == .badSignature)
        #expect(
            TestToken.error(keyed, TestToken.hs256(header: #"{"alg":"HS256","kid":"gone"}"#, payload: payload))?.code
                == .noMatchingKey)
        // Without a kid every key of the algorithm is tried.
        #expect(TestToken.error(keyed, TestToken.hs256(payload: payload)) == nil)
    }

    @Test func structuralDamageIsMalformed() {
        let token = TestToken.hs256(payload: goodPayload)
        let parts = token.split(separator: ".").map(String.init)
        let damaged = [
            parts[0] + "." + parts[1], token + "." + parts[2], token + "=", parts[0] + "=." + parts[1] + "." + parts[2],
            token.replacingFirst("-", "+"), parts[0] + "." + parts[1] + "." + parts[2] + "/", "..", "", " " + token,
            parts[0] + ".e." + parts[2],
        ]
        for text in damaged {
            #expect(TestToken.error(verifier, text)?.code == .malformed, "\(text)")
        }
    }

    @Test func headerAndClaimsMustBeJSONObjects() {
        let payload = TestToken.payload()
        for header in ["not json", #"["HS256"]"#, #""HS256""#, #"{"typ":"JWT"}"#, #"{"alg":256}"#, "{"] {
            #expect(
                TestToken.error(verifier, TestToken.hs256(header: header, payload: payload))?.code == .malformed,
                "\(header)")
        }
        for claims in [
            "[1,2]", #""sub""#, "null", "{", #"{"sub":"u","exp":"tomorrow"}"#, #"{"sub":7,"exp":1}"#,
            #"{"sub":"u","exp":1.5}"#, String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        ] {
            #expect(TestToken.error(verifier, TestToken.hs256(payload: claims))?.code == .malformed, "\(claims)")
        }
    }

    @Test func oversizedTokensAreRejectedBeforeDecoding() {
        let big = TestToken.hs256(payload: TestToken.payload(#""pad":"\#(String(repeating: "x", count: 9 * 1024))""#))
        #expect(TestToken.error(verifier, big)?.code == .tooLarge)
        #expect(TestToken.error(verifier, String(repeating: "!", count: 9 * 1024))?.code == .tooLarge)
        let roomy = JWTVerifier(
            keys: [.hs256(secret: TestToken.secret, kid: nil)], issuer: nil, audience: nil,
            maxTokenBytes: 16 * 1024)
        #expect(TestToken.error(roomy, big) == nil)
    }

    @Test func aVerifierWithoutKeysOrWithAnEmptySecretAcceptsNothing() {
        let token = TestToken.hs256(payload: TestToken.payload(), secret: [])
        for keys: [JWTKey] in [[], [.hs256(secret: [], kid: nil)]] {
            #expect(TestToken.error(JWTVerifier(keys: keys, issuer: nil, audience: nil), token)?.code == .noMatchingKey)
        }
    }
}

extension String {
    /// `self` with the first `target` replaced (the token alphabets make this a one-character change).
    fileprivate func replacingFirst(_ target: Character, _ replacement: Character) -> String {
        guard let index = firstIndex(of: target) else { return self + String(replacement) }
        var copy = self
        copy.replaceSubrange(index...index, with: String(replacement))
        return copy
    }
}
