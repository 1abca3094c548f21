internal import CFastCGI
internal import Glibc

/// Owns one libfcgi `FCGX_Request` (allocated at a stable address) for one worker thread.
///
/// Freed in `deinit` with `FCGX_Free(…, 1)`, which also closes a connection still open. Not Sendable: the
/// thread that created it is the only one to use it. See fcgiapp.h (`FCGX_InitRequest`, `FCGX_Accept_r`,
/// `FCGX_Finish_r`, `FCGX_GetStr`, `FCGX_PutStr`).
final class FCGXRequest {
    private let raw: UnsafeMutablePointer<FCGX_Request>

    init(listenFD: Int32) throws(FastCGIError) {
        raw = .allocate(capacity: 1)
        guard FCGX_InitRequest(raw, listenFD, 0) == 0 else {
            raw.deallocate()
            throw .initRequestFailed
        }
    }

    deinit {
        FCGX_Free(raw, 1)
        raw.deallocate()
    }

    /// Accepts a connection and reads the request's params: 0 on success, `-errno` on failure (`-EAGAIN` when
    /// the non-blocking listening socket had nothing, because another worker won the race).
    func accept() -> Int32 { FCGX_Accept_r(raw) }

    /// Completes the current request: flushes output and closes the connection.
    func finish() { FCGX_Finish_r(raw) }

    /// The FastCGI params of the current request, copied out.
    func params() -> [String: String] {
        var result: [String: String] = [:]
        guard var cursor = raw.pointee.envp else { return result }
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            cursor += 1
        }
        return result
    }

    /// Reads exactly `length` bytes of the request body; nil if the stream ends early.
    func readBody(length: Int) -> [UInt8]? {
        guard length > 0 else { return [] }
        var body = [UInt8](repeating: 0, count: length)
        var offset = 0
        while offset < length {
            let chunk = Int32(min(length - offset, 1 << 20))
            let read = body.withUnsafeMutableBytes { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -1 }
                return FCGX_GetStr(base.assumingMemoryBound(to: CChar.self) + offset, chunk, raw.pointee.in)
            }
            if read <= 0 { return nil }
            offset += Int(read)
        }
        return body
    }

    /// Writes `bytes` to the response stream. False if the peer has gone (nothing else to do then).
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let chunk = Int32(min(bytes.count - offset, 1 << 20))
            let written = bytes.withUnsafeBytes { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -1 }
                return FCGX_PutStr(base.assumingMemoryBound(to: CChar.self) + offset, chunk, raw.pointee.out)
            }
            if written < 0 { return false }
            offset += Int(written)
        }
        return true
    }
}

/// Failures of the FastCGI layer itself (a small closed set).
public enum FastCGIError: Error, CustomStringConvertible, Sendable {
    case initFailed
    case initRequestFailed
    case socketFailed(path: String, errno: Int32)
    case threadFailed(errno: Int32)

    public var description: String {
        switch self {
        case .initFailed: "FCGX_Init failed"
        case .initRequestFailed: "FCGX_InitRequest failed"
        case .socketFailed(let path, let code): "cannot listen on \(path): \(String(cString: strerror(code)))"
        case .threadFailed(let code): "cannot start a worker thread: \(String(cString: strerror(code)))"
        }
    }
}
