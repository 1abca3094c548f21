internal import CCurl

/// Owns one libcurl easy handle (`CURL*`) and its error buffer — the package's one owner of `CURL*`, used by the
/// HTTP transfer type (``CurlEasy``) and the SMTP one (``CurlSMTPHandle``).
///
/// Ownership: `curl_easy_init` in `init` (which throws instead of storing nil), `curl_easy_cleanup` in `deinit`,
/// exactly once; the `CURLOPT_ERRORBUFFER` memory (`CURL_ERROR_SIZE` bytes) is freed after the cleanup.
/// Threading: one thread; not Sendable. See https://curl.se/libcurl/c/curl_easy_init.html.
final class CurlHandle {
    let raw: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// - Throws: ``HTTPClientError/Code/transport`` when `curl_global_init` or `curl_easy_init` fails.
    init() throws(HTTPClientError) {
        guard curlGlobalInitCode == 0 else {
            throw HTTPClientError(.transport, curlCode: curlGlobalInitCode, detail: "curl_global_init failed")
        }
        guard let handle = curl_easy_init() else { throw HTTPClientError(.transport, detail: "curl_easy_init failed") }
        raw = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// Starts a transfer: `curl_easy_reset` (options cleared, connection and DNS caches kept), an empty error
    /// buffer installed again, and `CURLOPT_NOSIGNAL` (https://curl.se/libcurl/c/CURLOPT_NOSIGNAL.html).
    func reset(host: String) throws(HTTPClientError) {
        curl_easy_reset(raw)
        errorBuffer[0] = 0
        try check(ccurl_setopt_ptr(raw, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)), host: host)
        try check(ccurl_setopt_long(raw, CURLOPT_NOSIGNAL, 1), host: host)
    }

    /// libcurl's detailed message if it wrote one, else the generic text for `code`. Copied out at once.
    func message(for code: CURLcode) -> String {
        if errorBuffer[0] != 0 { return String(cString: errorBuffer) }
        return curl_easy_strerror(code).map { String(cString: $0) } ?? "curl error \(code.rawValue)"
    }

    /// - Throws: ``HTTPClientError`` classified from `code`, with libcurl's message, unless `code` is `CURLE_OK`.
    func check(_ code: CURLcode, host: String) throws(HTTPClientError) {
        guard code == CURLE_OK else { throw HTTPClientError(curlCode: code, detail: message(for: code), host: host) }
    }
}
