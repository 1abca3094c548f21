import InboundFunction
import Integrations
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// Shared set-up of the voice webhook suites: the inbound routes with voice configured, tenants with numbers.
enum VoiceFixtures {
    static let publicBase = "https://voice.example.com"
    static let twilioToken = "twilio-auth-token-for-tests-0123"
    static let vapiSecret = "vapi-webhook-secret-for-tests-0123"

    static func harness(configured: Bool = true) throws -> IdentityHarness {
        let extra = configured
            ? ["PUBLIC_BASE_URL": publicBase + "/", "TWILIO_AUTH_TOKEN": twilioToken, "VAPI_WEBHOOK_SECRET": vapiSecret]
            : [:]
        return try IdentityHarness(extra: extra, function: "inbound", routes: InboundFunction.routes)
    }

    /// A random E.164 number in the fictional +1 555 range.
    static func number() -> String { "+1555" + String(Int.random(in: 1_000_000...9_999_999)) }

    /// Sets the tenant's `voice` section directly (the API path is covered by VoiceConfigTests).
    static func setVoice(_ tenant: String, phone: String?, forwardTo: String? = nil, greeting: String? = nil,
                         assistant: String? = nil) throws {
        var voice: [String: JSONValue] = ["phone_number": phone.map(JSONValue.string) ?? .null,
                                          "forward_to": forwardTo.map(JSONValue.string) ?? .null,
                                          "vapi_assistant_id": assistant.map(JSONValue.string) ?? .null]
        if let greeting { voice["greeting"] = .string(greeting) }
        let text = String(decoding: try JSON.encode(JSONValue.object(voice)), as: UTF8.self)
        try IdentityHarness.owner().query("""
            UPDATE tenants SET config = jsonb_set(config, '{voice}', \(text)::jsonb) WHERE tenant_id = \(tenant)
            """)
    }

    /// Rows of `call_records` with `callID`, across all tenants (the owner bypasses nothing: it owns the table).
    static func rows(callID: String) throws -> [PGRow] {
        try IdentityHarness.owner().query("""
            SELECT tenant_id, provider, status, direction, from_number, to_number, outcome, duration_seconds,
                   customer_name, summary, transcript, metadata::text AS metadata,
                   extract(epoch FROM started_at)::text AS started, extract(epoch FROM ended_at)::text AS ended
            FROM call_records WHERE call_id = \(callID)
            """).all
    }

    static func callSID() -> String { "CA" + String(RequestID.generate().filter(\.isHexDigit).prefix(32)) }

    /// Posts a form to `target` signed for `signedURL` (default: the public URL of `target`).
    static func twilio(_ harness: IdentityHarness, _ target: String, _ fields: [(String, String)],
                       signedURL: String? = nil, signature: String? = nil, omitSignature: Bool = false)
        -> IdentityHarness.Result {
        let body = form(fields)
        let expected = TwilioSignature.compute(url: signedURL ?? publicBase + target, params: fields,
                                               authToken: Secret(twilioToken))
        return harness.call(.post, target, headers: omitSignature ? [:] : ["x-twilio-signature": signature ?? expected],
                            body: Array(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// `application/x-www-form-urlencoded`: unreserved bytes as is, everything else percent-encoded.
    static func form(_ fields: [(String, String)]) -> String {
        func encode(_ text: String) -> String {
            text.utf8.map { byte in
                let c = Character(Unicode.Scalar(byte))
                return c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c))
                    ? String(c) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }.joined()
        }
        return fields.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    static func voiceFields(sid: String, to: String, from: String = "+27825550123",
                            status: String = "ringing") -> [(String, String)] {
        [("AccountSid", "AC" + String(repeating: "0", count: 32)), ("ApiVersion", "2010-04-01"), ("CallSid", sid),
         ("CallStatus", status), ("Called", to), ("Caller", from), ("Direction", "inbound"), ("From", from),
         ("To", to), ("CallerName", "Zoë & Co <VIP>")]
    }
}

/// The Twilio voice and status webhooks verify the signature against the public URL before recording anything,
/// find the tenant by the called number and keep a call's status moving only forward.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct VoiceTwilioTests {
    typealias F = VoiceFixtures

    @Test func aSignedCallIsRecordedAndAnsweredWithTheGreetingAndForward() throws {
        let harness = try F.harness()
        let tenant = try harness.makeTenant("tw")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let number = F.number()
        try F.setVoice(tenant.id, phone: number, forwardTo: "+27215550100", greeting: "Welcome to <Acme> & \"Sons\"")
        let sid = F.callSID()
        let answer = F.twilio(harness, "/webhooks/twilio/voice", F.voiceFields(sid: sid, to: number))
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.response.headers["content-type"]?.hasPrefix("text/xml") == true)
        #expect(answer.text.contains("<Say>Welcome to &lt;Acme&gt; &amp; &quot;Sons&quot;</Say><Dial>+27215550100</Dial>"))
        let rows = try F.rows(callID: sid)
        let row = try #require(rows.first)
        #expect(rows.count == 1 && row["tenant_id"] == tenant.id && row["provider"] == "twilio")
        #expect(row["status"] == "ringing" && row["direction"] == "inbound" && row["to_number"] == number)
        #expect(row["from_number"] == "+27825550123" && row["customer_name"] == "Zoë & Co <VIP>")
        #expect(row["started"] != nil && row["ended"] == nil)
    }

