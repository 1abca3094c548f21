internal import Glibc
public import Integrations
public import Knowledge
public import Runtime

/// The worker's configuration, read once at start-up (keys in Functions/Worker/README.md).
public struct WorkerConfig: Sendable {
    public var databaseURL: String
    public var platformRole: String
    /// This process's identity in `jobs.locked_by` (`<id>/<thread>`). Keep it stable and unique per instance: at
    /// start the worker requeues jobs its previous incarnation left `running`.
    public var workerID: String
    /// Worker threads, each with its own PostgreSQL connections and libcurl handles.
    public var concurrency: Int
    /// The longest idle wait between queue checks when no `NOTIFY jobs` arrives.
    public var pollInterval: Duration
    /// Jobs of *other* workers still `running` after this long are requeued (their worker is presumed dead).
    public var staleAfterSeconds: Int
    public var logLevel: String
    public var mail: MailSettings
    /// The inbound pipeline's settings (`inbound.process` jobs).
    public var inbound: InboundSettings
    /// Knowledge indexing (`knowledge.index` jobs): storage directory, limits, the PDF extractor.
    public var knowledge: KnowledgeSettings

    /// The model (`LLM_*`), shared by trip extraction and knowledge embeddings; nil without one.
    public var llm: LLMConfiguration? { inbound.llm }

    public init(databaseURL: String, platformRole: String = "travel_platform", workerID: String, concurrency: Int = 2,
                pollInterval: Duration = .seconds(5), staleAfterSeconds: Int = 900, logLevel: String = "info",
                mail: MailSettings = MailSettings(), inbound: InboundSettings = InboundSettings(),
                knowledge: KnowledgeSettings = KnowledgeSettings()) {
        self.databaseURL = databaseURL
        self.platformRole = platformRole
        self.workerID = workerID
        self.concurrency = concurrency
        self.pollInterval = pollInterval
        self.staleAfterSeconds = staleAfterSeconds
        self.logLevel = logLevel
        self.mail = mail
        self.inbound = inbound
        self.knowledge = knowledge
    }

    /// Reads `DATABASE_URL` (required), `DATABASE_PLATFORM_ROLE`, `WORKER_ID` (default `<hostname>-<pid>`),
    /// `WORKER_CONCURRENCY` (2, 1…64), `WORKER_POLL_MS` (5000), `WORKER_STALE_SECONDS` (900), `LOG_LEVEL` and the
    /// mail keys of ``MailSettings``, the inbound keys of ``InboundSettings`` and the knowledge keys of
    /// ``KnowledgeSettings``; problems are recorded in `environment`.
    public init(environment: Environment) {
        self.init(
            databaseURL: environment.required("DATABASE_URL"),
            platformRole: environment.string("DATABASE_PLATFORM_ROLE", default: "travel_platform"),
            workerID: environment.string("WORKER_ID", default: Self.defaultWorkerID()),
            concurrency: environment.int("WORKER_CONCURRENCY", default: 2, in: 1...64),
            pollInterval: .milliseconds(environment.int("WORKER_POLL_MS", default: 5000, in: 50...600_000)),
            staleAfterSeconds: environment.int("WORKER_STALE_SECONDS", default: 900, in: 30...86_400),
            logLevel: environment.choice("LOG_LEVEL", default: "info",
                                         from: ["trace", "debug", "info", "notice", "warning", "error", "critical"]),
            mail: MailSettings(environment: environment), inbound: InboundSettings(environment: environment),
            knowledge: KnowledgeSettings(environment: environment))
        if workerID.contains("/") || workerID.utf8.count > 100 {
            environment.problem("WORKER_ID must be at most 100 characters without /")
        }
    }

    private static func defaultWorkerID() -> String {
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, name.count - 1) == 0 ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "worker"
        return "\(host)-\(getpid())"
    }
}
