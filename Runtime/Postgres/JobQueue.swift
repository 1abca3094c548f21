/// A job claimed from the queue.
public struct Job: Sendable, Equatable {
    public let id: Int64
    public let tenantID: String?
    public let kind: String
    /// The payload as JSON text.
    public let payload: String
    /// Attempts so far, including the current one.
    public let attempts: Int
    public let maxAttempts: Int
}

/// The PostgreSQL-backed job queue (DESIGN §2 "Jobs") over the `jobs` table.
///
/// - Enqueue inside the caller's transaction, so a job exists exactly when the work that asked for it
///   committed; an idempotency key makes a repeated enqueue return the first job instead of a new one.
/// - Workers claim with `FOR UPDATE SKIP LOCKED` (many workers, no double claims), are woken by
///   `NOTIFY jobs`, and report success or failure. Failures retry with exponential backoff (2^attempts s,
///   at most an hour, with jitter) until `max_attempts`, then the job is `dead` for an operator to inspect.
/// - A worker that died mid-job leaves it `running`; ``recoverStale(on:olderThanSeconds:)`` requeues it.
///
/// The functions run on the caller's connection and transaction: the worker claims through
/// `Database.asPlatform` (jobs of every tenant); a tenant request enqueues through `withTenant` (RLS checks
/// that it enqueues only for itself).
public enum JobQueue {
    /// The channel `enqueue` notifies; its payload is the job kind.
    public static let channel = "jobs"

    /// Adds a job and returns its id (the existing job's id when `idempotencyKey` was used before).
    @discardableResult
    public static func enqueue(on connection: PGConnection, kind: String, payload: String = "{}", tenantID: String?,
                               idempotencyKey: String? = nil, delaySeconds: Int = 0, maxAttempts: Int = 8)
        throws(PGError) -> Int64
    {
        let inserted = try connection.query("""
            INSERT INTO jobs (tenant_id, kind, payload, idempotency_key, run_at, max_attempts)
            VALUES (\(tenantID), \(kind), \(payload)::jsonb, \(idempotencyKey),
                    now() + make_interval(secs => \(delaySeconds)), \(maxAttempts))
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """)
        let id: Int
        if let row = inserted.first {
            id = try row.int("id")
            try connection.query("SELECT pg_notify(\(channel), \(kind))")
        } else {
            guard let row = try connection.query("SELECT id FROM jobs WHERE idempotency_key = \(idempotencyKey)").first else {
                throw PGError(.queryFailed, serverMessage: "idempotent job exists but is not visible")
            }
            id = try row.int("id")
        }
        return Int64(id)
    }

    /// Claims the oldest due job (of `kinds`, when given) for `worker`, or nil when none is due.
    public static func claim(on connection: PGConnection, worker: String, kinds: [String]? = nil) throws(PGError) -> Job? {
        let filter = kinds.map { PGTextArray($0) }
        let result = try connection.query("""
            UPDATE jobs SET status = 'running', locked_at = now(), locked_by = \(worker), attempts = attempts + 1,
                            updated_at = now()
            WHERE id = (SELECT id FROM jobs
                        WHERE status = 'queued' AND run_at <= now() AND (\(filter)::text[] IS NULL OR kind = ANY(\(filter)::text[]))
                        ORDER BY run_at, id FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING id, tenant_id, kind, payload::text AS payload, attempts, max_attempts
            """)
        guard let row = result.first else { return nil }
        return Job(id: Int64(try row.int("id")), tenantID: row["tenant_id"], kind: try row.string("kind"),
                   payload: try row.string("payload"), attempts: try row.int("attempts"),
                   maxAttempts: try row.int("max_attempts"))
    }

    /// Marks a claimed job done.
    public static func complete(on connection: PGConnection, id: Int64) throws(PGError) {
        try connection.query("""
            UPDATE jobs SET status = 'done', locked_at = NULL, last_error = NULL, updated_at = now() WHERE id = \(id)
            """)
    }

    /// Records a failure: requeued with backoff, or `dead` once attempts are used up. Returns the new status.
    @discardableResult
    public static func fail(on connection: PGConnection, job: Job, error: String) throws(PGError) -> String {
        let dead = job.attempts >= job.maxAttempts
        let backoff = min(3600.0, Double(1 << min(job.attempts, 12))) * Double.random(in: 0.8...1.2)
        let message = String(error.prefix(2000))
        try connection.query("""
            UPDATE jobs SET status = \(dead ? "dead" : "queued"), locked_at = NULL, locked_by = NULL,
                            last_error = \(message), run_at = now() + make_interval(secs => \(backoff)), updated_at = now()
            WHERE id = \(job.id)
            """)
        return dead ? "dead" : "queued"
    }

    /// Requeues jobs left `running` for longer than `olderThanSeconds` (their worker died); returns how many.
    @discardableResult
    public static func recoverStale(on connection: PGConnection, olderThanSeconds: Int) throws(PGError) -> Int {
        try connection.query("""
            UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
                            locked_at = NULL, locked_by = NULL, last_error = 'worker stopped during the job', updated_at = now()
            WHERE status = 'running' AND locked_at < now() - make_interval(secs => \(olderThanSeconds))
            """).affectedRows
    }
}
