import Knowledge
import Runtime
import RuntimePostgres
import Testing

/// The database side of retrieval's scope (migration 0011): `knowledge_match` bypasses row-level security so the
/// GIN index can be used, and must therefore apply the read policy itself — to the caller's `app.tenant_id`, with no
/// argument that could widen it; `knowledge_common_lexemes` gives `travel_app` the statistics `pg_stats` hides.
@Suite(.enabled(if: RetrievalTestDatabase.enabled))
struct SearchFunctionTests {
    typealias DB = RetrievalTestDatabase

    /// Document titles `knowledge_match` returns for a lexeme in the current scope.
    static func matchedTitles(_ lexeme: String, publicOnly: Bool = false, on connection: PGConnection) throws -> Set<String> {
        let rows = try connection.query("""
            SELECT d.title FROM knowledge_match(quote_literal(\(lexeme))::tsquery, 'english', \(publicOnly), NULL, NULL, 100) m
                 JOIN knowledge_documents d ON d.id = m.document_id
            """)
        return Set(rows.all.compactMap { $0["title"] })
    }

    @Test func knowledgeMatchAppliesTheReadPolicyToTheCallersTenant() throws {
        try DB.scratch { connection in
            let a = try DB.makeTenant("fa", on: connection)
            let b = try DB.makeTenant("fb", on: connection)
            try DB.insert("A private", chunks: [("Rates", "The flamingo rate is private to A.")], tenant: a, on: connection)
            try DB.insert("A public", chunks: [("Rates", "The flamingo rate is public at A.")], tenant: a,
                          visibility: "public", on: connection)
            try DB.insert("B private", chunks: [("Rates", "The flamingo rate belongs to B.")], tenant: b, on: connection)
            try DB.insert("Global", chunks: [("Guide", "Flamingo season is June to October.")], tenant: nil, on: connection)

            try DB.scope(a, on: connection)
            #expect(try Self.matchedTitles("flamingo", on: connection) == ["A private", "A public", "Global"])
            #expect(try Self.matchedTitles("flamingo", publicOnly: true, on: connection) == ["A public"])
            try DB.scope(b, on: connection)
            #expect(try Self.matchedTitles("flamingo", on: connection) == ["B private", "Global"])
            // No tenant in scope: global knowledge only.
            try connection.query("SELECT set_config('app.tenant_id', '', true)")
            #expect(try Self.matchedTitles("flamingo", on: connection) == ["Global"])
        }
    }

    @Test func knowledgeMatchIsBoundedAndNotCallableByEveryone() throws {
        try DB.scratch { connection in
            let tenant = try DB.makeTenant("fl", on: connection)
            try DB.insert("Many", chunks: (0..<30).map { ("Part \($0)", "Heron walks number \($0).") }, tenant: tenant,
                          on: connection)
            let limited = try connection.query("""
                SELECT count(*) AS n FROM knowledge_match('heron'::tsquery, 'english', false, NULL, NULL, 7)
                """).first?["n"]
            #expect(limited == "7")
            let grantees = try connection.query("""
                SELECT string_agg(DISTINCT grantee, ',' ORDER BY grantee) AS who FROM information_schema.routine_privileges
                WHERE routine_name IN ('knowledge_match', 'knowledge_common_lexemes') AND privilege_type = 'EXECUTE'
                """).first?["who"] ?? ""
            #expect(!grantees.split(separator: ",").contains("PUBLIC"))
            #expect(grantees.contains("travel_app"))
        }
    }

    /// Commits (ANALYZE in a rolled-back transaction is invisible to other sessions) one tenant of made-up words,
    /// and removes it — statistics included — afterwards.
    @Test func commonLexemeStatisticsReachTheApplicationRole() throws {
        try DB.scratch { _ in }  // migrated
        let owner = try PGConnection(conninfo: try #require(DB.environment["DATABASE_OWNER_URL"]))
        let tenant = "rt-stats-" + String(RequestID.generate().prefix(8)).lowercased()
        try owner.query("INSERT INTO tenants (tenant_id, company_name) VALUES (\(tenant), 'Stats')")
        defer {
            _ = try? owner.query("DELETE FROM tenants WHERE tenant_id = \(tenant)")
            _ = try? owner.query("ANALYZE knowledge_chunks")
        }
        try DB.insert("Quokkazz", chunks: (0..<300).map { ("Part \($0)", "Quokkazz wibblefrop \($0).") },
                      tenant: tenant, on: owner)
        try owner.query("ANALYZE knowledge_chunks")
        let app = try PGConnection(conninfo: try #require(DB.environment["DATABASE_URL"]))
        let hidden = try app.query("""
            SELECT count(*) AS n FROM pg_stats WHERE tablename = 'knowledge_chunks' AND attname = 'tsv'
            """).first?["n"]
        #expect(hidden == "0", "pg_stats hides tables with row-level security from travel_app")
        let frequency = try app.query("SELECT frequency FROM knowledge_common_lexemes() WHERE lexeme = 'quokkazz'")
            .first?["frequency"].flatMap(Double.init)
        #expect((frequency ?? 0) > 0.1)
    }
}
