import Integrations
import ProviderFakes
import Runtime
import RuntimeTesting
import Testing

/// No API key, prompt, model output or tool argument in any log line or error description.
@Suite struct LLMLogSecrecyTests {
    private let prompt = "PROMPT-MARKER my passport number is X1234567"
    private let output = "OUTPUT-MARKER your booking reference is ABC123"
    private let argument = "ARGUMENT-MARKER"

    @Test func oneLinePerCallWithUsageAndNothingSecret() throws {
        let capture = LogCapture()
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey, embeddingDimensions: 8)
        let client = try makeLLMClient(fake, timeout: .milliseconds(500), logger: capture.logger(label: "llm"))
        typealias Call = FakeOpenAIServer.Reply.ToolCall
        fake.enqueue(
            .text(output).usage(prompt: 12, completion: 9),
            .toolCalls([
                Call(id: "call_1", name: "get_weather", arguments: #"{"city":"\#(argument)"}"#),
                Call(id: "call_2", name: "get_weather", arguments: #"{"city": "\#(argument)"#),
            ]),
            .text(output), .rateLimited(retryAfter: 1), .serverError, .text(output).delayed(by: .seconds(3)))
        var errors: [LLMError] = []
        func attempt(_ body: () throws -> Void) {
            do { try body() } catch let error as LLMError { errors.append(error) } catch {}
        }
        attempt { _ = try client.chat(messages: [.user(prompt)]) }
        attempt {
            _ = try client.runTools(messages: [.user(prompt)], tools: [weatherTool]) { _ in "{\"result\":\"\(output)\"}"
            }
        }
        attempt { _ = try client.chat(messages: [.user(prompt)]) }
        attempt { _ = try client.chat(messages: [.user(prompt)]) }
        attempt { _ = try client.chat(messages: [.user(prompt)]) }
        attempt { _ = try client.embed(texts: [prompt]) }
        attempt {
            _ = try makeLLMClient(fake, key: fakeLLMKey + "-wrong", logger: capture.logger()).chat(messages: [
                .user(prompt)
            ])
        }
        #expect(errors.map(\.code) == [.rateLimited, .unavailable, .timeout, .unauthorized])

        let calls = try capture.records(message: "llm call")
        #expect(calls.count == 8)
        let first = try #require(calls.first)
        #expect(first["llm_model"] == .string("gpt-test"))
        #expect(first["llm_kind"] == .string("chat"))
        #expect(first["llm_usage_prompt"] == .number(12))
        #expect(first["llm_usage_completion"] == .number(9))
        #expect(first["llm_finish_reason"] == .string("stop"))
        #expect(first["http_status"] == .number(200))
        #expect(first["duration_ms"]?.number != nil)
        #expect(calls[1]["llm_finish_reason"] == .string("tool_calls"))
        #expect(calls[5]["error_code"] == .string("timeout"))
        #expect(calls[6]["llm_kind"] == .string("embeddings"))
        #expect(calls[7]["error_code"] == .string("unauthorized"))
        #expect(calls[7]["http_status"] == .number(401))
        #expect(try capture.records(message: "llm tool call rejected").count == 1)

        let forbidden = [fakeLLMKey, "PROMPT-MARKER", "X1234567", "OUTPUT-MARKER", "ABC123", argument, "passport"]
        for line in capture.lines {
            for secret in forbidden { #expect(!line.contains(secret), "log line leaks \(secret): \(line)") }
        }
        for error in errors {
            for text in [error.description, error.debugDescription, error.detail, "\(error)"] {
                for secret in forbidden { #expect(!text.contains(secret), "error leaks \(secret)") }
            }
        }
    }

    @Test func configurationNeverPrintsTheKey() throws {
        let configuration = try #require(
            LLMConfiguration(
                environment: Environment([
                    "LLM_BASE_URL": "https://api.openai.com/v1", "LLM_MODEL": "gpt-4o-mini", "LLM_API_KEY": fakeLLMKey,
                ])))
        #expect(!"\(configuration)".contains(fakeLLMKey))
        #expect(!String(reflecting: configuration).contains(fakeLLMKey))
    }
}
