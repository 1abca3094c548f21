public import Runtime
internal import Glibc
internal import Synchronization

/// A tiny HTTP/1.1 server on 127.0.0.1 at a kernel-chosen port, answering with scripted responses, for testing
/// HTTP clients without the internet (async-http-client's HTTPBin idea).
///
/// Each accepted connection is served by its own pthread; keep-alive is honoured. Request bodies must carry a
/// `Content-Length` (chunked requests are dropped). Every complete request is recorded before `respond` runs.
/// Ownership: the listening socket, connection sockets and threads are owned here and released by ``stop()`` or
/// `deinit`, which close the sockets and join every thread. Threading: Sendable (state behind a `Mutex`); `respond`
/// runs on connection threads, possibly concurrently.
public final class LoopbackHTTPServer: Sendable {
    /// A request as received.
    public struct RecordedRequest: Sendable {
        public var method: String
        /// The request target as sent, including any query string (`/v1/rates?currency=EUR`).
        public var path: String
        public var headers: Headers
        public var body: [UInt8]
    }

    /// What to do with a request: answer (after an optional delay) or drop the connection without answering.
    public struct ScriptedResponse: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// Wait this long before answering; the wait ends early (dropping the request) if the client hangs up.
        public var delay: Duration
        /// Close the connection instead of answering.
        public var dropsConnection: Bool
        /// Send no `Content-Length` and end the body by closing the connection.
        public var closeDelimited: Bool
        /// Called when the answer is about to be written, i.e. the client was still connected after `delay` (not
        /// when it hung up meanwhile, nor for ``drop(after:)``). Fakes count a request as accepted only then; it
        /// runs before the bytes are sent, so a client that has read the answer sees the effect.
        public var onAnswer: (@Sendable () -> Void)?

        /// An answer; `Content-Length` is added unless `closeDelimited`.
        public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], delay: Duration = .zero,
                    closeDelimited: Bool = false) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.dropsConnection = false
            self.closeDelimited = closeDelimited
            self.onAnswer = nil
        }

        /// An answer with a UTF-8 text body.
        public init(status: Int = 200, headers: [(String, String)] = [], text: String, delay: Duration = .zero) {
            self.init(status: status, headers: headers, body: Array(text.utf8), delay: delay)
        }

        /// Closes the connection, after `delay`, without sending anything.
        public static func drop(after delay: Duration = .zero) -> ScriptedResponse {
            var response = ScriptedResponse(delay: delay)
            response.dropsConnection = true
            return response
        }
    }

    /// A socket call that failed while starting the server.
    public struct StartError: Error, Sendable {
        public let call: String
        public let errno: Int32
    }

    /// The port the kernel chose.
    public let port: Int
    private let core: Core

    /// Starts listening and serving at once.
    /// - Parameter respond: Called once per request, on a connection thread.
    public init(respond: @escaping @Sendable (RecordedRequest) -> ScriptedResponse) throws(StartError) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw StartError(call: "socket", errno: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && listen(fd, 64) == 0
                    && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else {
            let error = StartError(call: "bind/listen", errno: errno)
            close(fd)
            throw error
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        core = Core(listenFD: fd, respond: respond)
        let code = core.state.withLock { core.spawn(locked: &$0) { [core] in core.acceptLoop() } }
        guard code == 0 else {
            core.stop()
            throw StartError(call: "pthread_create", errno: code)
        }
    }

    deinit { core.stop() }

    /// `http://127.0.0.1:<port><path>`.
    public func url(_ path: String = "/") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] { core.state.withLock { $0.requests } }

    /// Stops accepting, hangs up on open connections and joins every thread. Idempotent.
    public func stop() { core.stop() }

    /// The shared part the threads hold, so that `deinit` of the outer object can run while they exist.
    fileprivate final class Core: Sendable {
        struct State {
            var stopped = false
            var requests: [RecordedRequest] = []
            var openFDs: Set<Int32> = []
            var threads: [PThread] = []
        }
        let listenFD: Int32
        let respond: @Sendable (RecordedRequest) -> ScriptedResponse
        let state = Mutex(State())

        init(listenFD: Int32, respond: @escaping @Sendable (RecordedRequest) -> ScriptedResponse) {
            self.listenFD = listenFD
            self.respond = respond
        }

        func stop() {
            let threads: [PThread]? = state.withLock { state in
                guard !state.stopped else { return nil }
                state.stopped = true
                shutdown(listenFD, Int32(SHUT_RDWR))
                for fd in state.openFDs { shutdown(fd, Int32(SHUT_RDWR)) }
                return state.threads
            }
            guard let threads else { return }
            for thread in threads { thread.join() }
            close(listenFD)
        }

        func acceptLoop() {
            while true {
                let fd = accept(listenFD, nil, nil)
                if fd < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    return
                }
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                let started = state.withLock { state in
                    guard !state.stopped else { return false }
                    state.openFDs.insert(fd)
                    guard spawn(locked: &state, { [self] in serve(fd) }) == 0 else {
                        state.openFDs.remove(fd)
                        return false
                    }
                    return true
                }
                if !started { close(fd) }
            }
        }

        private func serve(_ fd: Int32) {
            defer { state.withLock { state in close(fd); state.openFDs.remove(fd) } }
            var buffer: [UInt8] = []
            while let request = Self.readRequest(fd, &buffer) {
                state.withLock { $0.requests.append(request) }
                let reply = respond(request)
                guard Self.waitWhileConnected(fd, reply.delay), !reply.dropsConnection else { return }
                reply.onAnswer?()
                guard Self.sendAll(fd, Self.encode(reply)), !reply.closeDelimited,
                    request.headers["connection"]?.lowercased() != "close"
                else { return }
            }
        }

        /// Starts a thread running `body` and records it for ``stop()`` to join; returns `pthread_create`'s code.
        func spawn(locked state: inout State, _ body: @escaping @Sendable () -> Void) -> Int32 {
            do {
                state.threads.append(try PThread.start(body))
                return 0
            } catch {
                guard case .threadFailed(let code) = error else { return -1 }
                return code
            }
        }
    }

}

