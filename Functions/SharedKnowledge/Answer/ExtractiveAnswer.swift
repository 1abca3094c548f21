/// The answer without an LLM: the best one to three whole sentences of the top passages, attributed to their
/// documents by title — never fragments, Markdown residue or file paths (seed-inventory §3.4's "robotic dumps").
///
/// Each clean sentence (``SentenceSplitter/sentences(in:)``) of the first ``passageLimit`` passages is scored by
/// the weight of the question's lexemes it contains (``RetrievalResult/termWeights``; a lexeme matches a word it
/// is a prefix of, as Snowball stems are, with `i`→`y` for "babi"/"baby"; lexemes of the document's title count a
/// tenth, since the title is shown anyway), plus a small bonus for the passage's rank. The best sentence is kept;
/// up to two more follow if they score at least half as well and add a lexeme the earlier ones lack. Near-duplicates
/// (same words) are dropped. Sentences are grouped by document:
/// `From *Title*: sentence sentence` — one line per document.
public enum ExtractiveAnswer {
    static let passageLimit = 3
    static let maxSentences = 3

    /// A chosen sentence and where it came from.
    public struct Sentence: Sendable, Equatable {
        /// The whole sentence, as written in the passage.
        public let text: String
        /// The document it comes from.
        public let documentID: String
        /// That document's title.
        public let title: String
    }

    /// The answer text and the sentences it quotes; nil when no passage has a clean sentence matching the question.
    public static func answer(_ result: RetrievalResult) -> (text: String, sentences: [Sentence])? {
        let sentences = pick(result)
        guard !sentences.isEmpty else { return nil }
        var order: [String] = []
        var grouped: [String: [Sentence]] = [:]
        for sentence in sentences {
            if grouped[sentence.documentID] == nil { order.append(sentence.documentID) }
            grouped[sentence.documentID, default: []].append(sentence)
        }
        let lines = order.compactMap { id -> String? in
            guard let group = grouped[id], let title = group.first?.title else { return nil }
            return "From *\(title)*: " + group.map(\.text).joined(separator: " ")
        }
        return (lines.joined(separator: "\n\n"), sentences)
    }

    /// The chosen sentences, best first.
    public static func pick(_ result: RetrievalResult) -> [Sentence] {
        var scored: [(score: Double, terms: Set<String>, sentence: Sentence)] = []
        for (rank, passage) in result.passages.prefix(passageLimit).enumerated() {
            let titleTerms = matchedTerms(passage.title, weights: result.termWeights)
            for text in SentenceSplitter.sentences(in: passage.content) {
                let terms = matchedTerms(text, weights: result.termWeights)
                // Words of the title name the document (shown anyway); the answer is in the other words.
                let weight = terms.reduce(0) { $0 + (result.termWeights[$1] ?? 0) * (titleTerms.contains($1) ? 0.1 : 1) }
                guard weight > 0 else { continue }
                scored.append((weight + 0.05 * Double(passageLimit - rank),
                               terms, Sentence(text: text, documentID: passage.documentID, title: passage.title)))
            }
        }
        scored.sort { $0.score > $1.score }
        guard let best = scored.first else { return [] }
        var chosen = [best]
        var covered = best.terms
        for candidate in scored.dropFirst() where chosen.count < maxSentences {
            guard candidate.score >= best.score / 2, !candidate.terms.isSubset(of: covered),
                  !chosen.contains(where: { isNearDuplicate($0.sentence.text, candidate.sentence.text) }) else { continue }
            chosen.append(candidate)
            covered.formUnion(candidate.terms)
        }
        return chosen.map(\.sentence)
    }

    /// The lexemes (stems) of `weights` that start one of the sentence's words.
    static func matchedTerms(_ sentence: String, weights: [String: Double]) -> Set<String> {
        let words = Set(sentence.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init))
        var matched = Set<String>()
        for lexeme in weights.keys {
            let alternative = lexeme.hasSuffix("i") ? String(lexeme.dropLast()) + "y" : lexeme
            if words.contains(where: { $0.hasPrefix(lexeme) || $0.hasPrefix(alternative) }) { matched.insert(lexeme) }
        }
        return matched
    }

    /// Two sentences with (nearly) the same words: Jaccard ≥ 0.8.
    static func isNearDuplicate(_ a: String, _ b: String) -> Bool {
        WordSet(a).jaccard(WordSet(b)) >= 0.8
    }
}
