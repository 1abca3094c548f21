import Integrations
import ProviderFakes
import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

@Suite struct VAPIClientTests {
    let fake: FakeVAPIServer
    let http: HTTPClient
    let client: VAPIClient

    init() throws {
        fake = try FakeVAPIServer()
        http = try ProviderTestSupport.httpClient()
        client = VAPIClient(configuration: .init(apiKey: Secret(fake.apiKey), baseURL: fake.baseURL), transport: http,
                            logger: ProviderTestSupport.logger)
    }

    static let assistant = VAPIAssistantRequest(
        name: "Acme concierge", model: "gpt-4o-mini", systemPrompt: "You help Acme Travel's callers.",
        voiceProvider: "11labs", voiceID: "burt", firstMessage: "Hello, Acme Travel.",
        server: VAPIServer(url: "https://api.example.com/webhooks/vapi/acme", secret: Secret("server-shared-secret")))

    @Test func createAssistantSendsTheDocumentedShape() throws {
        let created = try client.createAssistant(Self.assistant)
        #expect(created.id.count == 36)
        #expect(created.orgID == fake.orgID)
        let request = try #require(fake.requests.last)
        #expect(request.method == "POST" && request.path == "/assistant")
        #expect(request.headers["authorization"] == "Bearer " + fake.apiKey)
        #expect(request.headers["content-type"] == "application/json")
        let body = try JSONValue.object(from: request.body)
        #expect(body["name"] == .string("Acme concierge"))
        #expect(body["firstMessage"] == .string("Hello, Acme Travel."))
        #expect(body["model"] == .object(["provider": .string("openai"), "model": .string("gpt-4o-mini"),
                                          "messages": .array([.object(["role": .string("system"),
                                                                       "content": .string("You help Acme Travel's callers.")])])]))
        #expect(body["voice"] == .object(["provider": .string("11labs"), "voiceId": .string("burt")]))
        #expect(body["server"] == .object(["url": .string("https://api.example.com/webhooks/vapi/acme"),
                                           "secret": .string("server-shared-secret")]))
    }

    @Test func importUpdateAndDeleteNumber() throws {
        let assistant = try client.createAssistant(Self.assistant)
        let sid = ProviderTestSupport.sid("AC")
        let number = try client.importTwilioNumber(.init(number: "+14155550100", twilioAccountSID: sid,
                                                         twilioAuthToken: Secret("twilio-token"),
                                                         assistantID: assistant.id, name: "acme"))
        #expect(number.provider == "twilio" && number.number == "+14155550100" && number.assistantID == assistant.id)
        let body = try JSONValue.object(from: try #require(fake.requests.last).body)
        #expect(body == ["provider": .string("twilio"), "number": .string("+14155550100"),
                         "twilioAccountSid": .string(sid), "twilioAuthToken": .string("twilio-token"),
                         "assistantId": .string(assistant.id), "name": .string("acme")])

        let other = try client.createAssistant(Self.assistant)
        let updated = try client.updatePhoneNumber(id: number.id, .init(assistantID: other.id))
        #expect(updated.assistantID == other.id)
        let patch = try #require(fake.requests.last)
        #expect(patch.method == "PATCH" && patch.path == "/phone-number/" + number.id)
        #expect(try JSONValue.object(from: patch.body) == ["assistantId": .string(other.id)])

        try client.deletePhoneNumber(id: number.id)
        #expect(fake.phoneNumbers.isEmpty)
        let missing = #expect(throws: ProviderError.self) { try client.updatePhoneNumber(id: number.id, .init(name: "x")) }
        #expect(missing?.code == .notFound)
        #expect(throws: ProviderError.self) { try client.deleteAssistant(id: "../etc") }
    }

    @Test func validationAndAuthErrorsAreMapped() throws {
        let rejected = #expect(throws: ProviderError.self) {
            try client.importTwilioNumber(.init(number: "+14155550100", twilioAccountSID: ProviderTestSupport.sid("AC"),
                                                twilioAuthToken: Secret("t"), assistantID: "no-such-assistant"))
        }
        #expect(rejected?.code == .rejected)
        #expect(rejected?.providerMessage == "Couldn't Find Assistant")
        let wrong = VAPIClient(configuration: .init(apiKey: Secret("wrong"), baseURL: fake.baseURL), transport: http,
                               logger: ProviderTestSupport.logger)
        #expect((#expect(throws: ProviderError.self) { try wrong.createAssistant(Self.assistant) })?.code == .unauthorized)
        fake.script.failNext(.status(500), route: FakeVAPIServer.Route.createAssistant)
        #expect((#expect(throws: ProviderError.self) { try client.createAssistant(Self.assistant) })?.code == .unavailable)
    }
}
