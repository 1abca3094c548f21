public import Runtime

/// What a FastCGI responder answered: the CGI response in its STDOUT stream, its STDERR, and END_REQUEST.
public struct FastCGIResponse: Sendable {
    /// From the `Status:` header; 200 when there is none (CGI/1.1 §6.3.3).
    public var status: Int
    /// The CGI response headers except `Status`.
    public var headers: Headers
    public var body: [UInt8]
    /// Everything the application wrote to FCGI_STDERR.
    public var stderr: [UInt8]
    /// END_REQUEST's application status and protocol status (0 = request complete).
    public var appStatus: UInt32
    public var protocolStatus: UInt8

    /// The body as UTF-8 text (lossy).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Builds a response from a whole conversation (all bytes the server sent).
    ///
    /// - Throws: ``FastCGIClientError`` `.protocolViolation` when there is no END_REQUEST or the CGI head is bad.
    public init(records bytes: [UInt8]) throws(FastCGIClientError) {
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        var end: FastCGIRecord.Decoded?
        for record in FastCGIRecord.decode(bytes).records where end == nil {
            switch FastCGIRecord.Kind(rawValue: record.kind) {
            case .stdout: stdout += record.content
            case .stderr: stderr += record.content
            case .endRequest: end = record
            default: throw .protocolViolation("unexpected record type \(record.kind)")
            }
        }
        guard let end, end.content.count >= 8 else { throw .protocolViolation("no END_REQUEST record") }
        try self.init(stdout: stdout, stderr: stderr, endRequestBody: end.content)
    }

    /// Builds a response from the STDOUT and STDERR streams and the END_REQUEST body (at least 8 bytes).
    public init(stdout: [UInt8], stderr: [UInt8], endRequestBody: [UInt8]) throws(FastCGIClientError) {
        guard endRequestBody.count >= 8 else { throw .protocolViolation("short END_REQUEST body") }
        appStatus = endRequestBody[0..<4].reduce(0) { $0 << 8 | UInt32($1) }
        protocolStatus = endRequestBody[4]
        self.stderr = stderr
        headers = Headers()
        status = 200
        var lineStart = 0
        while true {
            guard let newline = stdout[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw .protocolViolation("the CGI head has no blank line")
            }
            let lineEnd = newline > lineStart && stdout[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
            let line = String(decoding: stdout[lineStart..<lineEnd], as: UTF8.self)
            lineStart = newline + 1
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { throw .protocolViolation("CGI header without a colon") }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingPrefix(" ")
            if name.lowercased() == "status" {
                guard let code = value.split(separator: " ").first.flatMap({ Int($0) }) else {
                    throw .protocolViolation("bad Status line")
                }
                status = code
            } else {
                headers.add(name, String(value))
            }
        }
        body = Array(stdout[lineStart...])
    }
}

/// Why a FastCGI exchange failed on the client side.
public enum FastCGIClientError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A socket call failed; `errno` as reported.
    case socket(call: String, errno: Int32)
    /// Nothing arrived within the timeout.
    case timedOut
    /// The server closed the connection before END_REQUEST.
    case connectionClosed(received: Int)
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .socket(let call, let code): "\(call) failed with errno \(code)"
        case .timedOut: "timed out waiting for the server"
        case .connectionClosed(let received): "connection closed after \(received) bytes, before END_REQUEST"
        case .protocolViolation(let detail): "protocol violation: \(detail)"
        }
    }
}
