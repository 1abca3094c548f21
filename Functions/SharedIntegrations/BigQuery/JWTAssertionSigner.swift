/// Signs the service-account JWT assertion for Google's token endpoint.
///
/// Google requires RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over the key file's RSA key: ``RS256AssertionSigner``
/// is the production signer. Implementations must be safe to call from the owning thread.
public protocol JWTAssertionSigner {
    /// The JOSE `alg` written into the header (`RS256` in production).
    var algorithm: String { get }
    /// The signature over `signingInput` (`base64url(header) + "." + base64url(claims)`).
    func sign(_ signingInput: [UInt8]) throws -> [UInt8]
}
