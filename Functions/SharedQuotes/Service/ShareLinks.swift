public import Runtime

/// Signed, expiring links to a quote's PDF that work without a login (`GET /api/v1/public/quotes/{token}`).
///
/// A token is ``SignedToken`` over `q1|<tenant>|<quote uuid>|<expiry epoch seconds>`: it names the tenant, so the
/// public route can look the quote up under that tenant's row-level security, and it cannot be altered or
/// guessed. Tampered, malformed and expired tokens are indistinguishable to the caller (404).
public struct ShareLinks: Sendable {
    private let signer: SignedToken
    /// Scheme and host the links start with (no trailing slash).
    public let baseURL: String

    /// Longest lifetime a link may be given.
    public static let maxDays = 90

    public init(secret: Secret, baseURL: String) {
        signer = SignedToken(secret: Array(secret.value.utf8), purpose: "quote-share-link-v1")
        self.baseURL = String(baseURL.reversed().drop { $0 == "/" }.reversed())
    }

    /// A token for quote `quoteUUID` of `tenantID`, valid until `expires` (epoch seconds).
    public func token(tenantID: String, quoteUUID: String, expires: Int) -> String {
        signer.sign("q1|\(tenantID)|\(quoteUUID)|\(expires)")
    }

    /// The public URL for `token`.
    public func url(_ token: String) -> String { baseURL + "/api/v1/public/quotes/" + token }

    /// (tenant, quote uuid) of a genuine token that has not expired at `now` (epoch seconds); `nil` otherwise.
    public func verify(_ token: String, now: Int = Timestamp.epochSeconds()) -> (tenantID: String, quoteUUID: String)? {
        guard let payload = signer.verify(token) else { return nil }
        let parts = payload.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "q1", let expires = Int(parts[3]), expires > now else { return nil }
        return (String(parts[1]), String(parts[2]))
    }
}
