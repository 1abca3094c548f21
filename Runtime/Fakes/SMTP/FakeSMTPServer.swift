internal import FoundationEssentials
internal import Glibc
internal import RuntimeTesting

/// A tiny SMTP server on 127.0.0.1 (plain TCP, kernel-chosen port) speaking enough of RFC 5321 for libcurl:
/// greeting, `EHLO`/`HELO`, `AUTH PLAIN`/`AUTH LOGIN`, `MAIL FROM`, `RCPT TO`, `DATA` (dot-unstuffed), `RSET`,
/// `NOOP`, `QUIT`. It records each delivered message and can be scripted to refuse recipients or the data.
///
/// The fake speaks no TLS: with ``advertisesStartTLS`` STARTTLS is offered but answered `454`, so a client that
/// requires TLS must fail — tests use this to prove STARTTLS is demanded. Connections are served one at a time on
/// one thread; ``stop()`` (or deinit) closes the sockets and joins it. Sendable.
public final class FakeSMTPServer: Sendable {
    /// One message as received.
    public struct Delivery: Sendable {
        public let mailFrom: String
        public let recipients: [String]
        /// The message bytes after `DATA`, dot-unstuffed, without the final `.` line.
        public let data: [UInt8]
        /// The `AUTH` user name, when the client authenticated.
        public let username: String?
        public var text: String { String(decoding: data, as: UTF8.self) }
    }

    /// Replies to script; nil means the normal `250`.
    public struct Script: Sendable {
        /// Reply to every `RCPT TO`, e.g. `550` (permanent) or `450` (temporary).
        public var recipientReply: Int?
        /// Reply after the data, e.g. `451` or `554`.
        public var dataReply: Int?
        public var advertisesStartTLS = false
        public init(recipientReply: Int? = nil, dataReply: Int? = nil, advertisesStartTLS: Bool = false) {
            self.recipientReply = recipientReply
            self.dataReply = dataReply
            self.advertisesStartTLS = advertisesStartTLS
        }
    }

    struct State: Sendable {
        var deliveries: [Delivery] = []
        var passwords: [String] = []
        var script = Script()
        var stopped = false
        var connection: Int32 = -1
    }

    /// A socket call that failed while starting the server.
    public struct StartError: Error, Sendable {
        public let call: String
        public let errno: Int32
    }

    public let port: Int
    let listenFD: Int32
    let state = Locked(State())
    private let thread: TestThread

    /// Starts listening and serving.
    /// - Throws: ``LoopbackHTTPServer/StartError`` when the socket cannot be bound or the thread started.
    public init(script: Script = Script()) throws(StartError) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw StartError(call: "socket", errno: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else {
            let error = StartError(call: "bind/listen", errno: errno)
            close(fd)
            throw error
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listenFD = fd
        state.withLock { $0.script = script }
        let state = self.state
        do {
            thread = try TestThread.start { Self.acceptLoop(fd, state: state) }
        } catch {
            close(fd)
            throw StartError(call: "pthread_create", errno: 0)
        }
    }

    deinit { stop() }

    /// `smtp://127.0.0.1:<port>` with optional credentials (`user:password@`).
    public func url(user: String? = nil, password: String? = nil) -> String {
        let credentials = user.map { "\($0):\(password ?? "")@" } ?? ""
        return "smtp://\(credentials)127.0.0.1:\(port)"
    }

    public var deliveries: [Delivery] { state.value.deliveries }
    /// Passwords presented with `AUTH` (tests assert they arrived, and that logs never hold them).
    public var passwords: [String] { state.value.passwords }
    public func setScript(_ script: Script) { state.withLock { $0.script = script } }

    /// Stops accepting, hangs up and joins the thread. Idempotent.
    public func stop() {
        let first = state.withLock { state -> Bool in
            guard !state.stopped else { return false }
            state.stopped = true
            shutdown(listenFD, Int32(SHUT_RDWR))
            if state.connection >= 0 { shutdown(state.connection, Int32(SHUT_RDWR)) }
            return true
        }
        guard first else { return }
        thread.join()
        close(listenFD)
    }

    private static func acceptLoop(_ listenFD: Int32, state: Locked<State>) {
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let open = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.connection = fd
                return true
            }
            if open {
                var session = FakeSMTPSession(fd: fd, state: state)
                session.run()
            }
            state.withLock { $0.connection = -1 }
            close(fd)
        }
    }
}
