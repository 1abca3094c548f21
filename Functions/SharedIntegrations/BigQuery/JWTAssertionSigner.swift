/// Signs the service-account JWT assertion for Google's token endpoint.
///
/// Google requires RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over the key file's RSA key. The `Crypto` module this
/// target links has no RSA; swift-crypto's `_CryptoExtras` (`_RSA.Signing`) does, and is not yet a dependency
/// of `Integrations`. Until it is, no production signer exists and BigQuery export cannot authenticate; tests
/// use a stand-in signer that the fake verifies. Implementations must be safe to call from the owning thread.
public protocol JWTAssertionSigner {
    /// The JOSE `alg` written into the header (`RS256` in production).
    var algorithm: String { get }
    /// The signature over `signingInput` (`base64url(header) + "." + base64url(claims)`).
    func sign(_ signingInput: [UInt8]) throws -> [UInt8]
}
