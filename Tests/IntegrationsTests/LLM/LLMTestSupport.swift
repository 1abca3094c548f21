import Integrations
import Logging
import ProviderFakes
import Runtime
import RuntimeTesting

/// The key the fakes require in these tests; it must never show up in a log line or an error description.
let fakeLLMKey = "sk-test-9f8e7d6c5b4a39281706f5e4d3c2b1a0"

/// A client for `fake`, configured as production would be apart from the base URL.
func makeLLMClient(
    _ fake: FakeOpenAIServer, key: String? = fakeLLMKey, timeout: Duration = .seconds(10),
    maxToolRounds: Int = 5, embeddingBatchSize: Int = 64,
    logger: Logger = Logger(label: "llm-test") { _ in SwiftLogNoOpLogHandler() }
) throws -> LLMClient {
    let configuration = LLMConfiguration(
        baseURL: fake.baseURL, apiKey: key.map(Secret.init), model: "gpt-test", embeddingModel: "embed-test",
        timeout: timeout, maxToolRounds: maxToolRounds, embeddingBatchSize: embeddingBatchSize)
    return try LLMClient(configuration: configuration, logger: logger)
}

/// The ``LLMError`` `body` throws, or nil if it succeeds or throws something else.
func llmError<T>(_ body: () throws -> T) -> LLMError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? LLMError
    }
}

/// The roles of the messages in a recorded request body.
func roles(_ body: [String: JSONValue]) -> [String] {
    body["messages"]?.array?.compactMap { $0["role"]?.string } ?? []
}

/// A strict JSON schema for ``Trip``.
let tripSchema: JSONValue = .object([
    "type": .string("object"), "additionalProperties": .bool(false),
    "required": .array([.string("destination"), .string("nights")]),
    "properties": .object([
        "destination": .object(["type": .string("string")]),
        "nights": .object(["type": .string("integer")]),
    ]),
])

/// The structured answer the tests decode.
struct Trip: Decodable, Equatable {
    var destination: String
    var nights: Int
}

/// A tool taking `{"city": string}`.
let weatherTool = ToolDefinition(
    name: "get_weather", description: "Current weather for a city",
    parameters: .object([
        "type": .string("object"), "additionalProperties": .bool(false),
        "required": .array([.string("city")]),
        "properties": .object(["city": .object(["type": .string("string")])]),
    ]), strict: true)
