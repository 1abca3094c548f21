#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// How much each question lexeme matters, from its rarity in the visible knowledge and its kind.
///
/// Base weight: BM25's IDF, `ln(1 + (N − df + 0.5) / (df + 0.5))`, N = visible chunks. Then:
/// - ×0.5 for hyphenated compounds ("check-in", "year-old": PostgreSQL also indexes their parts),
/// - ×0.2 for ``GenericTerms`` (everyday words: "get", "someone", "much"),
/// - ×2 for names (``TermStats/Term/named``) and live-data words ("today", "forecast"),
/// - ×1.5 for other lexemes the knowledge has never seen (df = 0): a typo or a synonym, or a missing subject.
struct TermWeights: Equatable {
    let stats: TermStats
    let weights: [String: Double]
    let total: Double

    init(_ stats: TermStats) {
        self.stats = stats
        let generic = stats.config == "english" ? GenericTerms.english : []
        var weights: [String: Double] = [:]
        let n = Double(stats.chunkCount)
        for term in stats.terms {
            let df = Double(term.documentFrequency)
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            let factor: Double
            if term.lexeme.contains("-") {
                factor = 0.5
            } else if GenericTerms.live.contains(term.lexeme) || (term.named && !generic.contains(term.lexeme)) {
                factor = 2
            } else if generic.contains(term.lexeme) {
                factor = 0.2
            } else if term.documentFrequency == 0 {
                factor = 1.5
            } else {
                factor = 1
            }
            weights[term.lexeme] = max(idf, 0.01) * factor
        }
        self.weights = weights
        total = max(weights.values.reduce(0, +), 1e-9)
    }

    /// The weighted share of the question's lexemes in `terms`, 0…1.
    func coverage(_ terms: Set<String>) -> Double {
        terms.reduce(0) { $0 + (weights[$1] ?? 0) } / total
    }

    /// Whether `lexeme` is an everyday word (in this configuration).
    func isGeneric(_ lexeme: String) -> Bool {
        stats.config == "english" && GenericTerms.english.contains(lexeme)
    }
}
