import Integrations
import Logging
import ProviderFakes
import Runtime
import RuntimeTesting
import Testing

@Suite struct LLMChatTests {
    @Test func chatRoundTripReturnsContentAndUsage() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        fake.enqueue(.text("Lisbon is lovely in May.").usage(prompt: 21, completion: 7))
        let client = try makeLLMClient(fake)
        let result = try client.chat(
            messages: [.system("You are a travel agent."), .user("Where in May?")],
            temperature: 0.2)
        #expect(result.content == "Lisbon is lovely in May.")
        #expect(result.finishReason == .stop)
        #expect(result.usage == Usage(promptTokens: 21, completionTokens: 7, totalTokens: 28))
        #expect(result.id.hasPrefix("chatcmpl-"))
        #expect(result.toolCalls.isEmpty)

        let request = try #require(fake.requests.first)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer \(fakeLLMKey)")
        #expect(request.headers["content-type"] == "application/json")
        let body = try #require(fake.chatRequests.first)
        #expect(body["model"] == .string("gpt-test"))
        #expect(body["temperature"] == .number(0.2))
        #expect(roles(body) == ["system", "user"])
        #expect(body["tools"] == nil)
        #expect(body["response_format"] == nil)
    }

    @Test func structuredOutputDecodesAndSendsTheSchema() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        fake.enqueue(.json(#"{"destination":"Porto","nights":3}"#))
        let client = try makeLLMClient(fake)
        let trip = try client.structured(
            Trip.self, messages: [.user("3 nights in Porto")], schemaName: "trip",
            schema: tripSchema)
        #expect(trip == Trip(destination: "Porto", nights: 3))
        let format = try #require(fake.chatRequests.first?["response_format"])
        #expect(format["type"] == .string("json_schema"))
        #expect(format["json_schema"]?["name"] == .string("trip"))
        #expect(format["json_schema"]?["strict"] == .bool(true))
        #expect(format["json_schema"]?["schema"] == tripSchema)
    }

    @Test func structuredOutputFailuresAreTyped() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        let client = try makeLLMClient(fake)
        func attempt() -> LLMError? {
            llmError {
                try client.structured(Trip.self, messages: [.user("plan")], schemaName: "trip", schema: tripSchema)
            }
        }
        fake.enqueue(.json(#"{"destination":"Porto","nights":"#))
        #expect(attempt()?.code == .invalidOutput)
        fake.enqueue(.json(#"{"destination":"Porto","nights":"three"}"#))
        let mismatch = attempt()
        #expect(mismatch?.code == .invalidOutput)
        #expect(mismatch?.detail.contains("nights") == true)
        #expect(mismatch?.detail.contains("three") == false)
        fake.enqueue(.refusal("I can't help with that."))
        #expect(attempt()?.code == .refused)
        fake.enqueue(.json("   "))
        #expect(attempt()?.code == .invalidOutput)
        fake.enqueue(.json(#"{"destination":"Por"#).finishing("length"))
        #expect(attempt()?.code == .invalidOutput)
        fake.enqueue(.json(#"{"destination":"Porto","nights":1}"#).finishing("content_filter"))
        #expect(attempt()?.code == .refused)
    }

    /// With an empty script the fake answers a json_schema request with a minimal instance of the schema.
    @Test func fakeSynthesisesSchemaInstancesByDefault() throws {
        let fake = try FakeOpenAIServer()
        let client = try makeLLMClient(fake, key: nil)
        let trip = try client.structured(
            Trip.self, messages: [.user("anything")], schemaName: "trip", schema: tripSchema)
        #expect(trip == Trip(destination: "", nights: 0))
        #expect(try client.chat(messages: [.user("hi")]).content?.isEmpty == false)
        #expect(fake.requests.first?.headers["authorization"] == nil)
    }

    @Test func configurationComesFromTheEnvironment() throws {
        #expect(LLMConfiguration(environment: Environment([:])) == nil)
        let environment = Environment([
            "LLM_BASE_URL": "http://127.0.0.1:8080/v1/", "LLM_MODEL": "llama-3.1-8b", "LLM_TIMEOUT_MS": "1500",
            "LLM_MAX_TOOL_ROUNDS": "3", "LLM_EMBEDDING_MODEL": "nomic-embed-text",
        ])
        let configuration = try #require(LLMConfiguration(environment: environment))
        try environment.validate()
        #expect(configuration.baseURL == "http://127.0.0.1:8080/v1")
        #expect(configuration.apiKey == nil)
        #expect(configuration.model == "llama-3.1-8b")
        #expect(configuration.embeddingModel == "nomic-embed-text")
        #expect(configuration.timeout == .milliseconds(1500))
        #expect(configuration.maxToolRounds == 3)

        let defaults = try #require(
            LLMConfiguration(
                environment: Environment([
                    "LLM_BASE_URL": "https://api.openai.com/v1", "LLM_MODEL": "gpt-4o-mini", "LLM_API_KEY": fakeLLMKey,
                ])))
        #expect(defaults.timeout == .seconds(30))
        #expect(defaults.maxToolRounds == 5)
        #expect(defaults.apiKey?.value == fakeLLMKey)
    }

    @Test func badConfigurationIsReportedWithoutTheKey() {
        let environment = Environment([
            "LLM_BASE_URL": "http://10.0.0.8:8000/v1", "LLM_API_KEY": fakeLLMKey, "LLM_TIMEOUT_MS": "0",
            "LLM_AUTH_HEADER": "x-key",
        ])
        _ = LLMConfiguration(environment: environment)
        #expect(throws: ConfigError.self) { try environment.validate() }
        do {
            try environment.validate()
        } catch {
            let text = error.description
            #expect(text.contains("LLM_BASE_URL") && text.contains("LLM_MODEL is required"))
            #expect(text.contains("LLM_TIMEOUT_MS") && text.contains("LLM_AUTH_HEADER"))
            #expect(!text.contains(fakeLLMKey))
        }
    }

    /// Azure's dated API: the key in `api-key` and `?api-version=` on every URL.
    @Test func azureStyleAuthenticationAndVersion() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        let configuration = LLMConfiguration(
            baseURL: fake.baseURL, apiKey: Secret(fakeLLMKey), model: "my-deployment",
            apiVersion: "2024-10-21", authentication: .apiKeyHeader)
        let client = try LLMClient(
            configuration: configuration, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        _ = try client.chat(messages: [.user("hello")])
        let request = try #require(fake.requests.first)
        #expect(request.path == "/v1/chat/completions?api-version=2024-10-21")
        #expect(request.headers["api-key"] == fakeLLMKey)
        #expect(request.headers["authorization"] == nil)
    }
}
