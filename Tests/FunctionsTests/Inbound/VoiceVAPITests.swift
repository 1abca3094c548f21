import Logging
import Runtime
import RuntimePostgres
import SharedPlatform
import Testing

/// The VAPI server-message webhook authenticates by shared secret, records status updates and end-of-call
/// reports for the path's (active) tenant only, and ignores other message types.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct VoiceVAPITests {
    typealias F = VoiceFixtures

    func post(_ harness: IdentityHarness, tenant: String, _ json: String,
              secret: String? = VoiceFixtures.vapiSecret) -> IdentityHarness.Result {
        harness.call(.post, "/webhooks/vapi/\(tenant)", headers: secret.map { ["x-vapi-secret": $0] } ?? [:], json: json)
    }

    static func statusUpdate(_ callID: String, _ status: String) -> String {
        #"{"message":{"type":"status-update","status":"\#(status)","call":{"id":"\#(callID)","type":"inboundPhoneCall"},"customer":{"number":"+27825550123"}}}"#
    }

    static func endOfCallReport(_ callID: String, transcript: String = #"AI: Hello\nUser: I want Zanzibar"#) -> String {
        """
        {"message":{"type":"end-of-call-report","endedReason":"customer-ended-call","cost":0.137,
          "startedAt":"2026-03-01T10:00:00.000Z","endedAt":"2026-03-01T10:02:05.500Z",
          "call":{"id":"\(callID)","type":"inboundPhoneCall","assistantId":"asst-1"},
          "customer":{"number":"+27825550123","name":"Zoë"},"phoneNumber":{"number":"+15550001111"},
          "artifact":{"transcript":"\(transcript)","recordingUrl":"https://storage.vapi.ai/rec.wav"},
          "analysis":{"summary":"Wants 7 nights in Zanzibar."}}}
        """
    }

    @Test func secretsAreRequiredAndCheckedBeforeAnythingIsRecorded() throws {
        let unconfigured = try F.harness(configured: false)
        #expect(post(unconfigured, tenant: "anyone", Self.statusUpdate("c", "ringing")).status == 503)
        let harness = try F.harness()
        let tenant = try harness.makeTenant("vapi-auth")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let callID = "call-" + RequestID.generate()
        for secret in [nil, "", "wrong-secret-wrong-secret-0123", F.vapiSecret + "x"] {
            let result = post(harness, tenant: tenant.id, Self.endOfCallReport(callID), secret: secret)
            #expect(result.status == 401 && result.errorCode == "unauthorized", "\(String(describing: secret))")
        }
        #expect(try F.rows(callID: callID).isEmpty)
        let bearer = harness.call(.post, "/webhooks/vapi/\(tenant.id)", headers: ["authorization": "Bearer " + F.vapiSecret],
                                  json: Self.statusUpdate(callID, "ringing"))
        #expect(bearer.status == 200 && bearer.text == "{}")
        #expect(try F.rows(callID: callID).count == 1)
    }

    @Test func anEndOfCallReportRecordsOutcomeSummaryTranscriptTimesAndCost() throws {
        let harness = try F.harness()
        let tenant = try harness.makeTenant("vapi-eoc")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let callID = "call-" + RequestID.generate()
        #expect(post(harness, tenant: tenant.id, Self.statusUpdate(callID, "in-progress")).status == 200)
        #expect(try F.rows(callID: callID).first?["status"] == "in-progress")
        let result = post(harness, tenant: tenant.id, Self.endOfCallReport(callID))
        #expect(result.status == 200 && result.text == "{}", "\(result.text)")
        let row = try #require(try F.rows(callID: callID).first)
        #expect(row["tenant_id"] == tenant.id && row["provider"] == "vapi" && row["status"] == "ended")
        #expect(row["outcome"] == "customer-ended-call" && row["summary"] == "Wants 7 nights in Zanzibar.")
        #expect(row["transcript"] == "AI: Hello\nUser: I want Zanzibar" && row["duration_seconds"] == "126")
        #expect(row["from_number"] == "+27825550123" && row["to_number"] == "+15550001111" && row["customer_name"] == "Zoë")
        #expect(row["direction"] == "inbound" && row["started"]?.hasPrefix("1772359200") == true)
        let metadata = try JSON.decode(JSONValue.self, from: Array((row["metadata"] ?? "").utf8))
        #expect(metadata["cost"] == .number(0.137) && metadata["ended_reason"] == .string("customer-ended-call"))
        #expect(metadata["recording_url"] == .string("https://storage.vapi.ai/rec.wav"))
        // A late status update does not reopen the call.
        #expect(post(harness, tenant: tenant.id, Self.statusUpdate(callID, "ringing")).status == 200)
        #expect(try F.rows(callID: callID).first?["status"] == "ended")
    }

    @Test func transcriptsAreCappedAndBodiesLimited() throws {
        let harness = try F.harness()
        let tenant = try harness.makeTenant("vapi-cap")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let callID = "call-" + RequestID.generate()
        let long = String(repeating: "é", count: 80_000)  // 160 KB of UTF-8
        #expect(post(harness, tenant: tenant.id, Self.endOfCallReport(callID, transcript: long)).status == 200)
        let stored = try #require(try F.rows(callID: callID).first?["transcript"])
        #expect(stored.utf8.count == 100 * 1024 && stored.allSatisfy { $0 == "é" })
        let huge = String(repeating: "x", count: 1 << 20)
        let tooBig = post(harness, tenant: tenant.id, Self.endOfCallReport("call-big", transcript: huge))
        #expect(tooBig.status == 413)
        #expect(try F.rows(callID: "call-big").isEmpty)
    }

    @Test func otherTypesAreIgnoredAndBadShapesRefused() throws {
        let harness = try F.harness()
        let tenant = try harness.makeTenant("vapi-types")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let callID = "call-" + RequestID.generate()
        for type in ["speech-update", "transcript", "conversation-update", "hang"] {
            let result = post(harness, tenant: tenant.id, #"{"message":{"type":"\#(type)","call":{"id":"\#(callID)"}}}"#)
            #expect(result.status == 200 && result.text == "{}")
        }
        #expect(try F.rows(callID: callID).isEmpty)
        let cases: [(String, Int, String?)] = [
            (#"{"message":{"type":"status-update","status":"exploded","call":{"id":"x"}}}"#, 422, "message.status"),
            (#"{"message":{"type":"end-of-call-report","call":{}}}"#, 422, "message.call.id"),
            (#"{"msg":{}}"#, 422, "message"),
            (#"{"message":{"type":"x""#, 400, nil),
            (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), 400, nil),
        ]
        for (json, status, field) in cases {
            let result = post(harness, tenant: tenant.id, json)
            #expect(result.status == status && result.json["error"]?["field"]?.string == field, "\(json): \(result.text)")
        }
    }

    @Test func unknownOrSuspendedTenantsAre404() throws {
        let harness = try F.harness()
        #expect(post(harness, tenant: "no-such-tenant-\(Int.random(in: 1000...9999))", Self.statusUpdate("c1", "ringing")).status == 404)
        #expect(post(harness, tenant: "Not_Valid!", Self.statusUpdate("c1", "ringing")).status == 404)
        let tenant = try harness.makeTenant("vapi-susp")
        defer { IdentityHarness.dropTenant(tenant.id) }
        try IdentityHarness.owner().query("UPDATE tenants SET status = 'suspended' WHERE tenant_id = \(tenant.id)")
        let callID = "call-" + RequestID.generate()
        #expect(post(harness, tenant: tenant.id, Self.endOfCallReport(callID)).status == 404)
        #expect(try F.rows(callID: callID).isEmpty)
    }

    @Test func assistantRequestsGetTheTenantsAssistant() throws {
        let harness = try F.harness()
        let tenant = try harness.makeTenant("vapi-asst")
        defer { IdentityHarness.dropTenant(tenant.id) }
        let request = #"{"message":{"type":"assistant-request","call":{"id":"c-asst"}}}"#
        #expect(post(harness, tenant: tenant.id, request).json["error"]?.string?.contains("not in service") == true)
        try F.setVoice(tenant.id, phone: nil, assistant: "3f1c2d9e-0000-4000-8000-000000000001")
        #expect(post(harness, tenant: tenant.id, request).json["assistantId"] == .string("3f1c2d9e-0000-4000-8000-000000000001"))
    }

    /// A post for tenant A writes only A's row, even for a call id B also has; RLS shows each tenant only its own.
    @Test func aPostForOneTenantNeverTouchesAnothersCallRecords() throws {
        let harness = try F.harness()
        let a = try harness.makeTenant("vapi-xa")
        let b = try harness.makeTenant("vapi-xb")
        defer { IdentityHarness.dropTenant(a.id); IdentityHarness.dropTenant(b.id) }
        let callID = "call-" + RequestID.generate()
        #expect(post(harness, tenant: b.id, Self.statusUpdate(callID, "ringing")).status == 200)
        #expect(post(harness, tenant: a.id, Self.endOfCallReport(callID)).status == 200)
        let rows = try F.rows(callID: callID)
        #expect(rows.count == 2)
        let rowB = try #require(rows.first { $0["tenant_id"] == b.id })
        #expect(rowB["status"] == "ringing" && rowB["summary"] == nil && rowB["transcript"] == nil)
        #expect(rows.first { $0["tenant_id"] == a.id }?["status"] == "ended")

        let database = Database(url: try #require(IdentityHarness.environment["DATABASE_URL"]), logger: Logger(label: "tests"))
        for (mine, other) in [(a.id, b.id), (b.id, a.id)] {
            let seen = try database.withTenant(mine) { connection in
                try connection.query("SELECT tenant_id FROM call_records WHERE call_id = \(callID)").all.compactMap { $0["tenant_id"] }
            }
            #expect(seen == [mine])
            // Even an explicit attempt to write the other tenant's row is refused by RLS.
            let touched = try database.withTenant(mine) { connection in
                try connection.query("UPDATE call_records SET status = 'hijacked' WHERE tenant_id = \(other)").affectedRows
            }
            #expect(touched == 0)
            #expect(throws: (any Error).self) {
                try database.withTenant(mine) { connection in
                    try connection.query("""
                        INSERT INTO call_records (tenant_id, provider, call_id, status) VALUES (\(other), 'vapi', 'forged', 'ended')
                        """)
                }
            }
        }
        #expect(try F.rows(callID: callID).allSatisfy { $0["status"] != "hijacked" })
    }
}
