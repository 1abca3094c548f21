internal import Crypto
internal import FoundationEssentials
public import Runtime

/// Validates Twilio's `X-Twilio-Signature` on webhook requests (wire-formats.md §A5).
///
/// Form posts: HMAC-SHA1, keyed with the auth token, over the full public URL followed by every POST parameter
/// sorted by name (then by value) as `name` + `value`; base64; compared in constant time. JSON posts: Twilio adds
/// `bodySHA256=<hex SHA-256 of the raw body>` to the URL query and signs the URL alone. Build `url` from the
/// configured public origin, never from the request's own scheme and host (a proxy changes them).
/// Pure functions; safe from any thread.
public enum TwilioSignature {
    /// The expected signature (base64 HMAC-SHA1) for a form post.
    public static func compute(url: String, params: [(String, String)], authToken: Secret) -> String {
        let sorted = params.sorted { $0.0 == $1.0 ? $0.1.utf8.lexicographicallyPrecedes($1.1.utf8)
            : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var message = url
        for (name, value) in sorted { message += name + value }
        let key = SymmetricKey(data: Array(authToken.value.utf8))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Array(message.utf8), using: key)
        return Data(mac).base64EncodedString()
    }

    /// Whether `signature` is Twilio's signature of a form post to `url` with `params`.
    /// - Parameters:
    ///   - url: the public URL Twilio called, including its query string, exactly as configured.
    ///   - params: the decoded form fields (duplicates allowed).
    ///   - signature: the `X-Twilio-Signature` header; nil or empty never validates.
    public static func validate(url: String, params: [(String, String)], signature: String?,
                                authToken: Secret) -> Bool {
        guard let signature, !signature.isEmpty else { return false }
        let expected = compute(url: url, params: params, authToken: authToken)
        return ConstantTime.equals(Array(expected.utf8), Array(signature.utf8))
    }

    /// Whether `signature` is valid for a JSON post: the URL (with its `bodySHA256` query parameter) is signed
    /// with no params, and `bodySHA256` must equal the hex SHA-256 of `body` exactly as received.
    public static func validateJSON(url: String, body: [UInt8], signature: String?, authToken: Secret) -> Bool {
        guard let claimed = queryValue("bodySHA256", in: url) else { return false }
        let actual = SHA256.hash(data: body).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        let bodyMatches = ConstantTime.equals(Array(actual.utf8), Array(claimed.lowercased().utf8))
        let urlMatches = validate(url: url, params: [], signature: signature, authToken: authToken)
        return bodyMatches && urlMatches
    }

    /// The first value of query parameter `name` in `url`, percent-decoded.
    static func queryValue(_ name: String, in url: String) -> String? {
        guard let questionMark = url.firstIndex(of: "?") else { return nil }
        var query = url[url.index(after: questionMark)...]
        if let hash = query.firstIndex(of: "#") { query = query[..<hash] }
        return FormURLEncoded.parse(String(query)).first { $0.name == name }?.value
    }
}
