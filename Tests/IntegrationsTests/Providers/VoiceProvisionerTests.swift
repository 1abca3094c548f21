import Integrations
import ProviderFakes
import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

@Suite struct VoiceProvisionerTests {
    let twilioFake: FakeTwilioServer
    let vapiFake: FakeVAPIServer
    let http: HTTPClient
    let provisioner: VoiceProvisioner

    init() throws {
        twilioFake = try FakeTwilioServer()
        vapiFake = try FakeVAPIServer()
        http = try ProviderTestSupport.httpClient()
        let twilio = TwilioClient(configuration: .init(accountSID: twilioFake.accountSID,
                                                       authToken: Secret(twilioFake.authToken),
                                                       baseURL: twilioFake.baseURL),
                                  transport: http, logger: ProviderTestSupport.logger)
        let vapi = VAPIClient(configuration: .init(apiKey: Secret(vapiFake.apiKey), baseURL: vapiFake.baseURL),
                              transport: http, logger: ProviderTestSupport.logger)
        provisioner = VoiceProvisioner(twilio: twilio, vapi: vapi, logger: ProviderTestSupport.logger)
    }

    let request = VoiceProvisioningRequest(search: .init(country: "US", areaCode: "415"),
                                           assistant: VAPIClientTests.assistant,
                                           statusCallbackURL: "https://api.example.com/webhooks/twilio/status",
                                           friendlyName: "acme")

    @Test func provisionsEndToEnd() throws {
        let line = try provisioner.provision(request)
        #expect(line.phoneNumber == "+14155551000")
        #expect(twilioFake.ownedNumberSIDs == [line.twilioNumberSID])
        #expect(vapiFake.assistantIDs == [line.vapiAssistantID])
        let imported = try #require(vapiFake.phoneNumbers.first)
        #expect(imported["id"] == .string(line.vapiPhoneNumberID))
        #expect(imported["twilioAccountSid"] == .string(twilioFake.accountSID))
        #expect(imported["assistantId"] == .string(line.vapiAssistantID))
        let importBody = try JSONValue.object(from: try #require(vapiFake.requests.last).body)
        #expect(importBody["twilioAuthToken"] == .string(twilioFake.authToken))
    }

    @Test func failedImportRollsBackNumberAndAssistant() throws {
        vapiFake.script.failNext(.status(400), route: FakeVAPIServer.Route.importNumber)
        let error = #expect(throws: VoiceProvisioningError.self) { try provisioner.provision(request) }
        guard case .failed(let step, let cause, let leftovers)? = error else {
            Issue.record("expected .failed, got \(String(describing: error))")
            return
        }
        #expect(step == .importNumber)
        #expect(cause.provider == "vapi" && cause.code == .rejected)
        #expect(leftovers.isEmpty)
        #expect(twilioFake.ownedNumberSIDs.isEmpty)
        #expect(twilioFake.releasedNumberSIDs.count == 1)
        #expect(vapiFake.assistantIDs.isEmpty)
        #expect(vapiFake.deletedAssistantIDs.count == 1)
        #expect(error?.httpError.status == 503)
    }

    @Test func failedAssistantReleasesNumberAndReportsLeftovers() throws {
        vapiFake.script.failNext(.status(500), route: FakeVAPIServer.Route.createAssistant)
        twilioFake.script.failNext(.status(503), route: FakeTwilioServer.Route.release)
        let error = #expect(throws: VoiceProvisioningError.self) { try provisioner.provision(request) }
        guard case .failed(let step, _, let leftovers)? = error else {
            Issue.record("expected .failed")
            return
        }
        #expect(step == .createAssistant)
        #expect(leftovers.vapiAssistantID == nil)
        #expect(leftovers.twilioNumberSID == twilioFake.ownedNumberSIDs.first)
    }

    @Test func unconfiguredVoiceIsAConflict() throws {
        let unconfigured = VoiceProvisioner(twilio: nil, vapi: nil, logger: ProviderTestSupport.logger)
        #expect(!unconfigured.isConfigured)
        let error = #expect(throws: VoiceProvisioningError.self) { try unconfigured.provision(request) }
        #expect(error?.httpError.status == 409)
        #expect(error?.httpError.code == "voice_not_configured")
    }

    @Test func addressRequiredNumbersNeedAnAddress() throws {
        var southAfrica = request
        southAfrica.search = .init(country: "ZA")
        let error = #expect(throws: VoiceProvisioningError.self) { try provisioner.provision(southAfrica) }
        #expect(error?.httpError.code == "no_number_available")
        #expect(twilioFake.ownedNumberSIDs.isEmpty)
    }
}
