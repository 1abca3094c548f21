import Integrations
import Logging
import ProviderFakes
import Runtime
import RuntimeTesting
import Testing

@Suite struct LLMErrorTests {
    @Test func wrongOrMissingKeyIsUnauthorized() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        let wrong = llmError { try makeLLMClient(fake, key: "sk-wrong").chat(messages: [.user("hi")]) }
        #expect(wrong?.code == .unauthorized)
        #expect(wrong?.status == 401)
        #expect(wrong?.providerCode == "invalid_api_key")
        let missing = llmError { try makeLLMClient(fake, key: nil).chat(messages: [.user("hi")]) }
        #expect(missing?.code == .unauthorized)
        fake.enqueue(.unauthorized)
        #expect(llmError { try makeLLMClient(fake).chat(messages: [.user("hi")]) }?.code == .unauthorized)
    }

    @Test func rateLimitCarriesRetryAfter() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        fake.enqueue(.rateLimited(retryAfter: 7))
        let error = llmError { try makeLLMClient(fake).chat(messages: [.user("hi")]) }
        #expect(error?.code == .rateLimited)
        #expect(error?.status == 429)
        #expect(error?.retryAfter == .seconds(7))
        #expect(error?.providerCode == "rate_limit_exceeded")
        #expect(error?.description == "LLMError(rate_limited, status: 429, provider_code: rate_limit_exceeded)")
    }

    @Test func serverErrorsAndBrokenAnswersAreTyped() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        let client = try makeLLMClient(fake)
        fake.enqueue(
            .serverError, .error(status: 503, type: "server_error", message: "overloaded"), .malformedJSON,
            .error(status: 400, type: "invalid_request_error", code: "context_length_exceeded", message: "too long"))
        let server = llmError { try client.chat(messages: [.user("hi")]) }
        #expect(server?.code == .unavailable && server?.status == 500)
        #expect(llmError { try client.chat(messages: [.user("hi")]) }?.code == .unavailable)
        let malformed = llmError { try client.chat(messages: [.user("hi")]) }
        #expect(malformed?.code == .badResponse && malformed?.status == 200)
        let tooLong = llmError { try client.chat(messages: [.user("hi")]) }
        #expect(tooLong?.code == .badRequest && tooLong?.providerCode == "context_length_exceeded")
        // A dropped connection, on a fresh connection (libcurl re-sends once when a *reused* one dies unanswered).
        fake.enqueue(.dropConnection)
        #expect(llmError { try makeLLMClient(fake).chat(messages: [.user("hi")]) }?.code == .unavailable)
        // The same client still works afterwards.
        #expect(try client.chat(messages: [.user("hi")]).content != nil)
    }

    /// A slow server: the configured timeout fires on time (within 10% plus scheduling slack), as does a deadline.
    @Test func timeoutIsHonoured() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        fake.enqueue(.text("late").delayed(by: .seconds(5)), .text("late").delayed(by: .seconds(5)))
        let client = try makeLLMClient(fake, timeout: .milliseconds(800))
        let clock = ContinuousClock()
        var error: LLMError?
        let elapsed = clock.measure { error = llmError { try client.chat(messages: [.user("hi")]) } }
        #expect(error?.code == .timeout)
        #expect(elapsed >= .milliseconds(790) && elapsed < .milliseconds(880) + .milliseconds(100))

        let deadline = Deadline(after: .milliseconds(400))
        let early = clock.measure { error = llmError { try client.chat(messages: [.user("hi")], deadline: deadline) } }
        #expect(error?.code == .timeout)
        #expect(early < .milliseconds(700))
        let expired = llmError { try client.chat(messages: [.user("hi")], deadline: Deadline(after: .zero)) }
        #expect(expired?.code == .timeout)
    }

    @Test func unreachableServerIsUnavailable() throws {
        let fake = try FakeOpenAIServer()
        let client = try makeLLMClient(fake, key: nil)
        fake.stop()
        #expect(llmError { try client.chat(messages: [.user("hi")]) }?.code == .unavailable)
    }

    @Test func nonLoopbackPlainHTTPIsRefusedBeforeAnyIO() throws {
        let configuration = LLMConfiguration(baseURL: "http://192.0.2.1/v1", model: "m")
        let client = try LLMClient(
            configuration: configuration, logger: .init(label: "x") { _ in SwiftLogNoOpLogHandler() })
        #expect(llmError { try client.chat(messages: [.user("hi")]) }?.code == .invalidConfiguration)
        #expect(llmError { try client.embed(texts: ["a"]) }?.code == .invalidConfiguration)
    }
}
