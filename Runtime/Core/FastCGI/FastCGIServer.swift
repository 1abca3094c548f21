internal import CFastCGI
internal import Glibc
public import Logging

/// libfcgi's one-time library set-up; a global `let` runs exactly once, thread-safely.
private let fcgxInitResult: Int32 = FCGX_Init()

/// The PHP-FPM-style FastCGI server: one process, `threads` worker threads, each blocking on the listening
/// socket with its own `FCGX_Request` and its own `Services` (database connection, HTTP client).
///
/// Shutdown: a ``StopHandle`` is a wake pipe. Idle workers wait in `poll` on the listening socket *and* that
/// pipe, so they leave at once when it is triggered; busy workers finish their request first. The listening
/// socket itself is never shut down, so a socket inherited from systemd keeps its queue for the next
/// instance. ``run(config:responder:logger:makeServices:)`` triggers the handle from a `sigwait` thread;
/// tests trigger it directly through ``serve(config:responder:logger:until:makeServices:)``.
public enum FastCGIServer {
    /// Serves until a termination signal, then returns; the caller then exits 0.
    ///
    /// SIGTERM, SIGINT and SIGHUP are blocked in every thread and taken by a `sigwait` thread, which
    /// triggers the stop handle. SIGPIPE is ignored (a write to a vanished client fails with EPIPE).
    ///
    /// - Parameters:
    ///   - makeServices: called once on each worker thread to build what that thread owns.
    /// - Throws: ``FastCGIError`` if the socket or threads cannot be set up (before anything is served).
    public static func run<Services>(
        config: ServerConfig, responder: Responder<Services>, logger: Logger,
        makeServices: @escaping @Sendable (Int) -> Services
    ) throws(FastCGIError) {
        guard fcgxInitResult == 0 else { throw .initFailed }
        // Before any other thread starts, so that every thread inherits the mask and only sigwait sees them.
        let signals = SignalSet.termination
        signals.block()
        let stop = try StopHandle()
        let signalThread = try PThread.start {
            let received = signals.wait()
            logger.notice("shutting down", metadata: ["signal": .stringConvertible(Int(received))])
            stop.trigger()
        }
        _ = signalThread
        try serve(config: config, responder: responder, logger: logger, until: stop, makeServices: makeServices)
    }

    /// Serves until `stop` is triggered and every worker has finished its current request, then returns.
    ///
    /// The loop `run` uses, without touching signal masks or waiting for signals (only SIGPIPE is ignored),
    /// so a test process can run a real server on a temporary socket. A socket file it created is removed as
    /// soon as `stop` triggers — new connections then fail at once (nginx tries the next server) instead of
    /// queueing behind requests in flight — but only while it is still this process's socket, so a successor
    /// that already bound the same path keeps its socket. Its descriptor is closed before `serve` returns; an
    /// inherited fd 0 is left open.
    /// - Throws: ``FastCGIError`` if the socket or threads cannot be set up (before anything is served).
    package static func serve<Services>(
        config: ServerConfig, responder: Responder<Services>, logger: Logger, until stop: StopHandle,
        makeServices: @escaping @Sendable (Int) -> Services
    ) throws(FastCGIError) {
        guard fcgxInitResult == 0 else { throw .initFailed }
        signal(SIGPIPE, SIG_IGN)
        let (listenFD, socketFile) = try openListeningSocket(config)
        defer {
            if let socketFile {
                socketFile.removeIfOurs()
                close(listenFD)
            }
        }
        let unlinker = try PThread.start {
            var wake = pollfd(fd: stop.readFD, events: Int16(POLLIN), revents: 0)
            while poll(&wake, 1, -1) < 0 && errno == EINTR {}
            socketFile?.removeIfOurs()
        }
        logger.notice("serving", metadata: [
            "socket": .string(config.socketPath ?? "fd 0"), "threads": .stringConvertible(config.threads),
            "backlog": .stringConvertible(Int(config.backlog)),
        ])
        var workers: [PThread] = []
        defer {
            for worker in workers { worker.join() }
            unlinker.join()
            logger.notice("stopped")
        }
        for index in 0..<config.threads {
            do {
                workers.append(try PThread.start {
                    WorkerLoop(listenFD: listenFD, wakeFD: stop.readFD, config: config, logger: logger)
                        .run(responder: responder, services: makeServices(index))
                })
            } catch {
                stop.trigger()  // the workers already started leave, and are joined before the throw
                throw error
            }
        }
    }

