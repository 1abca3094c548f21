/// One retrieved passage (a chunk of a knowledge document) with its scores.
public struct RetrievedPassage: Sendable, Equatable {
    /// The document's id (uuid text).
    public let documentID: String
    /// The chunk's position in its document.
    public let position: Int
    /// The document's title, as shown to users ("Palm Beach Resort & Spa, Zanzibar — fact sheet").
    public let title: String
    /// The chunk's heading (section path), possibly empty.
    public let heading: String
    /// The chunk's text.
    public let content: String
    /// The document's category, if any.
    public let category: String?
    /// `private` or `public`.
    public let visibility: String
    /// The final score used for ordering, 0…1 (higher is better).
    public let score: Double
    /// The weighted share of the question's terms this passage (with its title) contains, 0…1.
    public let coverage: Double
    /// The question's lexemes this passage (with its title) contains.
    public let matchedTerms: Set<String>

    /// A passage as the retriever builds it (tests and other retrievers build them too).
    public init(documentID: String, position: Int, title: String, heading: String, content: String, category: String?,
                visibility: String, score: Double, coverage: Double, matchedTerms: Set<String>) {
        self.documentID = documentID
        self.position = position
        self.title = title
        self.heading = heading
        self.content = content
        self.category = category
        self.visibility = visibility
        self.score = score
        self.coverage = coverage
        self.matchedTerms = matchedTerms
    }
}

/// What ``Retriever/search(_:on:embed:)`` found.
public struct RetrievalResult: Sendable, Equatable {
    /// The passages, best first, diversified (MMR); at most `k`. Filled even when ``answerable`` is false, so a
    /// caller (the agent) can look, but the ask endpoint does not cite them then.
    public let passages: [RetrievedPassage]
    /// False when the relevance floor says the knowledge does not answer the question (see ``RelevanceFloor``).
    public let answerable: Bool
    /// The floor's reason when not answerable (`no_match`, `unknown_term`, `anchor_missing`, `low_coverage`).
    public let declineReason: String?
    /// The question's lexemes per text-search configuration, after stop-word removal and stemming.
    public let terms: [String]
    /// Each lexeme's share of the question's weight (IDF × kind, ``TermWeights``); used to pick answer sentences.
    public let termWeights: [String: Double]
    /// Which ranking produced the order: `fts`, or `fts+embedding` when vectors were fused.
    public let method: String
    /// Milliseconds spent inside the retriever (SQL and re-ranking).
    public let elapsedMilliseconds: Double

    /// A result as the retriever builds it (tests and other retrievers build them too).
    public init(passages: [RetrievedPassage], answerable: Bool, declineReason: String?, terms: [String],
                termWeights: [String: Double], method: String, elapsedMilliseconds: Double) {
        self.passages = passages
        self.answerable = answerable
        self.declineReason = declineReason
        self.terms = terms
        self.termWeights = termWeights
        self.method = method
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    /// The distinct document ids of ``passages``, in order.
    public var documentIDs: [String] {
        var seen = Set<String>()
        return passages.compactMap { seen.insert($0.documentID).inserted ? $0.documentID : nil }
    }
}
