import FoundationEssentials
import Integrations
import ProviderFakes
import Runtime
import RuntimeHTTPClient
import RuntimePostgres
import RuntimeTesting
import SharedPlatform
import Testing
import WorkerFunction

/// wire-formats §A4: the two public vectors from SendGrid's own libraries.
@Suite struct EventWebhookVerifierTests {
    static let key1 = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA=="
    static let payload1 = #"{"category":"example_payload","event":"test_event","message_id":"message_id"}"#
    static let signature1 = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0="

    static let key2 = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g=="
    static let signature2 = "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM="
    /// Sorted keys, `(',',':')` separators, then CR LF.
    static let payload2 = #"[{"email":"hello@world.com","event":"dropped","reason":"Bounced Address","sg_event_id":"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","timestamp":1600112492}]"# + "\r\n"

    @Test func vectorOneVerifies() throws {
        let verifier = try SendGridEventVerifier(publicKey: Self.key1)
        try verifier.verify(signature: Self.signature1, timestamp: "1588788367", body: Array(Self.payload1.utf8), now: 1_588_788_367)
    }

    @Test func vectorTwoVerifiesOnlyWithItsTrailingCRLF() throws {
        let verifier = try SendGridEventVerifier(publicKey: Self.key2)
        try verifier.verify(signature: Self.signature2, timestamp: "1600112502", body: Array(Self.payload2.utf8), now: 1_600_112_502)
        let stripped = Array(Self.payload2.utf8.dropLast(2))
        let error = try #require(throws: SendGridEventVerifier.Failure.self) {
            try verifier.verify(signature: Self.signature2, timestamp: "1600112502", body: stripped, now: 1_600_112_502)
        }
        #expect(error.reason == .badSignature)
    }

    @Test func tamperingFails() throws {
        let verifier = try SendGridEventVerifier(publicKey: Self.key1)
        let now = 1_588_788_367
        let body = Array(Self.payload1.utf8)
        var tampered = body
        tampered[tampered.count - 3] = UInt8(ascii: "D")
        for (signature, timestamp, payload) in [
            (Self.signature1, "1588788367", tampered),
            (Self.signature1.replacing("NH2j/0=", with: "NH3j/0="), "1588788367", body),
            (Self.signature1, "1588788368", body),
        ] {
            #expect(throws: SendGridEventVerifier.Failure.self) {
                try verifier.verify(signature: signature, timestamp: timestamp, body: payload, now: now)
            }
        }
        let other = try SendGridEventVerifier(publicKey: Self.key2)
        #expect(throws: SendGridEventVerifier.Failure.self) {
            try other.verify(signature: Self.signature1, timestamp: "1588788367", body: body, now: now)
        }
    }

    @Test func oldAndFutureTimestampsAreRefused() throws {
        let verifier = try SendGridEventVerifier(publicKey: Self.key1)
        for now in [1_588_788_367 + 301, 1_588_788_367 - 301] {
            let error = try #require(throws: SendGridEventVerifier.Failure.self) {
                try verifier.verify(signature: Self.signature1, timestamp: "1588788367", body: Array(Self.payload1.utf8), now: now)
            }
            #expect(error.reason == .staleTimestamp)
        }
        let lenient = try SendGridEventVerifier(publicKey: Self.key1, tolerance: nil)
        try lenient.verify(signature: Self.signature1, timestamp: "1588788367", body: Array(Self.payload1.utf8))
    }

    @Test func malformedInputIsRefusedByReason() throws {
        let verifier = try SendGridEventVerifier(publicKey: Self.key1)
        let body = Array(Self.payload1.utf8)
        #expect(throws: SendGridEventVerifier.Failure(reason: .malformedTimestamp)) {
            try verifier.verify(signature: Self.signature1, timestamp: "15887883a7", body: body)
        }
        #expect(throws: SendGridEventVerifier.Failure(reason: .malformedSignature)) {
            try verifier.verify(signature: "not base64!", timestamp: "1588788367", body: body, now: 1_588_788_367)
        }
        #expect(throws: SendGridEventVerifier.Failure(reason: .missingHeaders)) {
            try verifier.verify(headers: Headers(), body: body)
        }
        #expect(throws: SendGridEventVerifier.Failure(reason: .invalidKey)) { try SendGridEventVerifier(publicKey: "MFkw") }
    }

    @Test func theFakeSignerProducesVerifiablePosts() throws {
        let signer = FakeSendGridEventSigner()
        let verifier = try SendGridEventVerifier(publicKey: signer.publicKey)
        let body = FakeSendGridEventSigner.events(for: [])
        var headers = Headers()
        for (name, value) in try signer.headers(for: body) { headers.add(name, value) }
        try verifier.verify(headers: headers, body: body)
        #expect(throws: SendGridEventVerifier.Failure(reason: .badSignature)) {
            try verifier.verify(headers: headers, body: body + [32])
        }
    }
}
