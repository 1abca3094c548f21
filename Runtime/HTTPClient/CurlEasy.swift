internal import CCurl

/// `curl_global_init`, run lazily and exactly once (Swift global `let`s are initialised once, thread-safely) by the
/// first ``CurlEasy/init()``. See https://curl.se/libcurl/c/curl_global_init.html.
let curlGlobalInitCode = Int(curl_global_init(Int(CURL_GLOBAL_DEFAULT)).rawValue)

/// Performs blocking HTTP transfers, one at a time, on one libcurl easy handle.
///
/// Ownership: the handle and its error buffer belong to a ``CurlHandle``; everything else libcurl keeps a pointer to
/// lives in stored properties here: the ``CurlResponseSink`` (callback userdata) and the header ``CurlSList``. Each
/// transfer starts with ``CurlHandle/reset(host:)`` (`curl_easy_reset`), which clears options but keeps the
/// connection and DNS caches, so a reused handle reuses its keep-alive connections.
///
/// Threading: an easy handle must never be used by two threads at once, so this class is not Sendable; each worker
/// thread builds its own (via ``HTTPClient``).
///
/// Options set on every transfer (after the reset):
/// - https://curl.se/libcurl/c/CURLOPT_ERRORBUFFER.html — our 256-byte buffer, copied out on failure.
/// - https://curl.se/libcurl/c/CURLOPT_NOSIGNAL.html — 1: no signals from a multi-threaded process.
/// - https://curl.se/libcurl/c/CURLOPT_PROTOCOLS_STR.html and
///   https://curl.se/libcurl/c/CURLOPT_REDIR_PROTOCOLS_STR.html — `http,https` only.
/// - https://curl.se/libcurl/c/CURLOPT_FOLLOWLOCATION.html — 0: redirects are returned, not followed.
/// - https://curl.se/libcurl/c/CURLOPT_NOPROXY.html — loopback never goes through an environment proxy.
/// - https://curl.se/libcurl/c/CURLOPT_CONNECTTIMEOUT_MS.html and https://curl.se/libcurl/c/CURLOPT_TIMEOUT_MS.html.
/// - https://curl.se/libcurl/c/CURLOPT_MAXFILESIZE_LARGE.html — early refusal when Content-Length exceeds the cap;
///   the write callback enforces the cap for bodies without a length.
/// - https://curl.se/libcurl/c/CURLOPT_WRITEFUNCTION.html, https://curl.se/libcurl/c/CURLOPT_HEADERFUNCTION.html.
/// - https://curl.se/libcurl/c/CURLOPT_URL.html, https://curl.se/libcurl/c/CURLOPT_HTTPHEADER.html,
///   https://curl.se/libcurl/c/CURLOPT_NOBODY.html, https://curl.se/libcurl/c/CURLOPT_CUSTOMREQUEST.html,
///   https://curl.se/libcurl/c/CURLOPT_POSTFIELDSIZE_LARGE.html, https://curl.se/libcurl/c/CURLOPT_COPYPOSTFIELDS.html
///   (libcurl copies the body, so no Swift pointer outlives its closure).
/// TLS peer and host verification stay at libcurl's secure defaults.
final class CurlEasy {
    /// One request, already validated by ``HTTPClient``.
    struct Transfer {
        var method: String
        var url: String
        /// For error descriptions only.
        var host: String
        /// Complete `Name: value` lines for `CURLOPT_HTTPHEADER`.
        var headerLines: [String]
        var body: [UInt8]
        /// Send `body` (possibly empty) as the request content, e.g. for `POST`.
        var sendsBody: Bool
        var connectTimeoutMilliseconds: Int
        var timeoutMilliseconds: Int
        var maxResponseBytes: Int
        /// Use a new connection: libcurl silently re-sends a request whose *reused* connection died before
        /// any answer, which must not happen to a call that is unsafe to repeat (a purchase, say).
        var freshConnection = false
    }