    /// Tells a serving loop to stop: a pipe whose read end the workers poll; any write wakes them all.
    ///
    /// Triggering is idempotent and async-signal-safe (one `write`). The handle must outlive the loop it
    /// stops; both descriptors are closed in `deinit`.
    package final class StopHandle: Sendable {
        let readFD: Int32
        private let writeFD: Int32

        /// - Throws: ``FastCGIError/socketFailed(path:errno:)`` when no pipe can be created.
        package init() throws(FastCGIError) {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw .socketFailed(path: "wake pipe", errno: errno) }
            (readFD, writeFD) = (fds[0], fds[1])
            _ = fcntl(readFD, F_SETFD, FD_CLOEXEC)
            _ = fcntl(writeFD, F_SETFD, FD_CLOEXEC)
            _ = fcntl(writeFD, F_SETFL, O_NONBLOCK)  // a full pipe already means "stop"
        }

        deinit {
            close(readFD)
            close(writeFD)
        }

        /// Wakes every worker of the loop; they leave after their current request.
        package func trigger() {
            var byte: UInt8 = 1
            _ = Glibc.write(writeFD, &byte, 1)
        }
    }

    /// Binds `config.socketPath` (replacing a stale socket file) or takes fd 0; sets it non-blocking so that
    /// several threads can wait on it with `poll` and the losers of a race simply return to waiting.
    static func openListeningSocket(_ config: ServerConfig) throws(FastCGIError) -> (Int32, SocketFile?) {
        let fd: Int32
        var socketFile: SocketFile?
        if let path = config.socketPath {
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFSOCK { throw .socketFailed(path: path, errno: EEXIST) }
            // Bind under a temporary name and rename into place once listening: FCGX_OpenSocket binds (the file
            // appears) before it listens, and a connect in between would be refused. rename() also replaces a
            // stale socket atomically. The mode is right from the start (no window with a wider one).
            let temporary = path + ".\(getpid()).tmp"
            unlink(temporary)
            let oldMask = umask(~config.socketMode & 0o777)
            fd = FCGX_OpenSocket(temporary, config.backlog)
            umask(oldMask)
            guard fd >= 0 else { throw .socketFailed(path: path, errno: errno) }
            chmod(temporary, config.socketMode)
            guard rename(temporary, path) == 0 else {
                let code = errno
                close(fd)
                unlink(temporary)
                throw .socketFailed(path: path, errno: code)
            }
            socketFile = SocketFile(path: path)
        } else {
            fd = 0
        }
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw .socketFailed(path: config.socketPath ?? "fd 0", errno: errno)
        }
        return (fd, socketFile)
    }
}

/// The socket file a process bound, remembered by inode so that it never removes a successor's socket.
struct SocketFile: Sendable {
    let path: String
    let inode: UInt64

    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.path = path
        self.inode = UInt64(info.st_ino)
    }

    /// Unlinks the path if it is still the socket this process bound.
    func removeIfOurs() {
        var info = stat()
        if lstat(path, &info) == 0, UInt64(info.st_ino) == inode { unlink(path) }
    }
}

/// One worker thread's accept-serve loop.
private struct WorkerLoop {
    let listenFD: Int32
    let wakeFD: Int32
    let config: ServerConfig
    let logger: Logger

    func run<Services>(responder: Responder<Services>, services: Services) {
        let request: FCGXRequest
        do { request = try FCGXRequest(listenFD: listenFD) } catch {
            logger.critical("worker cannot start", metadata: ["error": .string("\(error)")])
            return
        }
        while waitForConnection() {
            let code = request.accept()
            if code < 0 {
                // -EAGAIN: another worker took the connection. Anything else: back off briefly.
                if code != -EAGAIN && code != -EWOULDBLOCK { usleep(10_000) }
                continue
            }
            serve(request, responder: responder, services: services)
            request.finish()
        }
    }

    /// Waits until the listening socket is readable (true) or shutdown was signalled (false).
    private func waitForConnection() -> Bool {
        while true {
            var fds = [pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return false
            }
            if fds[1].revents != 0 { return false }
            if fds[0].revents != 0 { return true }
        }
    }

    private func serve<Services>(_ connection: FCGXRequest, responder: Responder<Services>, services: Services) {
        let params = connection.params()
        var request = FastCGIParams.request(from: params)
        let response: Response
        switch FastCGIParams.contentLength(params) {
        case .none:
            response = responder.reject(request, HTTPError.badRequest("Content-Length is not a valid number."), logger: logger)
        case .some(let length) where length > config.maxBodyBytes:
            response = responder.reject(
                request,
                HTTPError(.payloadTooLarge, code: .payloadTooLarge,
                          message: "The request body is larger than \(config.maxBodyBytes) bytes."),
                logger: logger)
        case .some(let length):
            if let body = connection.readBody(length: length) {
                request.body = body
                response = responder.respond(to: request, services: services, logger: logger)
            } else {
                response = responder.reject(request, HTTPError.badRequest("The request body ended early."), logger: logger)
            }
        }
        connection.write(FastCGIParams.head(of: response) + response.body)
    }
}
