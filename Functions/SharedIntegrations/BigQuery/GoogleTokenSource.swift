internal import FoundationEssentials
public import Logging
public import Runtime
internal import RuntimeHTTPClient

/// OAuth 2.0 access tokens for a service account (RFC 7523 JWT-bearer grant): builds and signs the assertion,
/// exchanges it at the token URL and caches the token until one minute before it expires.
///
/// Not Sendable: one per worker thread, with that thread's transport. Neither the assertion nor the token ever
/// appears in a log line or error.
public final class GoogleTokenSource {
    /// The OAuth scope for BigQuery.
    public static let bigQueryScope = "https://www.googleapis.com/auth/bigquery"
    /// Tokens are refreshed this long before they expire.
    public static let refreshMargin: Duration = .seconds(60)

    private let account: GoogleServiceAccount
    private let signer: any JWTAssertionSigner
    private let endpoint: ProviderEndpoint
    private let tokenURL: String
    private let scope: String
    private var cached: (token: Secret, refreshAt: ContinuousClock.Instant)?

    public init(account: GoogleServiceAccount, signer: any JWTAssertionSigner, tokenURL: String,
                scope: String = GoogleTokenSource.bigQueryScope, transport: any ProviderTransport, logger: Logger,
                timeout: Duration = .seconds(15)) {
        self.account = account
        self.signer = signer
        self.tokenURL = tokenURL
        self.scope = scope
        self.endpoint = ProviderEndpoint(provider: "google", baseURL: tokenURL, transport: transport, logger: logger,
                                         timeout: timeout)
    }

    /// A valid access token: the cached one, or a fresh one from the token endpoint.
    public func accessToken(deadline: Deadline? = nil) throws(ProviderError) -> Secret {
        if let cached, ContinuousClock.now < cached.refreshAt { return cached.token }
        let assertion = try makeAssertion(issuedAt: Int(Date().timeIntervalSince1970))
        let form = FormEncoding.encode([("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                                        ("assertion", assertion)])
        let response = try endpoint.call("oauth.token", "POST", "", headers: [
            ("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json"),
        ], body: Array(form.utf8), deadline: deadline, errorDetail: Self.errorDetail)
        struct Token: Decodable {
            var accessToken: String
            var expiresIn: Int
            enum CodingKeys: String, CodingKey { case accessToken = "access_token", expiresIn = "expires_in" }
        }
        let token = try endpoint.decode(Token.self, from: response)
        let secret = Secret(token.accessToken)
        cached = (secret, ContinuousClock.now + .seconds(token.expiresIn) - Self.refreshMargin)
        return secret
    }

    /// Forgets the cached token (after a 401 from the API).
    public func invalidate() { cached = nil }

    /// `header.claims.signature`, base64url, valid for one hour from `issuedAt` (Unix seconds).
    func makeAssertion(issuedAt: Int) throws(ProviderError) -> String {
        let header: JSONValue = .object(["alg": .string(signer.algorithm), "typ": .string("JWT"),
                                         "kid": .string(account.privateKeyID)])
        let claims: JSONValue = .object([
            "iss": .string(account.clientEmail), "scope": .string(scope), "aud": .string(tokenURL),
            "iat": .number(Double(issuedAt)), "exp": .number(Double(issuedAt + 3600)),
        ])
        do {
            let input = Base64URL.encode(try JSON.encode(header)) + "." + Base64URL.encode(try JSON.encode(claims))
            let signature = try signer.sign(Array(input.utf8))
            return input + "." + Base64URL.encode(signature)
        } catch {
            throw ProviderError(provider: "google", code: .invalidRequest, providerMessage: "assertion not signed")
        }
    }

    /// OAuth errors: `{"error":"invalid_grant","error_description":…}`.
    static func errorDetail(_ body: [UInt8]) -> (code: Int?, message: String?) {
        guard let object = try? JSONValue.object(from: body) else { return (nil, nil) }
        let parts = [object["error"]?.string, object["error_description"]?.string].compactMap { $0 }
        return (nil, parts.isEmpty ? nil : parts.joined(separator: ": "))
    }
}
