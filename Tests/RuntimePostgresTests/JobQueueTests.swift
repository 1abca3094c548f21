import RuntimePostgres
import Testing

@Suite(.enabled(if: TestDatabase.enabled), .serialized)
struct JobQueueTests {
    private func kind() -> String { "test-" + String(Int.random(in: 100_000...999_999)) }

    @Test func enqueueClaimComplete() throws {
        let tenant = try TestDatabase.makeTenant("jobs")
        defer { TestDatabase.dropTenant(tenant) }
        let database = try TestDatabase.database()
        let kind = kind()
        let id = try database.withTenant(tenant) { try JobQueue.enqueue(on: $0, kind: kind, payload: #"{"n": 1}"#, tenantID: tenant) }
        let job = try #require(try database.asPlatform { try JobQueue.claim(on: $0, worker: "w1", kinds: [kind]) })
        #expect(job.id == id)
        #expect(job.tenantID == tenant)
        #expect(job.attempts == 1)
        #expect(job.payload == #"{"n": 1}"#)
        #expect(try database.asPlatform { try JobQueue.claim(on: $0, worker: "w2", kinds: [kind]) } == nil)
        try database.asPlatform { try JobQueue.complete(on: $0, id: job.id) }
        let status = try database.asPlatform { try $0.query("SELECT status FROM jobs WHERE id = \(job.id)").first?["status"] }
        #expect(status == "done")
    }

    @Test func anIdempotencyKeyEnqueuesOnce() throws {
        let database = try TestDatabase.database()
        let kind = kind()
        let key = "idem-" + kind
        let first = try database.asPlatform { try JobQueue.enqueue(on: $0, kind: kind, tenantID: nil, idempotencyKey: key) }
        let second = try database.asPlatform { try JobQueue.enqueue(on: $0, kind: kind, tenantID: nil, idempotencyKey: key) }
        #expect(first == second)
        let count = try database.asPlatform { try $0.query("SELECT count(*) AS n FROM jobs WHERE kind = \(kind)").first?.int("n") }
        #expect(count == 1)
    }

    @Test func concurrentWorkersNeverClaimTheSameJob() throws {
        let kind = kind()
        let owner = try TestDatabase.owner()
        for _ in 0..<2 { try JobQueue.enqueue(on: owner, kind: kind, tenantID: nil) }
        // Two open transactions claim at the same time: SKIP LOCKED gives each a different job.
        let first = try TestDatabase.owner()
        let second = try TestDatabase.owner()
        try first.query("BEGIN")
        try second.query("BEGIN")
        let a = try JobQueue.claim(on: first, worker: "a", kinds: [kind])
        let b = try JobQueue.claim(on: second, worker: "b", kinds: [kind])
        try first.query("COMMIT")
        try second.query("COMMIT")
        #expect(a != nil && b != nil && a?.id != b?.id)
    }

    @Test func failuresBackOffThenDie() throws {
        let owner = try TestDatabase.owner()
        let kind = kind()
        try JobQueue.enqueue(on: owner, kind: kind, tenantID: nil, maxAttempts: 2)
        let first = try #require(try JobQueue.claim(on: owner, worker: "w", kinds: [kind]))
        #expect(try JobQueue.fail(on: owner, job: first, error: "boom") == "queued")
        #expect(try JobQueue.claim(on: owner, worker: "w", kinds: [kind]) == nil, "backoff: not due yet")
        try owner.query("UPDATE jobs SET run_at = now() WHERE id = \(first.id)")
        let second = try #require(try JobQueue.claim(on: owner, worker: "w", kinds: [kind]))
        #expect(second.attempts == 2)
        #expect(try JobQueue.fail(on: owner, job: second, error: "boom again") == "dead")
        let row = try owner.query("SELECT status, last_error FROM jobs WHERE id = \(first.id)").first
        #expect(row?["status"] == "dead")
        #expect(row?["last_error"] == "boom again")
    }

    @Test func staleRunningJobsAreRequeued() throws {
        let owner = try TestDatabase.owner()
        let kind = kind()
        try JobQueue.enqueue(on: owner, kind: kind, tenantID: nil)
        let job = try #require(try JobQueue.claim(on: owner, worker: "crashed", kinds: [kind]))
        try owner.query("UPDATE jobs SET locked_at = now() - interval '10 minutes' WHERE id = \(job.id)")
        #expect(try JobQueue.recoverStale(on: owner, olderThanSeconds: 300) >= 1)
        let again = try JobQueue.claim(on: owner, worker: "w", kinds: [kind])
        #expect(again?.id == job.id)
        #expect(again?.attempts == 2)
    }

    @Test func aTenantCannotEnqueueForAnother() throws {
        let a = try TestDatabase.makeTenant("ja")
        let b = try TestDatabase.makeTenant("jb")
        defer { TestDatabase.dropTenant(a); TestDatabase.dropTenant(b) }
        #expect(throws: PGError.self) {
            try TestDatabase.database().withTenant(a) { try JobQueue.enqueue(on: $0, kind: "x", tenantID: b) }
        }
    }
}
