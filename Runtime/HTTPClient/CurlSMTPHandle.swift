internal import CCurl

/// Performs SMTP submissions on a libcurl easy handle of its own, so the HTTP handle's protocol policy
/// (`http,https`) never has to widen.
///
/// Ownership: the handle and its error buffer belong to a ``CurlHandle``; the ``CurlSMTPExchange`` (callback
/// userdata) and the recipient ``CurlSList`` are stored properties. Each transfer starts with
/// ``CurlHandle/reset(host:)``. Threading: one thread; not Sendable.
///
/// Options set per transfer (https://curl.se/libcurl/c/curl_easy_setopt.html):
/// - https://curl.se/libcurl/c/CURLOPT_PROTOCOLS_STR.html — `smtp,smtps` only; no redirects exist for SMTP.
/// - https://curl.se/libcurl/c/CURLOPT_USE_SSL.html — `CURLUSESSL_ALL`: STARTTLS is required on `smtp://`
///   (the transfer fails with `CURLE_USE_SSL_FAILED` if the server does not offer it); `CURLUSESSL_NONE` only when
///   the caller has allowed plaintext to a loopback relay.
/// - https://curl.se/libcurl/c/CURLOPT_MAIL_FROM.html, https://curl.se/libcurl/c/CURLOPT_MAIL_RCPT.html,
///   https://curl.se/libcurl/c/CURLOPT_UPLOAD.html with https://curl.se/libcurl/c/CURLOPT_READFUNCTION.html.
/// - NOSIGNAL, ERRORBUFFER, CONNECTTIMEOUT_MS, TIMEOUT_MS, NOPROXY as in ``CurlEasy``; TLS verification stays on.
final class CurlSMTPHandle {
    struct Transfer {
        var url: String
        var host: String
        var requireTLS: Bool
        var from: String
        var recipients: [String]
        var message: [UInt8]
        var connectTimeoutMilliseconds: Int
        var timeoutMilliseconds: Int
    }

    /// The last SMTP reply (`CURLINFO_RESPONSE_CODE`) and the reply lines seen.
    struct Result {
        var code: Int
        var lines: [String]
    }

    private let handle: CurlHandle
    private var raw: UnsafeMutableRawPointer { handle.raw }
    private let exchange = CurlSMTPExchange()
    private var recipientList: CurlSList?

    init() throws(HTTPClientError) {
        handle = try CurlHandle()
    }

    /// Runs one submission. A reply of 4xx/5xx from the server is returned (not thrown) with its code.
    /// - Throws: ``HTTPClientError`` when no SMTP reply explains the failure (connect, TLS, timeout).
    func perform(_ transfer: Transfer) throws(HTTPClientError) -> Result {
        try handle.reset(host: transfer.host)
        recipientList = nil
        exchange.reset(message: transfer.message)
        try configure(transfer)
        let code = curl_easy_perform(raw)
        var reply = 0
        _ = ccurl_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &reply)
        // A refused STARTTLS is a policy failure, not a reply to the mail.
        if code == CURLE_OK || (reply >= 400 && code != CURLE_USE_SSL_FAILED) {
            return Result(code: reply, lines: exchange.replyLines)
        }
        throw HTTPClientError(curlCode: code, detail: handle.message(for: code), host: transfer.host)
    }

    private func configure(_ transfer: Transfer) throws(HTTPClientError) {
        let host = transfer.host
        try check(ccurl_setopt_string(raw, CURLOPT_PROTOCOLS_STR, "smtp,smtps"), host)
        try check(ccurl_setopt_string(raw, CURLOPT_NOPROXY, "localhost,127.0.0.0/8,::1"), host)
        try check(ccurl_setopt_long(raw, CURLOPT_CONNECTTIMEOUT_MS, transfer.connectTimeoutMilliseconds), host)
        try check(ccurl_setopt_long(raw, CURLOPT_TIMEOUT_MS, transfer.timeoutMilliseconds), host)
        let tls = transfer.requireTLS ? CURLUSESSL_ALL : CURLUSESSL_NONE
        try check(ccurl_setopt_long(raw, CURLOPT_USE_SSL, Int(tls.rawValue)), host)
        try check(ccurl_setopt_string(raw, CURLOPT_URL, transfer.url), host)
        try check(ccurl_setopt_string(raw, CURLOPT_MAIL_FROM, "<" + transfer.from + ">"), host)
        guard let list = try CurlSList(transfer.recipients.map { "<" + $0 + ">" }) else {
            throw HTTPClientError(.invalidRequest, host: host, detail: "no recipients")
        }
        recipientList = list
        try check(list.set(on: raw, option: CURLOPT_MAIL_RCPT), host)
        try check(ccurl_setopt_long(raw, CURLOPT_UPLOAD, 1), host)
        try check(ccurl_setopt_func(raw, CURLOPT_READFUNCTION, CurlSMTPExchange.read), host)
        try check(ccurl_setopt_ptr(raw, CURLOPT_READDATA, exchange.userdata), host)
        try check(ccurl_setopt_func(raw, CURLOPT_HEADERFUNCTION, CurlSMTPExchange.reply), host)
        try check(ccurl_setopt_ptr(raw, CURLOPT_HEADERDATA, exchange.userdata), host)
    }

    private func check(_ code: CURLcode, _ host: String) throws(HTTPClientError) {
        try handle.check(code, host: host)
    }
}

@available(*, unavailable, message: "An easy handle must stay on the thread that created it.")
extension CurlSMTPHandle: Sendable {}
