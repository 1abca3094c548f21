import Crypto
import Integrations
import Runtime
import Testing

/// The public vectors of wire-formats.md §A5, and one-character changes that must fail.
@Suite struct TwilioSignatureTests {
    let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    let token = Secret("12345")
    let params = [("CallSid", "CA1234567890ABCDE"), ("Caller", "+14158675310"), ("Digits", "1234"),
                  ("From", "+14158675310"), ("To", "+18005551212")]
    let expected = "GvWf1cFY/Q7PnoempGyD5oXAezc="

    @Test func officialVectorValidates() {
        #expect(TwilioSignature.compute(url: url, params: params, authToken: token) == expected)
        #expect(TwilioSignature.validate(url: url, params: params, signature: expected, authToken: token))
        #expect(TwilioSignature.validate(url: url, params: params.reversed(), signature: expected, authToken: token))
    }

    @Test func oneCharacterChangesFail() {
        #expect(!TwilioSignature.validate(url: url.replacing("foo=1", with: "foo=2"), params: params,
                                          signature: expected, authToken: token))
        #expect(!TwilioSignature.validate(url: "http" + url.dropFirst(5), params: params, signature: expected,
                                          authToken: token))
        var changed = params
        changed[2] = ("Digits", "1235")
        #expect(!TwilioSignature.validate(url: url, params: changed, signature: expected, authToken: token))
        changed = params
        changed[0] = ("CallSiD", "CA1234567890ABCDE")
        #expect(!TwilioSignature.validate(url: url, params: changed, signature: expected, authToken: token))
        #expect(!TwilioSignature.validate(url: url, params: params, signature: expected, authToken: Secret("12346")))
        #expect(!TwilioSignature.validate(url: url, params: params, signature: "GvWf1cFY/Q7PnoempGyD5oXAezd=",
                                          authToken: token))
        #expect(!TwilioSignature.validate(url: url, params: params, signature: nil, authToken: token))
        #expect(!TwilioSignature.validate(url: url, params: params, signature: "", authToken: token))
    }

    @Test func duplicateKeysSortByValue() {
        let duplicated = [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234")]
        #expect(TwilioSignature.compute(url: url, params: duplicated, authToken: token) == "IK+Dwps556ElfBT0I3Rgjkr1wJU=")
    }

    @Test func jsonBodyVariant() {
        let body = Array(#"{"CallSid":"CA123","Status":"ringing"}"#.utf8)
        let hash = SHA256.hash(data: body).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let signedURL = "https://example.com/webhooks/twilio/status?bodySHA256=" + hash
        let signature = TwilioSignature.compute(url: signedURL, params: [], authToken: token)
        #expect(TwilioSignature.validateJSON(url: signedURL, body: body, signature: signature, authToken: token))
        #expect(!TwilioSignature.validateJSON(url: signedURL, body: body + [32], signature: signature, authToken: token))
        #expect(!TwilioSignature.validateJSON(url: signedURL, body: body, signature: signature, authToken: Secret("12346")))
        #expect(!TwilioSignature.validateJSON(url: "https://example.com/webhooks/twilio/status", body: body,
                                              signature: signature, authToken: token))
    }
}
