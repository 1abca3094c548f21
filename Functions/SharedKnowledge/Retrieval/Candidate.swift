/// A full-text candidate on its way through scoring, fusion and MMR.
struct Candidate: Equatable {
    var passage: RetrievedPassage
    /// `ts_rank_cd` against the OR query of all the question's lexemes.
    let rank: Double
    /// Question lexemes in the chunk's `tsv`.
    let chunkTerms: Set<String>
    /// Question lexemes in the document's title.
    let titleTerms: Set<String>
    /// The chunk's embedding, when it has one.
    let embedding: [Float]?
    /// Coverage of the question by chunk ∪ title (``TermWeights/coverage(_:)``).
    var coverage: Double = 0
    /// The order key: the full-text score, then the fused score when embeddings are used.
    var score: Double = 0

    /// The lexemes the passage answers for: its own and its title's.
    var terms: Set<String> { chunkTerms.union(titleTerms) }

    /// Weight of coverage against the relative `ts_rank_cd` in the full-text score.
    static let coverageWeight = 0.7

    /// Scores candidates of one configuration: 0.7 × coverage + 0.3 × rank / best rank; sorted best first.
    static func score(_ candidates: [Candidate], weights: TermWeights) -> [Candidate] {
        let best = candidates.map(\.rank).max() ?? 0
        return candidates.map { candidate in
            var scored = candidate
            scored.coverage = weights.coverage(candidate.terms)
            let relativeRank = best > 0 ? candidate.rank / best : 0
            scored.score = coverageWeight * scored.coverage + (1 - coverageWeight) * relativeRank
            scored.passage = scored.passage.rescored(score: scored.score, coverage: scored.coverage, terms: scored.terms)
            return scored
        }.sorted { $0.score > $1.score }
    }
}

extension RetrievedPassage {
    /// The same passage with new scores.
    func rescored(score: Double, coverage: Double? = nil, terms: Set<String>? = nil) -> RetrievedPassage {
        RetrievedPassage(documentID: documentID, position: position, title: title, heading: heading, content: content,
                         category: category, visibility: visibility, score: score, coverage: coverage ?? self.coverage,
                         matchedTerms: terms ?? matchedTerms)
    }
}
