internal import RuntimePostgres
internal import Synchronization

/// A process-wide cache (60 s) of two slow-moving numbers ``TermStats`` needs on every search, so a search does not
/// pay for them (about 10 ms together at 100,000 chunks):
/// - the lexeme frequencies of `pg_stats.most_common_elems` for `knowledge_chunks.tsv` (platform-wide, refreshed by
///   ANALYZE), and
/// - the visible chunk count per scope (tenant, configuration, public-only, category), for IDF, and the text-search
///   configurations of the visible documents.
///
/// Only a cache: every process builds its own, a stale entry only shifts IDF weights slightly, and exact counts
/// (unknown and rare lexemes) are never cached.
enum TermStatistics {
    static let lifetime = Duration.seconds(60)
    private static let frequencies = Mutex<(values: [String: Double], at: ContinuousClock.Instant?)>(([:], nil))
    private static let totals = Mutex<[String: (value: Int, at: ContinuousClock.Instant)]>([:])
    private static let lists = Mutex<[String: (value: [String], at: ContinuousClock.Instant)]>([:])

    /// `load()` cached for 60 s per `kind` and scope (tenant, public-only, category).
    static func cached(_ kind: String, _ query: RetrievalQuery, on connection: PGConnection,
                       _ load: () throws -> [String]) throws -> [String] {
        let key = try scopeKey(kind, query, on: connection)
        let now = ContinuousClock.now
        if let value = lists.withLock({ $0[key].flatMap { now - $0.at < lifetime ? $0.value : nil } }) { return value }
        let value = try load()
        lists.withLock { cache in
            if cache.count > 10_000 { cache.removeAll() }
            cache[key] = (value, now)
        }
        return value
    }

    private static func scopeKey(_ kind: String, _ query: RetrievalQuery, on connection: PGConnection) throws -> String {
        let tenant = try connection.query("SELECT coalesce(current_setting('app.tenant_id', true), '') AS t").first?["t"] ?? ""
        return [kind, tenant, query.publicOnly ? "public" : "all", query.category ?? ""].joined(separator: "\u{1F}")
    }

    /// The platform-wide share of chunks holding each common lexeme (empty before the first ANALYZE); read through
    /// `knowledge_common_lexemes()` (migration 0011), as `pg_stats` hides tables with row-level security.
    static func commonFrequencies(on connection: PGConnection) throws -> [String: Double] {
        let now = ContinuousClock.now
        if let cached = frequencies.withLock({ $0.at.map { now - $0 < lifetime } == true ? $0.values : nil }) { return cached }
        let rows = try connection.query("SELECT lexeme, frequency AS freq FROM knowledge_common_lexemes()")
        var values: [String: Double] = [:]
        for row in rows.all {
            if let lexeme = row["lexeme"], let freq = row["freq"].flatMap(Double.init) { values[lexeme] = freq }
        }
        frequencies.withLock { $0 = (values, now) }
        return values
    }

    /// The chunks visible in `query`'s scope for `config` (the documents' `chunk_count`s).
    static func visibleChunks(_ query: RetrievalQuery, config: String, on connection: PGConnection) throws -> Int {
        let key = try scopeKey("chunks:" + config, query, on: connection)
        let now = ContinuousClock.now
        if let cached = totals.withLock({ $0[key].flatMap { now - $0.at < lifetime ? $0.value : nil } }) { return cached }
        let total = try connection.query("""
            SELECT coalesce(sum(chunk_count), 0)::bigint AS total FROM knowledge_documents d
            WHERE d.language = \(config)::regconfig AND (\(query.publicOnly) = false OR d.visibility = 'public')
              AND (\(query.category)::text IS NULL OR d.category = \(query.category))
            """).first?["total"].flatMap(Int.init) ?? 0
        totals.withLock { cache in
            if cache.count > 10_000 { cache.removeAll() }
            cache[key] = (total, now)
        }
        return total
    }
}