    /// A completed exchange, copied out of libcurl.
    struct Result {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]
    }

    private let handle: CurlHandle
    private var raw: UnsafeMutableRawPointer { handle.raw }
    private let sink = CurlResponseSink()
    /// The current transfer's `CURLOPT_HTTPHEADER` list; replaced only after `curl_easy_reset` forgets it.
    private var headerList: CurlSList?

    /// - Throws: ``HTTPClientError/Code/transport`` when `curl_global_init` or `curl_easy_init` fails.
    init() throws(HTTPClientError) {
        handle = try CurlHandle()
    }

    /// Runs one transfer to completion on the calling thread. Any HTTP status is a success.
    /// - Throws: ``HTTPClientError`` classified from the `CURLcode`, carrying libcurl's message.
    func perform(_ transfer: Transfer) throws(HTTPClientError) -> Result {
        try handle.reset(host: transfer.host)
        headerList = nil
        sink.reset(limit: transfer.maxResponseBytes)
        try applyDefaults(transfer)
        try applyRequest(transfer)

        let code = curl_easy_perform(raw)
        guard code == CURLE_OK else {
            throw HTTPClientError(curlCode: code, detail: handle.message(for: code), host: transfer.host,
                                  bodyCapHit: sink.limitExceeded)
        }
        var status = 0
        try check(ccurl_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &status), transfer)
        return Result(status: status, headers: sink.headers, body: sink.takeBody())
    }

    private func applyDefaults(_ transfer: Transfer) throws(HTTPClientError) {
        try check(ccurl_setopt_string(raw, CURLOPT_PROTOCOLS_STR, "http,https"), transfer)
        try check(ccurl_setopt_string(raw, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"), transfer)
        try check(ccurl_setopt_long(raw, CURLOPT_FOLLOWLOCATION, 0), transfer)
        try check(ccurl_setopt_string(raw, CURLOPT_NOPROXY, "localhost,127.0.0.0/8,::1"), transfer)
        try check(ccurl_setopt_long(raw, CURLOPT_CONNECTTIMEOUT_MS, transfer.connectTimeoutMilliseconds), transfer)
        try check(ccurl_setopt_long(raw, CURLOPT_TIMEOUT_MS, transfer.timeoutMilliseconds), transfer)
        try check(ccurl_setopt_off_t(raw, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(transfer.maxResponseBytes)), transfer)
        try check(ccurl_setopt_func(raw, CURLOPT_WRITEFUNCTION, CurlResponseSink.write), transfer)
        try check(ccurl_setopt_ptr(raw, CURLOPT_WRITEDATA, sink.userdata), transfer)
        try check(ccurl_setopt_func(raw, CURLOPT_HEADERFUNCTION, CurlResponseSink.header), transfer)
        try check(ccurl_setopt_ptr(raw, CURLOPT_HEADERDATA, sink.userdata), transfer)
    }

    private func applyRequest(_ transfer: Transfer) throws(HTTPClientError) {
        try check(ccurl_setopt_string(raw, CURLOPT_URL, transfer.url), transfer)
        if transfer.freshConnection {
            // https://curl.se/libcurl/c/CURLOPT_FRESH_CONNECT.html
            try check(ccurl_setopt_long(raw, CURLOPT_FRESH_CONNECT, 1), transfer)
        }
        let method = transfer.method
        if method == "HEAD" {
            try check(ccurl_setopt_long(raw, CURLOPT_NOBODY, 1), transfer)
        } else if transfer.sendsBody {
            // The size first, so COPYPOSTFIELDS copies exactly that many bytes (bodies may hold NULs).
            let size = curl_off_t(transfer.body.count)
            try check(ccurl_setopt_off_t(raw, CURLOPT_POSTFIELDSIZE_LARGE, size), transfer)
            let code = transfer.body.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return ccurl_setopt_string(raw, CURLOPT_COPYPOSTFIELDS, "") }
                return ccurl_setopt_ptr(raw, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
            }
            try check(code, transfer)
            if method != "POST" { try check(ccurl_setopt_string(raw, CURLOPT_CUSTOMREQUEST, method), transfer) }
        } else if method != "GET" {
            try check(ccurl_setopt_string(raw, CURLOPT_CUSTOMREQUEST, method), transfer)
        }
        if let list = try CurlSList(transfer.headerLines) {
            headerList = list
            try check(list.set(on: raw, option: CURLOPT_HTTPHEADER), transfer)
        }
    }

    private func check(_ code: CURLcode, _ transfer: Transfer) throws(HTTPClientError) {
        try handle.check(code, host: transfer.host)
    }
}

@available(*, unavailable, message: "An easy handle must stay on the thread that created it.")
extension CurlEasy: Sendable {}
