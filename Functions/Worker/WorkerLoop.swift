public import Logging
internal import Runtime
internal import RuntimePostgres

/// One worker thread's loop: claim a due job, run its handler, record the result; sleep on `LISTEN jobs` (with
/// ``WorkerConfig/pollInterval`` as fallback) when the queue is empty.
///
/// Owns the thread's ``Database`` (claims and results go through `asPlatform`: jobs of every tenant), its
/// ``PGListener`` and its handlers; not Sendable — build it on the thread that runs it. ``run()`` returns once
/// the ``StopFlag`` is set, after finishing the current job.
public final class WorkerLoop {
    public let name: String
    private let config: WorkerConfig
    private let registry: JobRegistry
    private let stop: StopFlag
    private let logger: Logger
    private let database: Database
    private var handlers: [String: JobHandler]
    private var listener: PGListener?

    /// - Parameter thread: this loop's index; jobs are locked as `<workerID>/<thread>`.
    public init(config: WorkerConfig, registry: JobRegistry, thread: Int, stop: StopFlag, logger: Logger) {
        self.name = "\(config.workerID)/\(thread)"
        self.config = config
        self.registry = registry
        self.stop = stop
        var logger = logger
        logger[metadataKey: "worker.thread"] = .string(name)
        self.logger = logger
        self.database = Database(url: config.databaseURL, platformRole: config.platformRole, logger: logger)
        self.handlers = registry.makeHandlers(logger: logger)
    }

    /// Runs until the stop flag is set. Database outages are logged and waited out.
    public func run() {
        while !stop.isSet {
            do {
                if try runOnce() { continue }
                waitForWork()
            } catch {
                logger.error("worker loop failed; waiting", metadata: ["error": .string(String(describing: error))])
                listener = nil
                sleepInterruptibly(config.pollInterval)
            }
        }
    }

    /// Claims and runs at most one due job; false when none was due.
    @discardableResult
    public func runOnce() throws -> Bool {
        let claimed = try database.asPlatform { try JobQueue.claim(on: $0, worker: name, kinds: registry.kinds) }
        guard let job = claimed, let handler = handlers[job.kind] else { return false }
        var log = logger
        log[metadataKey: "job.id"] = .stringConvertible(job.id)
        log[metadataKey: "job.kind"] = .string(job.kind)
        log[metadataKey: "job.attempt"] = .stringConvertible(job.attempts)
        log[metadataKey: "tenant.id"] = job.tenantID.map { .string($0) } ?? .stringConvertible(LogNull.value)
        let started = ContinuousClock.now
        let failure: JobFailure?
        do {
            try handler(job, JobContext(database: database, logger: log))
            failure = nil
        } catch let error as JobFailure {
            failure = error
        } catch {
            failure = JobFailure(.retry(after: nil), String(describing: error))
        }
        let elapsed = started.duration(to: .now).components
        let duration = Int(elapsed.seconds) * 1000 + Int(elapsed.attoseconds / 1_000_000_000_000_000)
        guard let failure else {
            try database.asPlatform { try JobQueue.complete(on: $0, id: job.id) }
            log.info("job done", metadata: ["duration_ms": .stringConvertible(duration)])
            return true
        }
        let status = try database.asPlatform { connection -> String in
            switch failure.kind {
            case .permanent:
                try connection.query("""
                    UPDATE jobs SET status = 'dead', locked_at = NULL, locked_by = NULL, last_error = \(String(failure.reason.prefix(2000))),
                                    updated_at = now() WHERE id = \(job.id)
                    """)
                return "dead"
            case .retry(let after):
                let status = try JobQueue.fail(on: connection, job: job, error: failure.reason)
                if let after, status == "queued" {
                    try connection.query("""
                        UPDATE jobs SET run_at = greatest(run_at, now() + make_interval(secs => \(Double(after.components.seconds))))
                        WHERE id = \(job.id)
                        """)
                }
                return status
            }
        }
        log.warning("job failed", metadata: ["error": .string(failure.reason), "job.status": .string(status),
                                             "duration_ms": .stringConvertible(duration)])
        return true
    }

    /// Waits for `NOTIFY jobs` or the poll interval, whichever comes first.
    private func waitForWork() {
        let milliseconds = Int32(clamping: config.pollInterval.components.seconds * 1000
            + config.pollInterval.components.attoseconds / 1_000_000_000_000_000)
        do {
            if listener == nil { listener = try PGListener(conninfo: config.databaseURL, channels: [JobQueue.channel]) }
            _ = try listener?.wait(timeoutMilliseconds: milliseconds)
        } catch {
            logger.debug("job listener unavailable; polling", metadata: ["error": .string(String(describing: error))])
            listener = nil
            sleepInterruptibly(config.pollInterval)
        }
    }

    /// Sleeps in short steps so a stop request is seen within 100 ms.
    private func sleepInterruptibly(_ duration: Duration) {
        let end = ContinuousClock.now + duration
        while !stop.isSet, ContinuousClock.now < end {
            WorkerSignals.sleep(min(.milliseconds(100), end - .now))
        }
    }
}
