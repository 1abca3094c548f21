/// The one chat request of a grounded answer: a system prompt that restricts the model to numbered sources, and a
/// user message holding the sources `[1]…[n]` (title + passage) and the question.
///
/// Plain role/content pairs so this module needs no LLM client; the helpdesk turns them into its `ChatMessage`s.
public struct AnswerPrompt: Sendable, Equatable {
    /// One message: `system` or `user`.
    public struct Message: Sendable, Equatable {
        /// `system` or `user`.
        public let role: String
        /// The message text.
        public let content: String
    }

    /// The sources, in the numbering the prompt uses (source 1 is `sources[0]`).
    public let sources: [RetrievedPassage]
    /// The system prompt, then the user message with the numbered sources and the question.
    public let messages: [Message]

    /// Passage text sent per source, at most (the model needs the facts, not whole chapters).
    static let maxPassageCharacters = 1_500

    /// Builds the request over `sources` (in that order, numbered from 1), passages cut at 1,500 characters.
    /// - Parameters:
    ///   - company: the tenant's display name, for the assistant's voice.
    public init(question: String, sources: [RetrievedPassage], company: String) {
        self.sources = sources
        let system = """
            You are the helpdesk assistant of \(company). Answer the question using ONLY the numbered sources \
            provided. Cite the sources you use with their numbers in square brackets, like [1] or [2], right after \
            the facts they support. Be specific (names, times, prices, conditions) and brief: two to five sentences \
            of plain prose, no headings, no lists unless comparing options, no file names. If the sources do not \
            answer the question, say plainly that you do not know and that a person from \(company) can help; never \
            use general knowledge, guesses or the web.
            """
        let numbered = sources.enumerated().map { index, source in
            let passage = source.content.count > Self.maxPassageCharacters
                ? String(source.content.prefix(Self.maxPassageCharacters)) + "…" : source.content
            return "[\(index + 1)] \(source.title)\n\(passage)"
        }
        let user = "Sources:\n\n" + numbered.joined(separator: "\n\n") + "\n\nQuestion: " + question
        messages = [Message(role: "system", content: system), Message(role: "user", content: user)]
    }
}
