@testable import InboundFunction
import Runtime
@testable import SharedPlatform
import Testing

/// The `voice` config section, the voice configuration keys, TwiML escaping and the status order, without I/O.
@Suite struct VoiceConfigTests {
    static func patched(_ patch: String) throws -> JSONValue {
        try TenantConfigSchema.patched(stored: nil, patch: .object(try JSONValue.object(from: Array(patch.utf8))),
                                       companyName: "Acme Travel", currency: "ZAR")
    }

    static func field(_ patch: String) -> String? {
        do {
            _ = try patched(patch)
            return nil
        } catch let error as HTTPError {
            return error.status == 422 ? error.field : "status \(error.status)"
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func defaultsHaveNoNumberAndAGreetingNamingTheCompany() throws {
        let defaults = TenantConfigSchema.defaults(companyName: "Acme Travel", currency: "ZAR")
        #expect(defaults["voice"] == .object(["phone_number": .null, "forward_to": .null, "vapi_assistant_id": .null,
                                              "greeting": .string("Thank you for calling Acme Travel.")]))
        let long = TenantConfigSchema.defaults(companyName: String(repeating: "n", count: 500), currency: "ZAR")
        #expect(try TenantConfigSchema.validate(long) == long)
        let settings = TenantSettings(tenantID: "t", companyName: "Acme", currency: "ZAR", timezone: "UTC", stored: nil)
        #expect(settings.voicePhoneNumber == nil && settings.voiceForwardTo == nil && settings.vapiAssistantID == nil)
        #expect(settings.voiceGreeting == "Thank you for calling Acme.")
    }

    @Test func validValuesAreStoredAsSent() throws {
        let config = try Self.patched(#"""
            {"voice":{"phone_number":" +27215550100 ","forward_to":"+14155550100","greeting":"Hello & welcome",
                      "vapi_assistant_id":"3f1c2d9e-0000-4000-8000-000000000001"}}
            """#)
        #expect(config["voice"]?["phone_number"] == .string("+27215550100"))
        #expect(config["voice"]?["forward_to"] == .string("+14155550100"))
        #expect(config["voice"]?["greeting"] == .string("Hello & welcome"))
        let cleared = try Self.patched(#"{"voice":{"phone_number":"","forward_to":null}}"#)
        #expect(cleared["voice"]?["phone_number"] == .null && cleared["voice"]?["forward_to"] == .null)
    }

    @Test(arguments: [
        (#"{"voice":{"phone_number":"0215550100"}}"#, "voice.phone_number"),
        (#"{"voice":{"phone_number":"+27 21 555 0100"}}"#, "voice.phone_number"),
        (#"{"voice":{"phone_number":"+0215550100"}}"#, "voice.phone_number"),
        (#"{"voice":{"phone_number":"+1234567890123456"}}"#, "voice.phone_number"),
        (#"{"voice":{"phone_number":12345}}"#, "voice.phone_number"),
        (#"{"voice":{"forward_to":"sip:agent@example.com"}}"#, "voice.forward_to"),
        (#"{"voice":{"greeting":""}}"#, "voice.greeting"),
        (#"{"voice":{"greeting":"\#(String(repeating: "g", count: 301))"}}"#, "voice.greeting"),
        (#"{"voice":{"vapi_assistant_id":"has spaces"}}"#, "voice.vapi_assistant_id"),
        (#"{"voice":{"ring_time":5}}"#, "voice.ring_time"),
        (#"{"voice":[]}"#, "voice"),
    ])
    func invalidValuesAre422WithTheirPath(patch: String, field: String) {
        #expect(Self.field(patch) == field)
    }

    @Test func publicBaseURLIsNormalisedOrRefused() {
        typealias Voice = PlatformConfig.Voice
        #expect(Voice.normalizedBaseURL("https://api.example.com/") == "https://api.example.com")
        #expect(Voice.normalizedBaseURL("http://127.0.0.1:8080/prefix") == "http://127.0.0.1:8080/prefix")
        for bad in ["api.example.com", "https://", "https://a.example/?x=1", "https://u@a.example", "ftp://a.example",
                    "https://a.example/#f", "https://a b.example"] {
            #expect(Voice.normalizedBaseURL(bad) == nil, "\(bad)")
        }
        let environment = Environment(["PUBLIC_BASE_URL": "not a url", "VAPI_WEBHOOK_SECRET": "short"])
        let voice = Voice(environment: environment)
        #expect(voice.publicBaseURL == nil && voice.vapiWebhookSecret == nil && voice.twilioAuthToken == nil)
        #expect(throws: (any Error).self) { try environment.validate() }
    }

    @Test func twimlEscapesEverythingItInserts() {
        #expect(TwilioTwiML.escaped(#"<Say>&"'"#) == "&lt;Say&gt;&amp;&quot;&#39;")
        #expect(TwilioTwiML.escaped("a\u{0}b\u{1B}c\td\ne") == "abc\td\ne")
        let body = String(decoding: TwilioTwiML.answer(greeting: "</Say><Dial>+1</Dial>", forwardTo: "+27215550100").body,
                          as: UTF8.self)
        #expect(body == #"<?xml version="1.0" encoding="UTF-8"?><Response><Say>&lt;/Say&gt;&lt;Dial&gt;+1&lt;/Dial&gt;</Say><Dial>+27215550100</Dial></Response>"#)
    }

    @Test func statusesOnlyMoveForward() {
        #expect(CallStatusOrder.merged(current: "ringing", incoming: "in-progress", provider: .twilio) == "in-progress")
        #expect(CallStatusOrder.merged(current: "completed", incoming: "ringing", provider: .twilio) == "completed")
        #expect(CallStatusOrder.merged(current: "completed", incoming: "busy", provider: .twilio) == "completed")
        #expect(CallStatusOrder.merged(current: "ended", incoming: "in-progress", provider: .vapi) == "ended")
        #expect(CallStatusOrder.merged(current: "forwarding", incoming: "ended", provider: .vapi) == "ended")
        #expect(CallRecordUpdate.capped("ééé", 5) == "éé" && CallRecordUpdate.capped("", 5) == nil)
    }
}
