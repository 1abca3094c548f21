/// Maximal marginal relevance (Carbonell & Goldstein): picks passages one at a time, each maximising
/// `λ · relevance − (1 − λ) · max similarity to those already picked`, so the top k are not near-duplicates
/// (overlapping adjacent chunks of one document, the same paragraph in two documents). Near-duplicates
/// (similarity ≥ ``duplicate``) go to the back whatever their relevance: MMR alone keeps a copy of a passage that
/// is much more relevant than anything else.
///
/// Relevance is the candidate's score (0…1). Similarity is the cosine of the embeddings when both have one,
/// otherwise the Jaccard index of their word sets (``WordSet``). O(k × candidates) similarity computations, bounded by the
/// candidate limit (≤ 200).
enum Diversity {
    static let lambda = 0.7
    /// Similarity from which a passage counts as a near-duplicate: it comes only after every other candidate.
    static let duplicate = 0.8

    static func select(_ candidates: [Candidate], k: Int) -> [Candidate] {
        guard candidates.count > 1 else { return Array(candidates.prefix(k)) }
        let words = candidates.map { WordSet($0.passage.content) }
        var remaining = Array(candidates.indices)
        var picked: [Int] = []
        while picked.count < k, !remaining.isEmpty {
            var bestIndex = 0
            var bestValue = -Double.infinity
            for (slot, index) in remaining.enumerated() {
                var redundancy = 0.0
                for other in picked {
                    redundancy = max(redundancy, similarity(candidates[index], candidates[other], words[index], words[other]))
                }
                var value = lambda * candidates[index].score - (1 - lambda) * redundancy
                if redundancy >= duplicate { value -= 10 }
                if value > bestValue {
                    bestValue = value
                    bestIndex = slot
                }
            }
            picked.append(remaining.remove(at: bestIndex))
        }
        return picked.map { candidates[$0] }
    }

    static func similarity(_ a: Candidate, _ b: Candidate, _ wordsA: WordSet, _ wordsB: WordSet) -> Double {
        if let x = a.embedding, let y = b.embedding, x.count == y.count { return RankFusion.cosine(x, y) }
        return wordsA.jaccard(wordsB)
    }
}
