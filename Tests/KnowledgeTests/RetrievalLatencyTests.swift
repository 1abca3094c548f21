import FoundationEssentials
import Knowledge
import RuntimePostgres
import Testing

/// Retrieval latency against an existing, already seeded tenant (`RETRIEVAL_BENCH_TENANT`, e.g. the 100,000 chunks
/// `deploy/lib/bench-helpdesk.sh` loads): every corpus question through ``Retriever``, p50/p95 printed. Off unless the
/// variable is set; `make bench` measures the same through the release helpdesk process (Server-Timing).
@Suite(.enabled(if: RetrievalTestDatabase.environment["RETRIEVAL_BENCH_TENANT"] != nil))
struct RetrievalLatencyTests {
    @Test func retrievalLatencyOnASeededTenant() throws {
        let tenant = try #require(RetrievalTestDatabase.environment["RETRIEVAL_BENCH_TENANT"])
        let corpus = try EvalCorpus.load()
        let questions = corpus.answerable.map(\.text) + corpus.unanswerable.map(\.text)
        let connection = try PGConnection(conninfo: try #require(RetrievalTestDatabase.environment["DATABASE_URL"]))
        var timings: [Double] = []
        var slowest: [(Double, String)] = []
        for round in 0..<2 {
            for question in questions {
                try connection.query("BEGIN")
                try RetrievalTestDatabase.scope(tenant, on: connection)
                let result = try Retriever.search(RetrievalQuery(question), on: connection)
                try connection.query("COMMIT")
                if round == 1 {
                    timings.append(result.elapsedMilliseconds)
                    slowest.append((result.elapsedMilliseconds, question))
                }
            }
        }
        timings.sort()
        let p50 = timings[timings.count / 2], p95 = timings[min(timings.count - 1, timings.count * 95 / 100)]
        print("retrieval latency (\(tenant), \(timings.count) searches): p50 \(Int(p50)) ms, p95 \(Int(p95)) ms, max \(Int(timings.last ?? 0)) ms")
        print("slowest: " + slowest.sorted { $0.0 > $1.0 }.prefix(5).map { "\(Int($0.0)) ms \($0.1)" }.joined(separator: " | "))
        #expect(!timings.isEmpty)
    }
}
