/// Decides whether the knowledge answers the question at all, so the helpdesk can say "I don't know" instead of
/// quoting the nearest unrelated passage (seed-inventory §3.4).
///
/// The question is answerable when one of the ``topCandidates`` best full-text candidates passes these checks:
/// 1. **No unknown subject.** Every question lexeme that is not an everyday word (``GenericTerms``) and not a
///    hyphenated compound (its parts are checked instead) occurs somewhere in the visible knowledge (df > 0, or
///    in the title of a candidate's document).
///    "What time is check-in at the Zanzibar *Serena* Hotel?" names a hotel the knowledge has never mentioned.
///    Live-data words ("today", "forecast") count as unknown unless the passage's document contains them.
/// 2. **Names and focus present.** The names the question uses are in the passage's document (as far as the
///    candidates show it), and the words the question asks about (`which …`, `what is the …`, `how many …`) are in
///    the passage or its title: "What is the Wi-Fi *password* at the Waterfront Harbour Hotel?" is not answered by
///    the paragraph that says Wi-Fi is free; a Mauritius passage does not answer a question naming Bali.
/// 3. **Enough coverage.** At least ``minimumCoverage`` of the question's IDF weight (``TermWeights``) is in the
///    passage or its title.
///
/// Calibrated on the evaluation corpus (Tests/KnowledgeTests/Corpus) and checked on held-out questions written
/// separately (EvalTests); the numbers are in docs/fragments/retrieval.md. Typos and synonyms the knowledge does
/// not use ("jabs" for vaccinations) are declined: without an embedding model there is no evidence they match,
/// and an honest decline with a hand-off beats a guess.
enum RelevanceFloor {
    static let minimumCoverage = 0.3
    static let topCandidates = 10

    /// One configuration's weights and scored candidates (best first).
    struct Input {
        let weights: TermWeights
        let candidates: [Candidate]
    }

    struct Decision: Equatable {
        let answerable: Bool
        let reason: String?
    }

    static func decide(_ inputs: [Input]) -> Decision {
        var reason = "no_match"
        for input in inputs where !input.candidates.isEmpty {
            let verdict = check(input)
            if verdict == nil { return Decision(answerable: true, reason: nil) }
            if let verdict, reason == "no_match" { reason = verdict }
        }
        return Decision(answerable: false, reason: reason)
    }

    /// nil when a candidate passes; otherwise why the best one did not.
    static func check(_ input: Input) -> String? {
        let weights = input.weights
        let meaningful = weights.stats.terms.filter { !weights.isGeneric($0.lexeme) && !$0.lexeme.contains("-") }
        // Known = in some visible chunk, or in the title of a candidate's document (chunks need not repeat titles).
        let titles = input.candidates.reduce(into: Set<String>()) { $0.formUnion($1.titleTerms) }
        if meaningful.contains(where: {
            $0.documentFrequency == 0 && !titles.contains($0.lexeme) && !GenericTerms.live.contains($0.lexeme)
        }) {
            return "unknown_term"
        }
        var documentTerms: [String: Set<String>] = [:]
        for candidate in input.candidates {
            documentTerms[candidate.passage.documentID, default: []].formUnion(candidate.terms)
        }
        let live = weights.stats.terms.filter { GenericTerms.live.contains($0.lexeme) }.map(\.lexeme)
        let focus = meaningful.filter(\.focus).map(\.lexeme)
        let names = meaningful.filter(\.named).map(\.lexeme)
        let rareLimit = min(max(1, weights.stats.chunkCount / 200), Retriever.commonLimit)
        let rare = meaningful.filter { $0.documentFrequency > 0 && $0.documentFrequency <= rareLimit }.map(\.lexeme)
        var firstFailure: String?
        for candidate in input.candidates.prefix(topCandidates) {
            let terms = candidate.terms
            let failure: String?
            let document = documentTerms[candidate.passage.documentID] ?? []
            if live.contains(where: { !document.contains($0) }) {
                failure = "live_data"
            } else if names.contains(where: { !document.contains($0) }) {
                failure = "name_missing"
            } else if rare.contains(where: { !document.contains($0) }) {
                failure = "rare_term_elsewhere"
            } else if focus.contains(where: { !terms.contains($0) }) {
                failure = "focus_missing"
            } else if candidate.coverage < minimumCoverage {
                failure = "low_coverage"
            } else {
                return nil
            }
            if firstFailure == nil { firstFailure = failure }
        }
        return firstFailure ?? "no_match"
    }
}
