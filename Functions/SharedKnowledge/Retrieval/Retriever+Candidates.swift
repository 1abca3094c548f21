internal import FoundationEssentials
internal import Runtime
internal import RuntimePostgres

extension Retriever {
    /// The best full-text candidates of one configuration, with the lexemes each chunk and its title contain.
    ///
    /// With web-search operators the chunk text plus its document title must match `websearch_to_tsquery`, so
    /// `-Nungwi` also excludes the Nungwi fact sheet's chunks that never repeat its name.
    /// Bounded: one statement; the inner query selects through the GIN index with the selective lexemes only
    /// and keeps the `query.candidates` best by `ts_rank_cd`; the outer query joins titles and intersects lexeme
    /// sets for those rows only.
    static func candidates(_ query: RetrievalQuery, config: String, terms: TermStats, text: QuestionText,
                           on connection: PGConnection) throws -> [Candidate] {
        let all = PGTextArray(terms.lexemes)
        let selective = terms.terms.filter { $0.documentFrequency <= commonLimit }.map(\.lexeme)
        let selecting = PGTextArray(selective.isEmpty
            ? terms.terms.sorted { $0.documentFrequency < $1.documentFrequency }.prefix(3).map(\.lexeme)
            : selective)
        let strict: String? = text.usesOperators ? text.original : nil
        let rows = try connection.query("""
            WITH q AS (
                SELECT array_to_string(ARRAY(SELECT quote_literal(l) FROM unnest(\(selecting)::text[]) l), ' | ')::tsquery AS pick,
                       array_to_string(ARRAY(SELECT quote_literal(l) FROM unnest(\(all)::text[]) l), ' | ')::tsquery AS rank_by
            ), hits AS (
                SELECT c.document_id, c.position, c.heading, c.content, c.visibility, c.tsv, c.embedding,
                       ts_rank_cd(c.tsv, q.rank_by, 1) AS rank
                FROM knowledge_chunks c, q
                WHERE c.tsv @@ q.pick AND c.language = \(config)::regconfig
                  AND (\(strict)::text IS NULL OR EXISTS (
                        SELECT 1 FROM knowledge_documents sd WHERE sd.id = c.document_id
                          AND (c.tsv || to_tsvector(\(config)::regconfig, sd.title))
                              @@ websearch_to_tsquery(\(config)::regconfig, \(strict))))
                  AND (\(query.publicOnly) = false OR c.visibility = 'public')
                  AND (\(query.category)::text IS NULL OR c.document_id IN (
                        SELECT id FROM knowledge_documents WHERE category = \(query.category)))
                ORDER BY rank DESC, c.document_id, c.position
                LIMIT \(query.candidates)
            )
            SELECT h.document_id::text AS document_id, h.position, h.heading, h.content, h.visibility, h.rank,
                   d.title, d.category, h.embedding::text AS embedding,
                   array_to_json(ARRAY(SELECT unnest(tsvector_to_array(h.tsv)) INTERSECT SELECT unnest(\(all)::text[])))::text
                       AS matched,
                   array_to_json(ARRAY(SELECT unnest(tsvector_to_array(to_tsvector(\(config)::regconfig, d.title)))
                                       INTERSECT SELECT unnest(\(all)::text[])))::text AS title_matched
            FROM hits h JOIN knowledge_documents d ON d.id = h.document_id
            ORDER BY h.rank DESC, h.document_id, h.position
            """)
        return try rows.all.map { row in
            Candidate(
                passage: RetrievedPassage(
                    documentID: try row.string("document_id"), position: try row.int("position"),
                    title: try row.string("title"), heading: row["heading"] ?? "", content: try row.string("content"),
                    category: row["category"], visibility: try row.string("visibility"), score: 0, coverage: 0,
                    matchedTerms: []),
                rank: Double(row["rank"] ?? "") ?? 0,
                chunkTerms: Set(Self.lexemes(row["matched"])),
                titleTerms: Set(Self.lexemes(row["title_matched"])),
                embedding: row["embedding"].flatMap(Self.vector))
        }
    }

    /// A JSON array of strings (`array_to_json` output); empty when absent or malformed.
    static func lexemes(_ json: String?) -> [String] {
        guard let json, let value = try? JSON.decode(JSONValue.self, from: Array(json.utf8)),
              case .array(let items) = value else { return [] }
        return items.compactMap(\.string)
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
