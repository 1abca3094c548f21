import FoundationEssentials
import Knowledge
import Testing

@Suite struct AnswerTests {
    static func passage(_ content: String, title: String = "Palm Beach Resort & Spa, Zanzibar — fact sheet",
                        document: String = "doc-1", position: Int = 0, score: Double = 1) -> RetrievedPassage {
        RetrievedPassage(documentID: document, position: position, title: title, heading: "", content: content,
                         category: "hotels", visibility: "public", score: score, coverage: 1, matchedTerms: [])
    }

    static func result(_ passages: [RetrievedPassage], weights: [String: Double]) -> RetrievalResult {
        RetrievalResult(passages: passages, answerable: true, declineReason: nil, terms: Array(weights.keys),
                        termWeights: weights, method: "fts", elapsedMilliseconds: 1)
    }

    @Test func splitterKeepsTimesDecimalsAndAbbreviationsInsideSentences() {
        let text = "Check-in is at 14:00 and costs approx. USD 60 per room. The lagoon is 3.5 km long, e.g. a long walk! Is it?"
        #expect(SentenceSplitter.split(text) == [
            "Check-in is at 14:00 and costs approx. USD 60 per room.",
            "The lagoon is 3.5 km long, e.g. a long walk!",
            "Is it?",
        ])
        #expect(SentenceSplitter.split("Ask Dr. Moyo at St. Mary's. He knows U.S. rules well.") == [
            "Ask Dr. Moyo at St. Mary's.", "He knows U.S. rules well.",
        ])
    }

    @Test func onlyWholeCleanSentencesSurvive() {
        let text = """
            ## Arrival and departure
            - Check-in time is 14:00.
            Deluxe Garden Room; 48; 42 m²
            See /tmp/upload_8f3a/palm-beach.md for details.
            Late check-out until 18:00 costs USD 60 per room and must be requested
            Late check-out until 18:00 costs USD 60 per room.
            """
        #expect(SentenceSplitter.sentences(in: text) == ["Late check-out until 18:00 costs USD 60 per room."])
        #expect(!SentenceSplitter.isClean("Read **this** carefully now."))
        #expect(!SentenceSplitter.isClean("The file fact-sheet.pdf has it."))
        #expect(SentenceSplitter.isClean("Check-in time is 14:00."))
    }

    @Test func extractiveAnswerQuotesTheBestSentencesWithTheirTitle() throws {
        let content = """
            Palm Beach Resort & Spa is a 5-star beach resort on the east coast of Zanzibar.
            Check-in time is 14:00. Guests arriving early can use the arrival lounge.
            Check-out time is 11:00. Late check-out until 18:00 costs USD 60 per room.
            """
        let result = Self.result([Self.passage(content)], weights: ["check-in": 0.3, "check": 0.1, "time": 0.1, "palm": 0.25, "beach": 0.25])
        let answer = try #require(ExtractiveAnswer.answer(result))
        #expect(answer.text.hasPrefix("From *Palm Beach Resort & Spa, Zanzibar — fact sheet*: Check-in time is 14:00."))
        #expect(answer.sentences.count <= 3)
        #expect(!answer.text.contains("/"))
        #expect(!answer.text.contains("##"))
    }

    @Test func extractiveAnswerDropsDuplicatesAcrossPassages() throws {
        let sentence = "The deposit is 30% of the total package cost, payable within 3 days of accepting the quote."
        let result = Self.result([
            Self.passage(sentence, title: "Deposits and payment schedule", document: "a"),
            Self.passage(sentence, title: "Frequently asked questions", document: "b", position: 0, score: 0.9),
        ], weights: ["deposit": 0.6, "quot": 0.4])
        let answer = try #require(ExtractiveAnswer.answer(result))
        #expect(answer.sentences.count == 1)
        #expect(answer.text.components(separatedBy: sentence).count == 2)
    }

    @Test func extractiveAnswerIsNilWithoutAMatchingSentence() {
        let result = Self.result([Self.passage("Deluxe Garden Room; 48; 42 m²")], weights: ["room": 1])
        #expect(ExtractiveAnswer.answer(result) == nil)
    }

    @Test func citationsToMissingSourcesAreRemoved() {
        let checked = Citations.check("Check-in is at 14:00 [1]. Pets are welcome [7]. Wi-Fi is free [2, 9].", sourceCount: 2)
        #expect(checked.text == "Check-in is at 14:00 [1]. Pets are welcome. Wi-Fi is free [2].")
        #expect(checked.cited == [1, 2])
        #expect(checked.removed == 2)
        #expect(Citations.check("See [the guide] and [0].", sourceCount: 0).text == "See [the guide] and.")
        #expect(Citations.check("No sources at all.", sourceCount: 0).cited.isEmpty)
    }

    @Test func promptNumbersTheSourcesAndRestrictsTheModel() throws {
        let prompt = AnswerPrompt(question: "When is check-in?", sources: [
            Self.passage("Check-in time is 14:00."), Self.passage("Check-out time is 11:00.", title: "Second", document: "b"),
        ], company: "Demo Travel")
        #expect(prompt.messages.map(\.role) == ["system", "user"])
        let system = try #require(prompt.messages.first).content
        #expect(system.contains("ONLY the numbered sources"))
        #expect(system.contains("do not know"))
        let user = try #require(prompt.messages.last).content
        #expect(user.contains("[1] Palm Beach Resort & Spa, Zanzibar — fact sheet\nCheck-in time is 14:00."))
        #expect(user.contains("[2] Second\nCheck-out time is 11:00."))
        #expect(user.hasSuffix("Question: When is check-in?"))
    }

    @Test func declineSaysSoAndNamesAPerson() {
        let text = DeclineText.text(company: "Demo Travel", supportAddress: "support@demo.example.com")
        #expect(text.hasPrefix("I don't know"))
        #expect(text.contains("support@demo.example.com"))
        #expect(text.contains("Demo Travel"))
        #expect(DeclineText.text(company: nil, supportAddress: nil).contains("travel consultant"))
    }
}