    @Test func withoutForwardingTheCallerHearsACallBackPromiseThenHangUp() throws {
        let harness = try F.harness()
        let tenant = try harness.makeTenant("tw-nofw")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let number = F.number()
        try F.setVoice(tenant.id, phone: number)
        let answer = F.twilio(harness, "/webhooks/twilio/voice?source=test", F.voiceFields(sid: F.callSID(), to: number))
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.text.contains("<Say>Thank you for calling Company tw-nofw.</Say>"))
        #expect(answer.text.contains("call you back") && answer.text.hasSuffix("<Hangup/></Response>"))
        #expect(!answer.text.contains("<Dial>"))
    }

    @Test func badWrongURLOrMissingSignaturesAre403AndRecordNothing() throws {
        let harness = try F.harness()
        let tenant = try harness.makeTenant("tw-sig")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let number = F.number()
        try F.setVoice(tenant.id, phone: number)
        let sid = F.callSID()
        let fields = F.voiceFields(sid: sid, to: number)
        let attempts = [
            F.twilio(harness, "/webhooks/twilio/voice", fields, signature: "GvWf1cFY/Q7PnoempGyD5oXAezc="),
            // Signed for the URL nginx passes on (proxied scheme and host), not the configured public one.
            F.twilio(harness, "/webhooks/twilio/voice", fields, signedURL: "http://127.0.0.1/webhooks/twilio/voice"),
            F.twilio(harness, "/webhooks/twilio/voice", fields, signedURL: F.publicBase + "/webhooks/twilio/status"),
            F.twilio(harness, "/webhooks/twilio/voice?extra=1", fields, signedURL: F.publicBase + "/webhooks/twilio/voice"),
            F.twilio(harness, "/webhooks/twilio/voice", fields, omitSignature: true),
            F.twilio(harness, "/webhooks/twilio/status", fields + [("CallDuration", "5")],
                     signedURL: F.publicBase + "/webhooks/twilio/status", signature: ""),
        ]
        for result in attempts {
            #expect(result.status == 403 && result.errorCode == "invalid_signature", "\(result.status) \(result.text)")
        }
        // A field changed after signing.
        let signature = TwilioSignature.compute(url: F.publicBase + "/webhooks/twilio/voice", params: fields,
                                                authToken: Secret(F.twilioToken))
        let tampered = fields.map { $0.0 == "To" ? ($0.0, F.number()) : $0 }
        #expect(F.twilio(harness, "/webhooks/twilio/voice", tampered, signature: signature).status == 403)
        #expect(try F.rows(callID: sid).isEmpty)
    }

    @Test func unconfiguredServersAnswer503() throws {
        let harness = try F.harness(configured: false)
        let result = F.twilio(harness, "/webhooks/twilio/voice", F.voiceFields(sid: F.callSID(), to: F.number()))
        #expect(result.status == 503 && result.errorCode == "voice_not_configured")
    }

    @Test func unknownOrSuspendedNumbersHearNotInServiceAndNothingIsRecorded() throws {
        let harness = try F.harness()
        let sid = F.callSID()
        let unknown = F.twilio(harness, "/webhooks/twilio/voice", F.voiceFields(sid: sid, to: F.number()))
        #expect(unknown.status == 200 && unknown.text.contains("not in service") && unknown.text.contains("<Hangup/>"))
        let status = F.twilio(harness, "/webhooks/twilio/status", F.voiceFields(sid: sid, to: F.number(), status: "completed"))
        #expect(status.status == 200 && status.text.hasSuffix("<Response></Response>"))
        #expect(try F.rows(callID: sid).isEmpty)

        let tenant = try harness.makeTenant("tw-susp")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let number = F.number()
        try F.setVoice(tenant.id, phone: number)
        try IdentityHarness.owner().query("UPDATE tenants SET status = 'suspended' WHERE tenant_id = \(tenant.id)")
        let suspended = F.twilio(harness, "/webhooks/twilio/voice", F.voiceFields(sid: sid, to: number))
        #expect(suspended.text.contains("not in service"))
        #expect(try F.rows(callID: sid).isEmpty)
    }

    @Test func statusesMoveOnlyForwardAndRepeatsChangeNothing() throws {
        let harness = try F.harness()
        let tenant = try harness.makeTenant("tw-status")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let number = F.number()
        try F.setVoice(tenant.id, phone: number)
        let sid = F.callSID()
        func status(_ value: String, duration: String? = nil) throws -> PGRow {
            let fields = F.voiceFields(sid: sid, to: number, status: value) + (duration.map { [("CallDuration", $0)] } ?? [])
            let result = F.twilio(harness, "/webhooks/twilio/status", fields)
            #expect(result.status == 200, "\(value): \(result.text)")
            return try #require(try F.rows(callID: sid).first)
        }
        #expect(F.twilio(harness, "/webhooks/twilio/voice", F.voiceFields(sid: sid, to: number)).status == 200)
        #expect(try status("in-progress")["status"] == "in-progress")
        let completed = try status("completed", duration: "42")
        #expect(completed["status"] == "completed" && completed["duration_seconds"] == "42" && completed["ended"] != nil)
        let repeated = try status("completed", duration: "42")
        #expect(repeated["ended"] == completed["ended"])
        // Late callbacks: nothing moves back, a second final status does not replace the first.
        #expect(try status("ringing")["status"] == "completed")
        #expect(try status("in-progress")["status"] == "completed")
        #expect(try status("no-answer")["status"] == "completed")
        #expect(F.twilio(harness, "/webhooks/twilio/voice", F.voiceFields(sid: sid, to: number)).status == 200)
        let final = try F.rows(callID: sid)
        #expect(final.count == 1 && final.first?["status"] == "completed" && final.first?["duration_seconds"] == "42")
        #expect(final.first?["ended"] == completed["ended"])
    }

    @Test func aStatusCallbackBeforeTheVoiceWebhookCreatesTheRecord() throws {
        let harness = try F.harness()
        let tenant = try harness.makeTenant("tw-ooo")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let number = F.number()
        try F.setVoice(tenant.id, phone: number)
        let sid = F.callSID()
        let fields = F.voiceFields(sid: sid, to: number, status: "busy") + [("CallDuration", "0")]
        #expect(F.twilio(harness, "/webhooks/twilio/status", fields).status == 200)
        #expect(F.twilio(harness, "/webhooks/twilio/voice", F.voiceFields(sid: sid, to: number)).status == 200)
        let rows = try F.rows(callID: sid)
        #expect(rows.count == 1 && rows.first?["status"] == "busy" && rows.first?["ended"] != nil)
        #expect(rows.first?["started"] != nil)
        let bad = F.twilio(harness, "/webhooks/twilio/status", F.voiceFields(sid: sid, to: number, status: "exploded"))
        #expect(bad.status == 422 && bad.json["error"]?["field"]?.string == "CallStatus")
    }
}
