internal import Glibc

extension HTTPClient {
    /// A URL that passed the policy: libcurl's re-serialisation of it, and its host (for error descriptions).
    struct Target {
        var url: String
        var host: String
    }

    /// Parses `string` with libcurl's parser and applies the transport policy, before any I/O.
    ///
    /// Only `https` is allowed, plus `http` to a loopback host when `allowPlainHTTPToLoopback` is set. Because the
    /// check uses libcurl's own parse (``CurlURL``) and hands libcurl the re-serialised URL, the scheme and host
    /// checked are the ones libcurl connects to.
    /// - Throws: ``HTTPClientError/Code/invalidURL`` or ``HTTPClientError/Code/insecureURL``.
    static func target(for string: String, allowPlainHTTPToLoopback: Bool) throws(HTTPClientError) -> Target {
        let parsed = try CurlURL(string)
        let scheme = parsed.scheme ?? ""
        let host = parsed.host
        switch scheme {
        case "https":
            break
        case "http" where allowPlainHTTPToLoopback && host.map(isLoopback) == true:
            break
        case "http":
            throw HTTPClientError(.insecureURL, host: host, detail: "plain http is allowed only to loopback, in tests")
        default:
            throw HTTPClientError(.insecureURL, host: host, detail: "scheme '\(scheme)' is not allowed")
        }
        guard let host, !host.isEmpty, let url = parsed.url else {
            throw HTTPClientError(.invalidURL, host: host, detail: "URL has no host")
        }
        return Target(url: url, host: host)
    }

    /// Whether `host` (as libcurl reports it) is `localhost`, an address in 127.0.0.0/8, or `[::1]`.
    ///
    /// libcurl (≥ 7.78) answers `localhost` itself with loopback addresses, without asking DNS or /etc/hosts.
    static func isLoopback(_ host: String) -> Bool {
        if host.lowercased() == "localhost" { return true }
        if host.hasPrefix("["), host.hasSuffix("]") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, String(host.dropFirst().dropLast()), &address) == 1 else { return false }
            return withUnsafeBytes(of: &address) { bytes in
                bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1
            }
        }
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else { return false }
        return withUnsafeBytes(of: &address) { $0[0] == 127 }
    }
}
