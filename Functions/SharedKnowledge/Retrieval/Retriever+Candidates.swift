internal import RuntimePostgres

extension Retriever {
    /// The most matching chunks scored for one question (a cap reached only by questions of very common words).
    static let matchLimit = 400
    /// The same when every lexeme is common (the AND of the three rarest still matches thousands at 100,000 chunks).
    static let commonMatchLimit = 150
    /// How many of them the cheap `ts_rank` keeps for `ts_rank_cd` (about 5× dearer per row).
    static let shortlistLimit = 60

    /// The best full-text candidates of one configuration, with the lexemes each chunk and its title contain.
    ///
    /// With web-search operators the chunk text plus its document title must match `websearch_to_tsquery`, so
    /// `-Nungwi` also excludes the Nungwi fact sheet's chunks that never repeat its name.
    /// Bounded, one statement: the GIN index selects (through `knowledge_match`, the scope's only way to the index
    /// under row-level security) with the selective lexemes (OR; AND of the three rarest when all are common); at most ``matchLimit`` matches (only `tsv` read) are ordered by the cheap `ts_rank`; its best
    /// ``shortlistLimit`` are re-ordered by `ts_rank_cd` (cover density: the question's words close together score
    /// higher; normalisation 1 divides by 1 + log(length) so long chunks do not win by size) and the best
    /// `query.candidates` kept; only those rows' text is fetched, titles joined and lexeme sets intersected.
    static func candidates(_ query: RetrievalQuery, config: String, terms: TermStats, text: QuestionText,
                           on connection: PGConnection) throws -> [Candidate] {
        let all = PGTextArray(terms.lexemes)
        let selective = terms.terms.filter { $0.documentFrequency <= commonLimit }.map(\.lexeme)
        // Every lexeme common: the chunks holding all of the three rarest (AND) instead of any.
        let selecting = PGTextArray(selective.isEmpty
            ? terms.terms.sorted { $0.documentFrequency < $1.documentFrequency }.prefix(3).map(\.lexeme)
            : selective)
        let joiner = selective.isEmpty ? " & " : " | "
        let limit = selective.isEmpty ? commonMatchLimit : matchLimit
        let strict: String? = text.usesOperators ? text.original : nil
        let rows = try connection.query("""
            WITH q AS (
                SELECT array_to_string(ARRAY(SELECT quote_literal(l) FROM unnest(\(selecting)::text[]) l), \(joiner))::tsquery AS pick,
                       array_to_string(ARRAY(SELECT quote_literal(l) FROM unnest(\(all)::text[]) l), ' | ')::tsquery AS rank_by
            ), matches AS (
                SELECT m.document_id, m.chunk_position AS position, m.tsv
                FROM q, knowledge_match(q.pick, \(config)::regconfig, \(query.publicOnly), \(query.category),
                                        \(strict), \(limit)) m
            ), shortlist AS (
                SELECT m.document_id, m.position, m.tsv FROM matches m, q
                ORDER BY ts_rank(m.tsv, q.rank_by, 1) DESC, m.document_id, m.position
                LIMIT \(shortlistLimit)
            ), hits AS (
                SELECT s.document_id, s.position, s.tsv, ts_rank_cd(s.tsv, q.rank_by, 1) AS rank FROM shortlist s, q
                ORDER BY rank DESC, s.document_id, s.position
                LIMIT \(query.candidates)
            )
            SELECT h.document_id::text AS document_id, h.position, k.heading, k.content, k.visibility, h.rank,
                   d.title, d.category, k.embedding::text AS embedding,
                   array_to_string(ARRAY(SELECT unnest(tsvector_to_array(h.tsv)) INTERSECT SELECT unnest(\(all)::text[])),
                                   ' ') AS matched,
                   array_to_string(ARRAY(SELECT unnest(tsvector_to_array(to_tsvector(\(config)::regconfig, d.title)))
                                         INTERSECT SELECT unnest(\(all)::text[])), ' ') AS title_matched
            FROM hits h JOIN knowledge_chunks k ON k.document_id = h.document_id AND k.position = h.position
                 JOIN knowledge_documents d ON d.id = h.document_id
            ORDER BY h.rank DESC, h.document_id, h.position
            """)
        let known = Set(terms.lexemes)
        return try rows.all.map { row in
            Candidate(
                passage: RetrievedPassage(
                    documentID: try row.string("document_id"), position: try row.int("position"),
                    title: try row.string("title"), heading: row["heading"] ?? "", content: try row.string("content"),
                    category: row["category"], visibility: try row.string("visibility"), score: 0, coverage: 0,
                    matchedTerms: []),
                rank: Double(row["rank"] ?? "") ?? 0,
                chunkTerms: Self.lexemes(row["matched"], of: known),
                titleTerms: Self.lexemes(row["title_matched"], of: known),
                embedding: row["embedding"].flatMap(Self.vector))
        }
    }

    /// The question lexemes in a space-separated list (`array_to_string` of an intersection with them). Lexemes
    /// made by `to_tsvector` hold no spaces; anything else in the list is ignored.
    static func lexemes(_ list: String?, of known: Set<String>) -> Set<String> {
        guard let list else { return [] }
        return Set(list.split(separator: " ").lazy.map(String.init).filter(known.contains))
    }

    /// A `real[]` in PostgreSQL's text form (`{0.1,-0.2,…}`); nil when absent or malformed.
    static func vector(_ text: String) -> [Float]? {
        guard text.hasPrefix("{"), text.hasSuffix("}") else { return nil }
        let parts = text.dropFirst().dropLast().split(separator: ",")
        var values: [Float] = []
        values.reserveCapacity(parts.count)
        for part in parts {
            guard let value = Float(part) else { return nil }
            values.append(value)
        }
        return values.isEmpty ? nil : values
    }
}
