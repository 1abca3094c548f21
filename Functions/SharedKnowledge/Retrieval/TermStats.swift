internal import FoundationEssentials
internal import Runtime
internal import RuntimePostgres

/// The question's lexemes in one text-search configuration, with how many visible chunks hold each (document
/// frequency, counted through the GIN index and capped at ``Retriever/commonLimit``) and the number of visible
/// chunks: what ``TermWeights`` turns into IDF weights.
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

    /// Stems `text` with `config` and counts each lexeme's chunks, in one statement.
    static func load(_ text: QuestionText, config: String, query: RetrievalQuery, on connection: PGConnection) throws -> TermStats {
        let named = text.namedWords.joined(separator: " ")
        let focus = text.focusWords.joined(separator: " ")
        let rows = try connection.query("""
            WITH lexemes AS (
                SELECT DISTINCT l AS lexeme FROM unnest(tsvector_to_array(to_tsvector(\(config)::regconfig, \(text.positiveText)))) l
            ), named AS (
                SELECT unnest(tsvector_to_array(to_tsvector(\(config)::regconfig, \(named)))) AS lexeme
            ), focus AS (
                SELECT unnest(tsvector_to_array(to_tsvector(\(config)::regconfig, \(focus)))) AS lexeme
            )
            SELECT x.lexeme, x.lexeme IN (SELECT lexeme FROM named) AS named, x.lexeme IN (SELECT lexeme FROM focus) AS focus,
                   (SELECT count(*) FROM (
                        SELECT 1 FROM knowledge_chunks c
                        WHERE c.tsv @@ quote_literal(x.lexeme)::tsquery AND c.language = \(config)::regconfig
                          AND (\(query.publicOnly) = false OR c.visibility = 'public')
                          AND (\(query.category)::text IS NULL OR c.document_id IN (
                                SELECT id FROM knowledge_documents WHERE category = \(query.category)))
                        LIMIT \(Retriever.commonLimit + 1)) s) AS df,
                   (SELECT coalesce(sum(chunk_count), 0) FROM knowledge_documents d
                    WHERE d.language = \(config)::regconfig AND (\(query.publicOnly) = false OR d.visibility = 'public')
                      AND (\(query.category)::text IS NULL OR d.category = \(query.category))) AS total
            FROM lexemes x ORDER BY x.lexeme LIMIT 64
            """)
        var terms: [Term] = []
        var total = 0
        for row in rows.all {
            terms.append(Term(lexeme: try row.string("lexeme"), documentFrequency: try row.int("df"),
                              named: try row.bool("named"), focus: try row.bool("focus")))
            total = try row.int("total")
        }
        let maxFrequency = terms.map(\.documentFrequency).max() ?? 0
        return TermStats(config: config, terms: terms, chunkCount: max(total, maxFrequency, 1))
    }
}
