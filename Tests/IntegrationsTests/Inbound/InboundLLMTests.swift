import InboundMail
import Integrations
import Logging
import ProviderFakes
import Runtime
import RuntimePostgres
import Testing
import WorkerFunction

/// Trip extraction through a model (the fake OpenAI server): the request carries the strict schema, a valid answer
/// is used, and every kind of failure falls back to the rules.
@Suite(.enabled(if: MailTestEnvironment.databaseEnabled)) struct InboundLLMTests {
    static let answer = """
        {"is_travel_inquiry":true,"name":"Zoe N","email":null,"phone":"+27 82 000 0000","destination":"unguja",
         "check_in":"2027-03-10","check_out":"2027-03-17","nights":7,"adults":2,"children":1,"children_ages":[6],
         "infants":0,"budget":{"amount":5000000,"currency":"ZAR","per_person":false},"requested_hotel":null,
         "special_requests":"sea view"}
        """

    func pipeline(_ fake: FakeOpenAIServer, deadline: Duration = .seconds(10)) throws -> InboundPipeline {
        let client = try makeLLMClient(fake, timeout: deadline)
        let extractor = InboundLLMExtractor(
            client: client, deadline: deadline,
            logger: Logger(label: "llm") { _ in SwiftLogNoOpLogHandler() })
        return InboundPipeline(extract: { extractor.extract($0) })
    }

    func parsed(_ world: InboundWorld) throws -> (method: String?, parsed: [String: JSONValue]) {
        let ticket = try #require(try world.tickets().first)
        return (ticket["parse_method"], try JSONValue.object(from: Array(try ticket.string("parsed").utf8)))
    }

    @Test func aValidAnswerIsUsedAndTheRequestCarriesTheSchema() throws {
        let world = try InboundWorld.make("llm")
        defer { world.drop() }
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        defer { fake.stop() }
        fake.enqueue(.json(Self.answer))
        try world.process(try world.storeParsed(), pipeline: try pipeline(fake))
        let (method, parsed) = try parsed(world)
        #expect(method == "llm")
        #expect(parsed["destination"]?.string == "Zanzibar" && parsed["children_ages"]?.array?.count == 1)
        #expect(parsed["special_requests"]?.string == "sea view" && parsed["budget"]?["amount"]?.number == 5_000_000)
        let request = try #require(fake.chatRequests.first)
        let format = request["response_format"]
        #expect(format?["type"]?.string == "json_schema")
        #expect(format?["json_schema"]?["name"]?.string == "trip_extraction")
        #expect(format?["json_schema"]?["schema"] == TripExtractionPrompt.schema)
        let system = request["messages"]?.array?.first?["content"]?.string ?? ""
        #expect(system.contains("Zanzibar (also: Unguja)") && system.contains("Today is "))
    }

    @Test(arguments: ["invalid-json", "server-error", "timeout", "foreign-destination", "bad-dates", "refusal"])
    func anyFailureFallsBackToTheRules(_ failure: String) throws {
        let world = try InboundWorld.make("llm-fb")
        defer { world.drop() }
        let fake = try FakeOpenAIServer(apiKey: fakeLLMKey)
        defer { fake.stop() }
        switch failure {
        case "invalid-json": fake.enqueue(.json("{\"is_travel_inquiry\": tru"))
        case "server-error": fake.enqueue(.serverError, .serverError, .serverError, .serverError)
        case "timeout": fake.enqueue(FakeOpenAIServer.Reply.json(Self.answer).delayed(by: .seconds(3)))
        case "foreign-destination": fake.enqueue(.json(Self.answer.replacingOnce("unguja", with: "Mauritius")))
        case "bad-dates": fake.enqueue(.json(Self.answer.replacingOnce("2027-03-17", with: "2027-03-01")))
        default: fake.enqueue(.refusal("I cannot help with that."))
        }
        try world.process(try world.storeParsed(), pipeline: try pipeline(fake, deadline: .seconds(1)))
        let (method, parsed) = try parsed(world)
        #expect(method == "rules")
        #expect(parsed["destination"]?.string == "Zanzibar" && parsed["check_out"]?.string == "2027-03-17")
    }

    @Test func validationKeepsOnlyTheTenantsDestinations() throws {
        let input = ExtractionInput(
            subject: "", body: "", destinations: [TenantDestination(name: "Zanzibar", aliases: ["Unguja"])],
            defaultCurrency: "ZAR", today: Day(year: 2027, month: 1, day: 1) ?? .today())
        let candidate = try JSON.decode(TripCandidate.self, from: Array(Self.answer.utf8))
        #expect(try candidate.validated(against: input).destination == "Zanzibar")
        var foreign = candidate
        foreign.destination = "Paris"
        #expect(throws: TripCandidate.Invalid.self) { try foreign.validated(against: input) }
        var ages = candidate
        ages.children_ages = [6, 19]
        #expect(throws: TripCandidate.Invalid.self) { try ages.validated(against: input) }
        var money = candidate
        money.budget = .init(amount: 100, currency: "rand", per_person: false)
        #expect(throws: TripCandidate.Invalid.self) { try money.validated(against: input) }
    }
}

extension String {
    /// The string with the first `target` replaced (test fixtures only).
    func replacingOnce(_ target: String, with replacement: String) -> String {
        var copy = self
        if let range = copy.firstRange(of: target) { copy.replaceSubrange(range, with: replacement) }
        return copy
    }
}
