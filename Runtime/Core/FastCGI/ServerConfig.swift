/// How a function process serves FastCGI. Built once at start from the environment.
public struct ServerConfig: Sendable {
    /// Where to listen: a unix socket path, or nil for the inherited fd 0 (systemd `StandardInput=socket`).
    public var socketPath: String?
    /// Mode of the socket file created for `socketPath` (nginx's group must be able to connect).
    public var socketMode: UInt32
    /// Listen backlog; a full unix-socket backlog is an immediate 502 in nginx, so keep it large.
    public var backlog: Int32
    /// Worker threads, each with its own FastCGI request, database connection and HTTP client.
    public var threads: Int
    /// Largest request body read; larger ones get 413 without being read.
    public var maxBodyBytes: Int
    /// Time a handler has to answer (``Deadline``).
    public var requestTimeout: Duration

    public init(socketPath: String?, socketMode: UInt32 = 0o660, backlog: Int32 = 1024, threads: Int = 4,
                maxBodyBytes: Int = 1 << 20, requestTimeout: Duration = .seconds(30)) {
        self.socketPath = socketPath
        self.socketMode = socketMode
        self.backlog = backlog
        self.threads = threads
        self.maxBodyBytes = maxBodyBytes
        self.requestTimeout = requestTimeout
    }

    /// Reads `FCGI_SOCKET` (`unix:/path` or `/path`; unset = fd 0), `FCGI_SOCKET_MODE` (octal, 0660),
    /// `FCGI_BACKLOG` (1024), `FCGI_THREADS` (4), `MAX_BODY_BYTES` (`defaultMaxBody`) and
    /// `REQUEST_TIMEOUT_MS` (30000). Problems are recorded in `environment`.
    public static func from(_ environment: Environment, defaultMaxBody: Int = 1 << 20) -> ServerConfig {
        var path = environment.optionalString("FCGI_SOCKET")
        if let value = path, value.hasPrefix("unix:") { path = String(value.dropFirst(5)) }
        if let value = path, !value.hasPrefix("/") {
            environment.problem("FCGI_SOCKET must be an absolute path or unix:/absolute/path")
        }
        return ServerConfig(
            socketPath: path,
            socketMode: environment.octal("FCGI_SOCKET_MODE", default: 0o660),
            backlog: Int32(environment.int("FCGI_BACKLOG", default: 1024, in: 16...65535)),
            threads: environment.int("FCGI_THREADS", default: 4, in: 1...256),
            maxBodyBytes: environment.int("MAX_BODY_BYTES", default: defaultMaxBody, in: 1024...(512 << 20)),
            requestTimeout: .milliseconds(environment.int("REQUEST_TIMEOUT_MS", default: 30_000, in: 100...600_000)))
    }
}
