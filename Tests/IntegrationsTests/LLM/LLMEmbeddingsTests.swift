import Integrations
import Logging
import ProviderFakes
import Runtime
import RuntimeTesting
import Testing

@Suite struct LLMEmbeddingsTests {
    @Test func vectorsComeBackInInputOrderAcrossBatches() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey, embeddingDimensions: 32)
        let client = try makeLLMClient(fake, embeddingBatchSize: 2)
        let texts = [
            "beach hotel in Faro", "ski chalet in Zermatt", "city break in Porto", "safari lodge", "river cruise",
        ]
        let vectors = try client.embed(texts: texts)
        #expect(vectors.count == 5)
        #expect(vectors.allSatisfy { $0.count == 32 })
        #expect(vectors == texts.map { FakeOpenAIServer.embedding(of: $0, dimensions: 32) })
        let batches = fake.embeddingRequests
        #expect(batches.map { $0["input"]?.array?.count } == [2, 2, 1])
        #expect(batches.first?["model"] == .string("embed-test"))
        #expect(batches.first?["encoding_format"] == .string("float"))
        #expect(fake.requests.first?.path == "/v1/embeddings")
        #expect(try client.embed(texts: []).isEmpty)
        #expect(fake.embeddingRequests.count == 3)
    }

    @Test func similarTextsAreCloserThanUnrelatedOnes() throws {
        let fake = try FakeOpenAIServer(embeddingDimensions: 256)
        let client = try makeLLMClient(fake, key: nil)
        let vectors = try client.embed(texts: [
            "Cancel my hotel booking in Lisbon", "cancel the Lisbon hotel booking",
            "What is the baggage allowance on flights?",
        ])
        func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        #expect(cosine(vectors[0], vectors[1]) > 0.7)
        #expect(cosine(vectors[0], vectors[2]) < 0.3)
        #expect(abs(cosine(vectors[2], vectors[2]) - 1) < 0.0001)
    }

    @Test func embeddingFailuresAreTyped() throws {
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        let client = try makeLLMClient(fake)
        fake.enqueue(.rateLimited(retryAfter: 2), .malformedJSON, for: .embeddings)
        #expect(llmError { try client.embed(texts: ["a"]) }?.code == .rateLimited)
        #expect(llmError { try client.embed(texts: ["a"]) }?.code == .badResponse)
        #expect(llmError { try client.embed(texts: [""]) }?.code == .badRequest)
        let noModel = LLMConfiguration(baseURL: fake.baseURL, apiKey: Secret(fakeLLMKey), model: "gpt-test")
        let chatOnly = try LLMClient(
            configuration: noModel, logger: .init(label: "x") { _ in SwiftLogNoOpLogHandler() })
        #expect(llmError { try chatOnly.embed(texts: ["a"]) }?.code == .invalidConfiguration)
    }
}
