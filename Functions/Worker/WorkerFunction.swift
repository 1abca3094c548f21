public import Integrations
public import RuntimeHTTPClient
internal import Logging
public import Runtime
internal import RuntimePostgres
internal import SharedPlatform
internal import Quoting

/// The `worker` executable: runs queued jobs (mail delivery, quote upkeep, the inbound email pipeline; provisioning
/// and exports register their kinds in ``registry(config:tenantKey:breaker:)``).
///
/// Start-up: read and validate configuration (exit 1 listing every problem), JSON logs on stderr, requeue this
/// worker's own jobs left `running` by a crash and other workers' stale ones, then ``WorkerConfig/concurrency``
/// threads each run a ``WorkerLoop``. SIGTERM/SIGINT/SIGHUP: every thread finishes its current job, then the
/// process exits 0.
public enum WorkerFunction {
    public static let name = "worker"

    /// The job kinds this worker runs.
    /// - Parameters:
    ///   - tenantKey: the tenant's own SendGrid key, from the provisioning store (none until it exists).
    ///   - breaker: the process's circuit breaker; with one, SendGrid calls go through a ``ResilientTransport``
    ///     (its circuit, one log line per call, no HTTP-level retries — the job queue retries mail).
    public static func registry(config: WorkerConfig, tenantKey: @escaping TenantMailKeyLookup = { _, _ in nil },
                                breaker: CircuitBreaker? = nil) -> JobRegistry {
        var registry = JobRegistry()
        let settings = config.mail
        var makeHTTP: (@Sendable () throws -> any ProviderTransport)?
        if let breaker {
            makeHTTP = { try sendGridTransport(settings: settings, breaker: breaker) }
        }
        registry.registerMail(settings: settings, tenantKey: tenantKey, makeHTTP: makeHTTP)
        registry.registerQuoteMaintenance()
        registry.registerInbound(settings: config.inbound)
        registry.registerKnowledgeIndexing(settings: config.knowledge, llm: config.llm)
        return registry
    }

    /// A thread's SendGrid transport: its own `HTTPClient`, the shared circuit, a single attempt per call.
    static func sendGridTransport(settings: MailSettings, breaker: CircuitBreaker) throws -> any ProviderTransport {
        let http = try HTTPClient(configuration: .init(timeout: settings.timeout, maxResponseBytes: 1 << 20,
                                                       allowPlainHTTPToLoopback: settings.allowLoopbackHTTP))
        let provider = try ProviderClient(name: "sendgrid", baseURL: settings.sendGridBaseURL, http: http,
                                          retry: .never, breaker: breaker, logger: Logger(label: name))
        return ResilientTransport(provider)
    }

    /// Runs until a termination signal; returns the exit code.
    public static func run(environment: Environment = Environment(),
                           tenantKey: @escaping TenantMailKeyLookup = { _, _ in nil }) -> Int32 {
        WorkerSignals.block()
        let config = WorkerConfig(environment: environment)
        let level = Logger.Level(rawValue: config.logLevel) ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        var logger = Logger(label: name)
        logger[metadataKey: "function"] = .string(name)
        logger[metadataKey: "worker.id"] = .string(config.workerID)
        do {
            try environment.validate()
            if config.mail.smtpURL != nil { _ = try MailTransports(settings: config.mail).smtpClient() }
        } catch {
            logger.critical("cannot start", metadata: ["error": .string(String(describing: error))])
            return 1
        }
        let breaker: CircuitBreaker
        do { breaker = try CircuitBreaker() } catch {
            logger.critical("cannot start", metadata: ["error": .string(error.description)])
            return 1
        }
        let registry = registry(config: config, tenantKey: tenantKey, breaker: breaker)
        let threadLogger = logger
        recover(config: config, logger: logger)
        let stop = StopFlag()
        var threads: [PThread] = []
        for index in 0..<config.concurrency {
            guard let thread = try? PThread.start({
                WorkerLoop(config: config, registry: registry, thread: index, stop: stop, logger: threadLogger).run()
            }) else {
                logger.critical("cannot start worker thread")
                stop.set()
                threads.forEach { $0.join() }
                return 1
            }
            threads.append(thread)
        }
        logger.info("worker started", metadata: ["worker.concurrency": .stringConvertible(config.concurrency),
                                                 "job.kinds": .string(registry.kinds.joined(separator: ",")),
                                                 "mail.fallback": .string(config.mail.fallbackName),
                                                 "inbound.extractor": .string(config.inbound.llm == nil ? "rules" : "llm")])
        var lastRecovery = ContinuousClock.now
        while true {
            if let signal = WorkerSignals.wait(timeout: .seconds(1)) {
                logger.info("stopping after the current jobs", metadata: ["signal": .stringConvertible(signal)])
                break
            }
            if ContinuousClock.now - lastRecovery > .seconds(60) {
                recover(config: config, logger: logger, ownJobs: false)
                lastRecovery = .now
            }
        }
        stop.set()
        wake(config: config, logger: logger)
        threads.forEach { $0.join() }
        logger.info("worker stopped")
        return 0
    }

    /// Queues this hour's quote upkeep and requeues jobs this worker id left `running` (it restarted, so they were interrupted) and jobs of any worker
    /// older than ``WorkerConfig/staleAfterSeconds``. Failures are logged; the periodic pass retries.
    static func recover(config: WorkerConfig, logger: Logger, ownJobs: Bool = true) {
        let database = Database(url: config.databaseURL, platformRole: config.platformRole, logger: logger)
        do {
            let (own, stale) = try database.asPlatform { connection -> (Int, Int) in
                let own = ownJobs ? try connection.query("""
                    UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END, run_at = now(),
                                    locked_at = NULL, locked_by = NULL, last_error = 'worker restarted during the job',
                                    updated_at = now()
                    WHERE status = 'running' AND split_part(locked_by, '/', 1) = \(config.workerID)
                    """).affectedRows : 0
                // The hourly upkeep chain, restarted if a run was lost (one job per hour, whoever queues it).
                try QuoteMaintenance.schedule(on: connection, hourOf: Timestamp.epochSeconds())
                return (own, try JobQueue.recoverStale(on: connection, olderThanSeconds: config.staleAfterSeconds))
            }
            if own + stale > 0 {
                logger.warning("requeued interrupted jobs", metadata: ["jobs.own": .stringConvertible(own),
                                                                       "jobs.stale": .stringConvertible(stale)])
            }
        } catch {
            logger.error("job recovery failed", metadata: ["error": .string(String(describing: error))])
        }
    }

    /// Wakes idle loops waiting on `LISTEN jobs` so they see the stop flag at once (else within the poll interval).
    private static func wake(config: WorkerConfig, logger: Logger) {
        let database = Database(url: config.databaseURL, platformRole: config.platformRole, logger: logger)
        _ = try? database.transaction { try $0.query("SELECT pg_notify(\(JobQueue.channel), 'worker.stop')") }
    }
}
