@testable import HelpdeskFunction
import Integrations
import ProviderFakes
import Runtime
import Testing

/// Grounded answers through the fake OpenAI server (the production client, pointed at 127.0.0.1).
@Suite(.enabled(if: IdentityHarness.enabled))
struct AskLLMTests {
    static func world(_ label: String, fake: FakeOpenAIServer) throws -> AskWorld {
        try AskWorld.make(label, llm: LLMConfiguration(baseURL: fake.baseURL, model: "fake-model", timeout: .seconds(5)))
    }

    @Test func theChatRequestCarriesTheNumberedSourcesAndBadCitationsAreStripped() throws {
        let fake = try FakeOpenAIServer()
        defer { fake.stop() }
        let world = try Self.world("ask-llm", fake: fake)
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        fake.enqueue(.text("Check-in at Palm Beach Resort is at 14:00 [1], and pets are welcome [9]."))
        let result = world.ask("What time is check-in at Palm Beach Resort?")
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["method"]?.string == "llm")
        #expect(result.json["answered"]?.bool == true)
        #expect(result.json["answer"]?.string == "Check-in at Palm Beach Resort is at 14:00 [1], and pets are welcome.")
        #expect(result.json["sources"]?.items.count == 1)
        let request = try #require(fake.chatRequests.last)
        let messages = request["messages"]?.items ?? []
        #expect(messages.count == 2)
        #expect(messages.first?["role"]?.string == "system")
        #expect(messages.first?["content"]?.string?.contains("ONLY the numbered sources") == true)
        let user = try #require(messages.last?["content"]?.string)
        #expect(user.contains("[1] Palm Beach Resort, Zanzibar — fact sheet\nCheck-in time is 14:00."))
        #expect(user.hasSuffix("Question: What time is check-in at Palm Beach Resort?"))
        #expect(!user.contains("commission"), "a private selling note unrelated to the question is not a source")
    }

    @Test func aFailingLLMFallsBackToTheExtractiveAnswer() throws {
        let fake = try FakeOpenAIServer()
        defer { fake.stop() }
        let world = try Self.world("ask-llm-500", fake: fake)
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        fake.enqueue(.serverError)
        let result = world.ask("What time is check-in at Palm Beach Resort?")
        try #require(result.status == 200, "\(result.text)")
        #expect(result.json["method"]?.string == "extractive")
        #expect(result.json["answered"]?.bool == true)
        #expect(result.json["answer"]?.string?.contains("14:00") == true)
        #expect(fake.chatRequests.count == 1)
    }

    @Test func anAnswerWithoutValidCitationsIsADecline() throws {
        let fake = try FakeOpenAIServer()
        defer { fake.stop() }
        let world = try Self.world("ask-llm-unsure", fake: fake)
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        fake.enqueue(.text("I am not sure, sorry [4]."))
        let result = world.ask("What time is check-in at Palm Beach Resort?")
        #expect(result.json["answered"]?.bool == false)
        #expect(result.json["method"]?.string == "none")
    }

    @Test func aDeclineMakesNoLLMCall() throws {
        let fake = try FakeOpenAIServer()
        defer { fake.stop() }
        let world = try Self.world("ask-llm-none", fake: fake)
        defer { IdentityHarness.dropTenant(world.tenant.id) }
        let result = world.ask("How many loyalty points do I earn on a Kilimanjaro climb?")
        #expect(result.json["answered"]?.bool == false)
        #expect(result.json["method"]?.string == "none")
        #expect(fake.chatRequests.isEmpty)
    }
}
