internal import CCurl

/// The bytes going out and the server's reply lines coming back during one SMTP transfer, handed to libcurl as
/// callback userdata (`CURLOPT_READDATA`, `CURLOPT_HEADERDATA`).
///
/// Ownership: a stored property of ``CurlSMTPHandle``, passed with `Unmanaged.passUnretained`; the handle never
/// outlives it. Threading: the callbacks run inside `curl_easy_perform` on the calling thread; not Sendable.
/// See https://curl.se/libcurl/c/CURLOPT_READFUNCTION.html and https://curl.se/libcurl/c/CURLOPT_HEADERFUNCTION.html
/// (for SMTP, libcurl passes each server reply line to the header callback).
final class CurlSMTPExchange {
    /// The message (RFC 5322 bytes) libcurl reads for `DATA`; libcurl does the dot-stuffing and the final `.`.
    private var message: [UInt8] = []
    private var offset = 0
    /// Server reply lines, without CR LF, at most ``maxLines`` (the last ones are kept).
    private(set) var replyLines: [String] = []
    private static let maxLines = 64

    /// Starts a new exchange with `message` as the upload.
    func reset(message: [UInt8]) {
        self.message = message
        offset = 0
        replyLines = []
    }

    /// The userdata pointer for the callbacks. Unretained: ``CurlSMTPHandle`` owns the exchange.
    var userdata: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// `CURLOPT_READFUNCTION`: copies the next bytes of the message; returning 0 ends the upload.
    static let read: ccurl_data_cb = { buffer, size, count, userdata in
        guard let buffer, let userdata else { return 0 }
        let exchange = Unmanaged<CurlSMTPExchange>.fromOpaque(userdata).takeUnretainedValue()
        let length = min(size * count, exchange.message.count - exchange.offset)
        guard length > 0 else { return 0 }
        exchange.message.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + exchange.offset, byteCount: length)
        }
        exchange.offset += length
        return length
    }

    /// `CURLOPT_HEADERFUNCTION`: records one server reply line.
    static let reply: ccurl_data_cb = { data, size, count, userdata in
        let length = size * count
        guard let data, let userdata else { return length }
        let exchange = Unmanaged<CurlSMTPExchange>.fromOpaque(userdata).takeUnretainedValue()
        var line = Array(UnsafeRawBufferPointer(start: data, count: length))
        while let last = line.last, last == 13 || last == 10 { line.removeLast() }
        if !line.isEmpty {
            if exchange.replyLines.count == maxLines { exchange.replyLines.removeFirst() }
            exchange.replyLines.append(String(decoding: line.prefix(512), as: UTF8.self))
        }
        return length
    }
}