/// The wire: just enough HTTP/1.1 parsing and writing for tests.
extension LoopbackHTTPServer.Core {
    /// Reads one request (head plus `Content-Length` body) into `buffer`; nil on EOF, error or malformed input.
    static func readRequest(_ fd: Int32, _ buffer: inout [UInt8]) -> LoopbackHTTPServer.RecordedRequest? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int? = nil
        while true {
            if buffer.count >= 4 {
                headEnd = (0...(buffer.count - 4)).first { buffer[$0..<$0 + 4].elementsEqual(separator) }
            }
            if headEnd != nil { break }
            guard buffer.count < 65_536, receive(fd, &buffer) else { return nil }
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers = Headers()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.add(String(line[..<colon]), String(value.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
        }
        guard headers["transfer-encoding"] == nil, let length = Int(headers["content-length"] ?? "0"),
            (0...(64 << 20)).contains(length)
        else { return nil }
        let bodyStart = headEnd + 4
        while buffer.count - bodyStart < length {
            guard receive(fd, &buffer) else { return nil }
        }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        return .init(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }

    /// Appends what one `recv` returns; false on EOF or error.
    private static func receive(_ fd: Int32, _ buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
    }

    /// Sleeps for `delay` unless the peer hangs up (or ``stop()`` shuts the socket) first; true if still connected.
    static func waitWhileConnected(_ fd: Int32, _ delay: Duration) -> Bool {
        let end = ContinuousClock.now + delay
        while ContinuousClock.now < end {
            let (seconds, attoseconds) = (end - .now).components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            // POLLRDHUP (0x2000, GNU-only so not imported): the peer closed its side; POLLHUP/POLLERR always count.
            var entry = pollfd(fd: fd, events: 0x2000, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return false }
            if ready < 0 && errno != EINTR { return false }
        }
        return true
    }

    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { all in
                let rest = UnsafeRawBufferPointer(rebasing: all[offset...])
                return send(fd, rest.baseAddress, rest.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    static func encode(_ reply: LoopbackHTTPServer.ScriptedResponse) -> [UInt8] {
        var head = "HTTP/1.1 \(reply.status) Scripted\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        head += reply.closeDelimited ? "Connection: close\r\n" : "Content-Length: \(reply.body.count)\r\n"
        return Array((head + "\r\n").utf8) + reply.body
    }
}
