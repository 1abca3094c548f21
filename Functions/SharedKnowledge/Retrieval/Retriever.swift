internal import FoundationEssentials
public import RuntimePostgres

/// Hybrid retrieval over the knowledge base: PostgreSQL full-text search, optionally fused with embeddings,
/// diversified with MMR, and judged by a relevance floor.
///
/// 1. **Scope.** Runs on a connection inside `Database.withTenant(tenant)`: that tenant's chunks and the global
///    ones (`tenant_id IS NULL`), never another tenant's. Candidates are selected by the database function
///    `knowledge_match` (migration 0011: SECURITY DEFINER, so the GIN index can be used, which row-level security
///    forbids for `@@`; it applies the read policy's predicate to the caller's `app.tenant_id`); chunk text and titles
///    are then read through row-level security. ``RetrievalQuery/publicOnly`` keeps `visibility = 'public'` (the
///    widget); ``RetrievalQuery/category`` filters by document category.
/// 2. **Languages.** Chunks carry their document's text-search configuration (`language regconfig`). The question
///    is analysed once per configuration present in the visible documents (usually just `english`; `simple`,
///    `french`, … when such documents exist), and each configuration only searches its own chunks.
/// 3. **Candidates** (``Retriever/candidates(_:config:terms:on:)``): the question's lexemes (stop words removed,
///    stemmed) become an OR query, so a natural question matches passages holding any of its words; when the
///    question uses web-search syntax (`"phrase"`, `-word`) the chunk must also match
///    `websearch_to_tsquery`. The GIN index finds them; `ts_rank_cd` (normalisation 1: divided by 1 + log of the
///    length, so long chunks do not win by size) orders them and the best ``RetrievalQuery/candidates`` are
///    kept. Lexemes too common to select anything useful (in more than ``commonLimit`` chunks) are left out of the
///    selecting query but still count in the scores, which bounds the work at 100,000 chunks.
/// 4. **Score.** 0.7 × coverage (the IDF-weighted share of the question's lexemes found in the chunk or its
///    document title, ``TermWeights``) + 0.3 × `ts_rank_cd` relative to the best candidate.
/// 5. **Embeddings** (when `embed` is given and chunks have vectors): cosine similarity re-ranks the candidates
///    and reciprocal-rank fusion (k = 60) merges that order with the full-text order (``RankFusion``).
/// 6. **Diversity.** MMR (λ = 0.7) over the fused list, similarity = Jaccard of the chunks' word sets (cosine
///    when embeddings exist), so the top k are not adjacent chunks of one document saying the same thing.
/// 7. **Floor.** ``RelevanceFloor`` decides whether any candidate answers the question at all.
///
/// Threading: a static function; it uses only the connection it is given (one worker thread's).
public enum Retriever {
    /// A lexeme found in more chunks than this does not select candidates (it still scores them).
    static let commonLimit = 60

    /// Finds the passages that answer `query`.
    ///
    /// - Parameters:
    ///   - connection: a connection inside `Database.withTenant` (RLS scope: the tenant + global).
    ///   - embed: turns the question into a vector with the same model as the chunks' `embedding`; nil for
    ///     full-text search alone. If it throws, retrieval goes on without vectors.
    /// - Throws: ``PGError`` from the database.
    public static func search(_ query: RetrievalQuery, on connection: PGConnection,
                              embed: ((String) throws -> [Float])? = nil) throws -> RetrievalResult {
        let started = ContinuousClock.now
        let text = QuestionText(query.text)
        var scored: [Candidate] = []
        var allTerms: [String] = []
        var floorInputs: [RelevanceFloor.Input] = []
        for config in try configurations(query, on: connection) {
            let terms = try TermStats.load(text, config: config, query: query, on: connection)
            guard !terms.lexemes.isEmpty else { continue }
            allTerms += terms.lexemes
            let weights = TermWeights(terms)
            let found = try candidates(query, config: config, terms: terms, text: text, on: connection)
            let ranked = Candidate.score(found, weights: weights)
            floorInputs.append(RelevanceFloor.Input(weights: weights, candidates: ranked))
            scored += ranked
        }
        scored.sort { $0.score > $1.score }
        var method = "fts"
        if let embed, !scored.isEmpty, let vector = try? embed(query.text), !vector.isEmpty,
           scored.contains(where: { $0.embedding != nil }) {
            scored = RankFusion.fuse(scored, question: vector)
            method = "fts+embedding"
        }
        let decision = RelevanceFloor.decide(floorInputs)
        let picked = Diversity.select(scored, k: query.k)
        let elapsed = started.duration(to: .now)
        return RetrievalResult(
            passages: picked.map(\.passage), answerable: decision.answerable, declineReason: decision.reason,
            terms: allTerms, termWeights: floorInputs.reduce(into: [:]) { merged, input in
                for (lexeme, weight) in input.weights.weights { merged[lexeme] = weight / input.weights.total }
            }, method: method,
            elapsedMilliseconds: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }

    /// The text-search configurations of the visible documents, `english` when there are none (cached 60 s).
    static func configurations(_ query: RetrievalQuery, on connection: PGConnection) throws -> [String] {
        try TermStatistics.cached("configs", query, on: connection) { try loadConfigurations(query, on: connection) }
    }

    private static func loadConfigurations(_ query: RetrievalQuery, on connection: PGConnection) throws -> [String] {
        let rows = try connection.query("""
            SELECT DISTINCT language::text AS config FROM knowledge_documents
            WHERE status = 'indexed' AND (\(query.publicOnly) = false OR visibility = 'public')
              AND (\(query.category)::text IS NULL OR category = \(query.category))
            ORDER BY 1 LIMIT 8
            """)
        let configs = rows.all.compactMap { $0["config"] }
        return configs.isEmpty ? ["english"] : configs
    }
}
