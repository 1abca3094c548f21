internal import Glibc
public import Logging
public import Runtime

/// The real FastCGI server loop (``FastCGIServer``'s `serve`), run in-process on a unix socket in a fresh
/// temporary directory, for live tests with ``FastCGIClient``.
///
/// The loop runs on its own thread and touches no signal mask. ``stop(timeout:)`` triggers its stop
/// handle and waits for it to return; `deinit` only triggers it.
public final class FastCGITestServer: Sendable {
    /// The socket to connect to.
    public let socketPath: String
    private let directory: String
    private let stopHandle: FastCGIServer.StopHandle
    /// nil while serving, then how the loop ended (nil error = clean return).
    private let outcome = Locked<Result<Void, FastCGIError>?>(nil)

    /// Starts serving and waits until the socket accepts connections.
    ///
    /// - Throws: ``FastCGIClientError`` when the server cannot start or does not listen within 5 seconds.
    public init<Services>(
        responder: Responder<Services>, threads: Int = 4, maxBodyBytes: Int = 1 << 20, logger: Logger,
        makeServices: @escaping @Sendable (Int) -> Services
    ) throws(FastCGIClientError) {
        var template = Array("/tmp/fcgi-test-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) } })
        else { throw .socket(call: "mkdtemp", errno: errno) }
        directory = made
        socketPath = directory + "/fn.sock"
        do { stopHandle = try FastCGIServer.StopHandle() } catch { throw .protocolViolation("\(error)") }
        let config = ServerConfig(socketPath: socketPath, socketMode: 0o600, threads: threads, maxBodyBytes: maxBodyBytes,
                                  requestTimeout: responder.requestTimeout)
        let (stopHandle, outcome) = (stopHandle, outcome)
        let thread = try TestThread.start {
            let result: Result<Void, FastCGIError>
            do throws(FastCGIError) {
                try FastCGIServer.serve(config: config, responder: responder, logger: logger, until: stopHandle,
                                        makeServices: makeServices)
                result = .success(())
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
        }
        thread.detach()  // stop(timeout:) waits on `outcome`, so a stuck loop cannot hang the test
        try waitUntilListening()
    }

    deinit {
        stopHandle.trigger()
        if isStopped { rmdir(directory) }
    }

    /// A client for this server.
    public func client(timeout: Duration = .seconds(10)) -> FastCGIClient {
        FastCGIClient(socketPath: socketPath, timeout: timeout)
    }

    /// True once the serving loop has returned.
    public var isStopped: Bool { outcome.value != nil }

    /// Triggers the stop handle and waits up to `timeout` for the loop to return (in-flight requests finish
    /// first). True when it returned cleanly in time; the temporary directory is then removed.
    @discardableResult
    public func stop(timeout: Duration = .seconds(10)) -> Bool {
        stopHandle.trigger()
        let deadline = ContinuousClock.now + timeout
        while outcome.value == nil, ContinuousClock.now < deadline { TestThread.sleep(.milliseconds(5)) }
        guard case .success = outcome.value else { return false }
        rmdir(directory)
        return true
    }

    /// Connects (and at once disconnects, which costs a worker nothing) until the socket listens.
    private func waitUntilListening() throws(FastCGIClientError) {
        let deadline = ContinuousClock.now + .seconds(5)
        while true {
            if case .failure(let error) = outcome.value { throw .protocolViolation("server failed: \(error)") }
            do {
                _ = try UnixSocket(path: socketPath, timeout: .seconds(1))
                return
            } catch .socket(_, let code) where code == ENOENT || code == ECONNREFUSED {
                guard ContinuousClock.now < deadline else { throw .timedOut }
                TestThread.sleep(.milliseconds(5))
            }
        }
    }
}
