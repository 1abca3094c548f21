/// Reciprocal-rank fusion of the full-text order with the embedding order (Cormack et al., k = 60).
///
/// No pgvector on Debian 12 (DESIGN §4): chunks store `embedding real[]` and the candidates the full-text search
/// found are re-ranked here by cosine similarity to the question's vector. A candidate without a vector (indexed
/// before embeddings were configured) keeps only its full-text contribution.
enum RankFusion {
    static let k = 60.0

    /// `candidates` (in full-text order) re-ordered by fused score; `score` is rescaled to 0…1.
    static func fuse(_ candidates: [Candidate], question: [Float]) -> [Candidate] {
        let byCosine = candidates.indices
            .compactMap { index -> (Int, Double)? in
                guard let vector = candidates[index].embedding else { return nil }
                return (index, cosine(vector, question))
            }
            .sorted { $0.1 > $1.1 }
        var fused = candidates.indices.map { 1 / (k + Double($0 + 1)) }
        for (rank, entry) in byCosine.enumerated() {
            fused[entry.0] += 1 / (k + Double(rank + 1))
        }
        let best = fused.max() ?? 1
        return candidates.indices.map { index in
            var candidate = candidates[index]
            candidate.score = best > 0 ? fused[index] / best : 0
            candidate.passage = candidate.passage.rescored(score: candidate.score)
            return candidate
        }.sorted { $0.score > $1.score }
    }

    /// Cosine similarity; 0 for vectors of different length or zero norm.
    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var dot = 0.0, normA = 0.0, normB = 0.0
        for index in a.indices {
            let x = Double(a[index]), y = Double(b[index])
            dot += x * y
            normA += x * x
            normB += y * y
        }
        guard normA > 0, normB > 0 else { return 0 }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }
}
