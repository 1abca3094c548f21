import Integrations
import ProviderFakes
import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

/// No key, token, password or Authorization header reaches a log line or an error's description.
@Suite struct ProviderLogSecrecyTests {
    @Test func secretsStayOutOfLogsAndErrors() throws {
        let capture = LogCapture()
        let logger = capture.logger()
        let http = try ProviderTestSupport.httpClient()
        let twilioFake = try FakeTwilioServer()
        let vapiFake = try FakeVAPIServer()
        let sendGridFake = try FakeSendGridAccountsServer()
        var secrets = [twilioFake.authToken, vapiFake.apiKey, sendGridFake.masterKey, "S3cret-pass!", "server-shared-secret"]
        var errors: [any Error] = []

        let twilio = TwilioClient(configuration: .init(accountSID: twilioFake.accountSID,
                                                       authToken: Secret(twilioFake.authToken), baseURL: twilioFake.baseURL),
                                  transport: http, logger: logger)
        let vapi = VAPIClient(configuration: .init(apiKey: Secret(vapiFake.apiKey), baseURL: vapiFake.baseURL),
                              transport: http, logger: logger)
        let sendGrid = SendGridAccountsClient(configuration: .init(masterKey: Secret(sendGridFake.masterKey),
                                                                   baseURL: sendGridFake.baseURL),
                                              transport: http, logger: logger)
        _ = try sendGrid.createSubuser(.init(username: "acme", email: "o@acme.example", password: Secret("S3cret-pass!"),
                                             ips: ["203.0.113.7"]))
        let key = try sendGrid.createAPIKey(forSubuser: "acme", name: "mail")
        secrets.append(key.key.value)
        for failure in [FakeFailure.status(401), .status(500), .rateLimited(retryAfter: 1), .malformedJSON, .status(404)] {
            sendGridFake.script.failNext(failure)
            do { _ = try sendGrid.listVerifiedSenders(as: .subuserKey(key.key)) } catch { errors.append(error) }
            vapiFake.script.failNext(failure)
            do { _ = try vapi.createAssistant(VAPIClientTests.assistant) } catch { errors.append(error) }
        }

        let provisioner = VoiceProvisioner(twilio: twilio, vapi: vapi, logger: logger)
        vapiFake.script.failNext(.status(400), route: FakeVAPIServer.Route.importNumber)
        do {
            _ = try provisioner.provision(.init(search: .init(country: "US"), assistant: VAPIClientTests.assistant))
        } catch { errors.append(error) }
        let wrong = TwilioClient(configuration: .init(accountSID: twilioFake.accountSID, authToken: Secret("wrong-token-xyz"),
                                                      baseURL: twilioFake.baseURL), transport: http, logger: logger)
        secrets.append("wrong-token-xyz")
        do { _ = try wrong.listAddresses() } catch { errors.append(error) }

        #expect(errors.count == 12)
        let lines = capture.lines
        #expect(lines.contains { $0.contains("\"provider\":\"twilio\"") })
        let texts = lines + errors.flatMap { ["\($0)", String(reflecting: $0)] }
        for text in texts {
            for secret in secrets { #expect(!text.contains(secret), "secret leaked in: \(text.prefix(200))") }
            #expect(!text.contains("Basic "), "auth header in: \(text.prefix(200))")
            #expect(!text.contains("Bearer "), "auth header in: \(text.prefix(200))")
        }
    }
}
