internal import Glibc

/// A small blocking FastCGI client over a unix socket, playing nginx's part in live tests.
///
/// One connection per request, no `FCGI_KEEP_CONN` (as our nginx config). Every socket call is bounded by
/// `timeout` (`SO_RCVTIMEO`/`SO_SNDTIMEO` plus an overall deadline), so a test never hangs on a stuck
/// server. Writes use `MSG_NOSIGNAL`. Safe to use from many threads at once: each call has its own socket.
public struct FastCGIClient: Sendable {
    /// The server's unix socket.
    public var socketPath: String
    /// The longest any one exchange may take, from connect to END_REQUEST.
    public var timeout: Duration

    /// A client for `socketPath`; it connects anew for every request.
    public init(socketPath: String, timeout: Duration = .seconds(10)) {
        self.socketPath = socketPath
        self.timeout = timeout
    }

    /// The CGI params nginx's `fastcgi_params` would send for this request (headers become `HTTP_*`).
    public static func params(method: String, uri: String, headers: [(name: String, value: String)] = [],
                              bodyLength: Int = 0) -> [(name: String, value: String)]
    {
        let query = uri.firstIndex(of: "?").map { String(uri[uri.index(after: $0)...]) } ?? ""
        let path = uri.firstIndex(of: "?").map { String(uri[..<$0]) } ?? uri
        var params: [(name: String, value: String)] = [
            ("REQUEST_METHOD", method), ("REQUEST_URI", uri), ("DOCUMENT_URI", path), ("QUERY_STRING", query),
            ("SERVER_PROTOCOL", "HTTP/1.1"), ("GATEWAY_INTERFACE", "CGI/1.1"), ("REMOTE_ADDR", "127.0.0.1"),
            ("CONTENT_LENGTH", bodyLength > 0 ? String(bodyLength) : ""),
        ]
        for (name, value) in headers {
            let key = name.uppercased().map { $0 == "-" ? "_" : $0 }
            if name.lowercased() == "content-type" {
                params.append(("CONTENT_TYPE", value))
            } else {
                params.append(("HTTP_" + String(key), value))
            }
        }
        return params
    }

    /// Sends one HTTP-like request and waits for the whole response.
    public func request(_ method: String = "GET", _ uri: String, headers: [(name: String, value: String)] = [],
                        body: [UInt8] = [], chunkSize: Int = FastCGIRecord.maxContentLength)
        throws(FastCGIClientError) -> FastCGIResponse
    {
        try send(params: Self.params(method: method, uri: uri, headers: headers, bodyLength: body.count), body: body,
                 chunkSize: chunkSize)
    }

    /// Sends BEGIN_REQUEST (responder), `params` and `body` as STDIN records of at most `chunkSize` bytes, then
    /// reads STDOUT/STDERR until END_REQUEST.
    ///
    /// If the server stops reading and closes early (a 413), the rest of the body is dropped and the answer
    /// already sent is still read.
    public func send(params: [(name: String, value: String)], body: [UInt8], chunkSize: Int = FastCGIRecord.maxContentLength)
        throws(FastCGIClientError) -> FastCGIResponse
    {
        let socket = try UnixSocket(path: socketPath, timeout: timeout)
        do {
            try socket.write(FastCGIRecord.request(params: params, body: body, chunkSize: chunkSize))
        } catch .socket(_, let code) where code == EPIPE || code == ECONNRESET {
            // The server answered without reading everything; its answer is in our receive buffer.
        }
        return try readResponse(socket)
    }

    /// Raw mode: sends `bytes` exactly, half-closes, and returns everything the server sent until it closed.
    public func exchange(raw bytes: [UInt8]) throws(FastCGIClientError) -> [UInt8] {
        let socket = try UnixSocket(path: socketPath, timeout: timeout)
        do { try socket.write(bytes) } catch .socket(_, let code) where code == EPIPE || code == ECONNRESET {}
        socket.shutdownWrite()
        var received: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        while let chunk = try socket.read() {
            received += chunk
            if ContinuousClock.now > deadline { throw .timedOut }
        }
        return received
    }

    /// Raw mode: sends `bytes` and closes the connection at once, reading nothing (a vanished client).
    public func sendAndDisconnect(raw bytes: [UInt8]) throws(FastCGIClientError) {
        let socket = try UnixSocket(path: socketPath, timeout: timeout)
        do { try socket.write(bytes) } catch .socket(_, let code) where code == EPIPE || code == ECONNRESET {}
    }

    /// Reads records incrementally until END_REQUEST.
    private func readResponse(_ socket: UnixSocket) throws(FastCGIClientError) -> FastCGIResponse {
        var buffer: [UInt8] = []
        var offset = 0
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        var received = 0
        let deadline = ContinuousClock.now + timeout
        while true {
            while buffer.count - offset >= 8 {
                let length = Int(buffer[offset + 4]) << 8 | Int(buffer[offset + 5])
                let total = 8 + length + Int(buffer[offset + 6])
                guard buffer.count - offset >= total else { break }
                let content = buffer[(offset + 8)..<(offset + 8 + length)]
                switch FastCGIRecord.Kind(rawValue: buffer[offset + 1]) {
                case .stdout: stdout += content
                case .stderr: stderr += content
                case .endRequest: return try FastCGIResponse(stdout: stdout, stderr: stderr, endRequestBody: Array(content))
                default: throw .protocolViolation("unexpected record type \(buffer[offset + 1])")
                }
                offset += total
            }
            if offset > 1 << 20 {
                buffer.removeFirst(offset)
                offset = 0
            }
            guard let chunk = try socket.read() else { throw .connectionClosed(received: received) }
            received += chunk.count
            buffer += chunk
            if ContinuousClock.now > deadline { throw .timedOut }
        }
    }
}

/// A connected `AF_UNIX` stream socket with send and receive timeouts; closed in `deinit`.
final class UnixSocket {
    private let fd: Int32

    init(path: String, timeout: Duration) throws(FastCGIClientError) {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .socket(call: "socket", errno: errno) }
        let (seconds, attoseconds) = timeout.components
        var interval = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw .socket(call: "connect (path too long)", errno: ENAMETOOLONG)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else { throw .socket(call: "connect", errno: errno) }
    }

    deinit { close(fd) }

    /// Writes all of `bytes`.
    func write(_ bytes: [UInt8]) throws(FastCGIClientError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                send(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                throw errno == EAGAIN || errno == EWOULDBLOCK ? .timedOut : .socket(call: "send", errno: errno)
            }
            offset += sent
        }
    }

    /// The next bytes received, or nil at end of stream.
    func read() throws(FastCGIClientError) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 { return Array(chunk[..<count]) }
            if count == 0 { return nil }
            if errno == EINTR { continue }
            if errno == ECONNRESET { return nil }
            throw errno == EAGAIN || errno == EWOULDBLOCK ? .timedOut : .socket(call: "recv", errno: errno)
        }
    }

    func shutdownWrite() { _ = shutdown(fd, Int32(SHUT_WR)) }
}
