internal import FoundationEssentials
internal import Runtime
internal import RuntimePostgres

/// The question's lexemes in one text-search configuration, with how many visible chunks hold each (document
/// frequency) and the number of visible chunks: what ``TermWeights`` turns into IDF weights.
///
/// Counting is bounded: a lexeme the table statistics (`pg_stats.most_common_elems` of `tsv`, kept by ANALYZE,
/// cached by ``TermStatistics``) say is common — in more than ``Retriever/commonLimit`` of the visible chunks —
/// gets the statistics' estimate instead of a count; any other lexeme is counted through the GIN index up to
/// `commonLimit + 1`, so "unknown" (0) and "rare" are exact for the tenant. (The statistics cover all tenants: a word
/// common across the platform is taken as common, hence known, everywhere; without statistics everything is counted.)
struct TermStats: Equatable {
    struct Term: Equatable {
        let lexeme: String
        /// Chunks (in scope) containing it, at most `Retriever.commonLimit + 1`.
        let documentFrequency: Int
        /// From a capitalised word that does not start a sentence (a name).
        let named: Bool
        /// Part of what the question asks about (``QuestionText/focusWords``).
        let focus: Bool
    }

    let config: String
    let terms: [Term]
    /// Visible chunks in this configuration (from the documents' `chunk_count`).
    let chunkCount: Int

    var lexemes: [String] { terms.map(\.lexeme) }

    /// Stems `text` with `config`, then counts the chunks of each lexeme not known to be common (two statements).
    static func load(_ text: QuestionText, config: String, query: RetrievalQuery, on connection: PGConnection) throws -> TermStats {
        let named = text.namedWords.joined(separator: " ")
        let focus = text.focusWords.joined(separator: " ")
        let stemmed = try connection.query("""
            WITH named AS (
                SELECT unnest(tsvector_to_array(to_tsvector(\(config)::regconfig, \(named)))) AS lexeme
            ), focus AS (
                SELECT unnest(tsvector_to_array(to_tsvector(\(config)::regconfig, \(focus)))) AS lexeme
            )
            SELECT x.lexeme, x.lexeme IN (SELECT lexeme FROM named) AS named, x.lexeme IN (SELECT lexeme FROM focus) AS focus
            FROM unnest(tsvector_to_array(to_tsvector(\(config)::regconfig, \(text.positiveText)))) AS x(lexeme)
            ORDER BY x.lexeme LIMIT 64
            """)
        guard !stemmed.isEmpty else { return TermStats(config: config, terms: [], chunkCount: 1) }
        let total = try TermStatistics.visibleChunks(query, config: config, on: connection)
        let frequencies = try TermStatistics.commonFrequencies(on: connection)
        var estimates: [String: Int] = [:]
        for row in stemmed.all {
            guard let lexeme = row["lexeme"], let frequency = frequencies[lexeme] else { continue }
            let estimate = Int((frequency * Double(total)).rounded())
            if estimate > Retriever.commonLimit { estimates[lexeme] = estimate }
        }
        let toCount = stemmed.all.compactMap { $0["lexeme"] }.filter { estimates[$0] == nil }
        var counts: [String: Int] = [:]
        if !toCount.isEmpty {
            let rows = try connection.query("""
                SELECT x.lexeme, (SELECT count(*) FROM knowledge_match(
                        quote_literal(x.lexeme)::tsquery, \(config)::regconfig, \(query.publicOnly), \(query.category),
                        NULL, \(Retriever.commonLimit + 1))) AS df
                FROM unnest(\(PGTextArray(toCount))::text[]) AS x(lexeme)
                """)
            for row in rows.all { counts[try row.string("lexeme")] = try row.int("df") }
        }
        let terms = try stemmed.all.map { row in
            let lexeme = try row.string("lexeme")
            return Term(lexeme: lexeme, documentFrequency: estimates[lexeme] ?? counts[lexeme] ?? 0,
                        named: try row.bool("named"), focus: try row.bool("focus"))
        }
        let maxFrequency = terms.map(\.documentFrequency).max() ?? 0
        return TermStats(config: config, terms: terms, chunkCount: max(total, maxFrequency, 1))
    }
}
