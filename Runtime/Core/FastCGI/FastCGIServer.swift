internal import CFastCGI
internal import Glibc
public import Logging

/// libfcgi's one-time library set-up; a global `let` runs exactly once, thread-safely.
private let fcgxInitResult: Int32 = FCGX_Init()

/// The PHP-FPM-style FastCGI server: one process, `threads` worker threads, each blocking on the listening
/// socket with its own `FCGX_Request` and its own `Services` (database connection, HTTP client).
///
/// Shutdown: SIGTERM, SIGINT and SIGHUP are blocked in every thread and taken by a `sigwait` thread, which
/// writes to a wake pipe. Idle workers wait in `poll` on the listening socket *and* that pipe, so they leave
/// at once; busy workers finish their request first. The listening socket itself is never shut down, so a
/// socket inherited from systemd keeps its queue for the next instance. `run` returns when every worker
/// has left; the caller then exits 0.
public enum FastCGIServer {
    /// Serves until a termination signal, then returns.
    ///
    /// - Parameters:
    ///   - makeServices: called once on each worker thread to build what that thread owns.
    /// - Throws: ``FastCGIError`` if the socket or threads cannot be set up (before anything is served).
    public static func run<Services>(
        config: ServerConfig, responder: Responder<Services>, logger: Logger,
        makeServices: @escaping @Sendable (Int) -> Services
    ) throws(FastCGIError) {
        guard fcgxInitResult == 0 else { throw .initFailed }
        signal(SIGPIPE, SIG_IGN)
        let signals = SignalSet.termination
        signals.block()

        let (listenFD, socketFile) = try openListeningSocket(config)
        var wake: [Int32] = [0, 0]
        guard pipe(&wake) == 0 else { throw .socketFailed(path: "wake pipe", errno: errno) }
        let (wakeRead, wakeWrite) = (wake[0], wake[1])
        _ = fcntl(wakeRead, F_SETFD, FD_CLOEXEC)
        _ = fcntl(wakeWrite, F_SETFD, FD_CLOEXEC)

        let signalThread = try PThread.start {
            let received = signals.wait()
            logger.notice("shutting down", metadata: ["signal": .stringConvertible(Int(received))])
            // New connections now fail at once (nginx tries the next server) instead of queueing behind
            // the requests still in flight.
            socketFile?.removeIfOurs()
            var byte: UInt8 = 1
            _ = Glibc.write(wakeWrite, &byte, 1)
        }
        _ = signalThread

        logger.notice("serving", metadata: [
            "socket": .string(config.socketPath ?? "fd 0"), "threads": .stringConvertible(config.threads),
            "backlog": .stringConvertible(Int(config.backlog)),
        ])
        var workers: [PThread] = []
        for index in 0..<config.threads {
            workers.append(try PThread.start {
                WorkerLoop(listenFD: listenFD, wakeFD: wakeRead, config: config, logger: logger)
                    .run(responder: responder, services: makeServices(index))
            })
        }
        for worker in workers { worker.join() }
        socketFile?.removeIfOurs()
        logger.notice("stopped")
    }

    /// Binds `config.socketPath` (replacing a stale socket file) or takes fd 0; sets it non-blocking so that
    /// several threads can wait on it with `poll` and the losers of a race simply return to waiting.
    static func openListeningSocket(_ config: ServerConfig) throws(FastCGIError) -> (Int32, SocketFile?) {
        let fd: Int32
        var socketFile: SocketFile?
        if let path = config.socketPath {
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK { unlink(path) }
            // Create the socket file with the requested mode from the start (no window with a wider mode).
            let oldMask = umask(~config.socketMode & 0o777)
            fd = FCGX_OpenSocket(path, config.backlog)
            umask(oldMask)
            guard fd >= 0 else { throw .socketFailed(path: path, errno: errno) }
            chmod(path, config.socketMode)
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
