internal import CCurl

/// Collects one response's header lines and body from libcurl's callbacks, and enforces the body size cap.
///
/// Ownership: a stored property of ``CurlEasy``, which passes `Unmanaged.passUnretained(sink)` as
/// `CURLOPT_WRITEDATA`/`CURLOPT_HEADERDATA`; the easy handle never outlives its sink. Threading: the callbacks run
/// inside `curl_easy_perform` on the calling thread, so no locking is needed; not Sendable.
///
/// See https://curl.se/libcurl/c/CURLOPT_WRITEFUNCTION.html and https://curl.se/libcurl/c/CURLOPT_HEADERFUNCTION.html.
final class CurlResponseSink {
    /// Response body bytes received so far.
    private(set) var body: [UInt8] = []
    /// Header fields of the last status block (1xx and redirect blocks are discarded), names lower-cased.
    private(set) var headers: [(name: String, value: String)] = []
    /// Set when the write callback refused data because ``limit`` would have been exceeded.
    private(set) var limitExceeded = false
    /// The largest body accepted, in bytes.
    private var limit = 0

    /// Clears the previous response and sets the cap for the next one.
    func reset(limit: Int) {
        body = []
        headers = []
        limitExceeded = false
        self.limit = limit
    }

    /// Takes the collected body, leaving the sink empty (avoids a copy of large bodies).
    func takeBody() -> [UInt8] {
        defer { body = [] }
        return body
    }

    /// The userdata pointer for `CURLOPT_WRITEDATA`/`CURLOPT_HEADERDATA`. Unretained: ``CurlEasy`` owns the sink.
    var userdata: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// `CURLOPT_WRITEFUNCTION`: appends body bytes; returning less than `size * count` makes libcurl abort the
    /// transfer with `CURLE_WRITE_ERROR`, which we do once the cap would be exceeded.
    static let write: ccurl_data_cb = { data, size, count, userdata in
        let length = size * count
        guard let userdata else { return 0 }
        let sink = Unmanaged<CurlResponseSink>.fromOpaque(userdata).takeUnretainedValue()
        guard sink.body.count + length <= sink.limit else {
            sink.limitExceeded = true
            return 0
        }
        if let data, length > 0 {
            sink.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        }
        return length
    }

    /// `CURLOPT_HEADERFUNCTION`: receives one complete header line per call, including the status line and the
    /// final empty line of each block.
    static let header: ccurl_data_cb = { data, size, count, userdata in
        let length = size * count
        guard let userdata, let data else { return length }
        let sink = Unmanaged<CurlResponseSink>.fromOpaque(userdata).takeUnretainedValue()
        sink.addHeaderLine(Array(UnsafeRawBufferPointer(start: data, count: length)))
        return length
    }

    /// Parses one raw header line. A status line (`HTTP/1.1 100 Continue`, `HTTP/2 200`) starts a new block.
    func addHeaderLine(_ raw: [UInt8]) {
        var line = raw[...]
        while let last = line.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: "\n") { line.removeLast() }
        guard !line.isEmpty else { return }
        if line.starts(with: "HTTP/".utf8) {
            headers = []
            return
        }
        if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            // Obsolete line folding: a continuation of the previous field's value.
            guard !headers.isEmpty else { return }
            headers[headers.count - 1].value += " " + Self.trimmed(line)
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = Self.trimmed(line[..<colon]).lowercased()
        guard !name.isEmpty else { return }
        headers.append((name, Self.trimmed(line[line.index(after: colon)...])))
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }),
            let end = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(decoding: bytes[start...end], as: UTF8.self)
    }
}
