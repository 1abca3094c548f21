internal import CCurl

/// Owns one `CURLU` handle: a URL parsed by libcurl's own parser, so the scheme and host we check are exactly the
/// ones libcurl would connect to (no parser differential between our policy and the transfer).
///
/// Ownership: created by `curl_url`, freed with `curl_url_cleanup` in `deinit`, exactly once; every part is copied
/// out into a Swift `String` and the C copy released with `curl_free`. Threading: not Sendable; short-lived, used by
/// the thread that parses. See https://curl.se/libcurl/c/curl_url.html, https://curl.se/libcurl/c/curl_url_set.html
/// and https://curl.se/libcurl/c/curl_url_get.html.
final class CurlURL {
    private let raw: OpaquePointer

    /// Parses `string` as an absolute URL. Schemes this libcurl was not built with, missing schemes, spaces and
    /// control characters are refused.
    /// - Throws: ``HTTPClientError/Code/invalidURL`` (with libcurl's `curl_url_strerror` text) on a parse failure.
    init(_ string: String) throws(HTTPClientError) {
        guard let handle = curl_url() else {
            throw HTTPClientError(.transport, detail: "curl_url failed (out of memory)")
        }
        let code = curl_url_set(handle, CURLUPART_URL, string, 0)
        guard code == CURLUE_OK else {
            let message = curl_url_strerror(code).map { String(cString: $0) } ?? "URL parse error"
            curl_url_cleanup(handle)
            throw HTTPClientError(.invalidURL, curlCode: Int(code.rawValue), detail: message)
        }
        self.raw = handle
    }

    deinit { curl_url_cleanup(raw) }

    /// The scheme, lower-cased by libcurl (`https`).
    var scheme: String? { part(CURLUPART_SCHEME) }

    /// The host name or address as libcurl will use it; IPv6 addresses keep their brackets (`[::1]`).
    var host: String? { part(CURLUPART_HOST) }

    /// The whole URL, re-serialised by libcurl (for `CURLOPT_URL`).
    var url: String? { part(CURLUPART_URL) }

    /// One part copied out, or nil when the URL has no such part.
    private func part(_ which: CURLUPart) -> String? {
        var value: UnsafeMutablePointer<CChar>? = nil
        guard curl_url_get(raw, which, &value, 0) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
