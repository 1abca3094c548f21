internal import _CryptoExtras
public import Runtime

/// Signs Google service-account assertions with RS256 (RSASSA-PKCS1-v1_5 with SHA-256), as Google's token
/// endpoint requires, using swift-crypto's `_CryptoExtras` RSA.
///
/// Holds only the PEM (as a ``Secret``); the key is parsed per signature — assertions are made about once an
/// hour (``GoogleTokenSource`` caches the token), so parsing costs nothing that matters.
public struct RS256AssertionSigner: JWTAssertionSigner, Sendable {
    private let privateKeyPEM: Secret

    /// - Throws: when the PEM is not an RSA private key of at least 2048 bits.
    public init(privateKeyPEM: Secret) throws {
        _ = try _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM.value)
        self.privateKeyPEM = privateKeyPEM
    }

    /// The signer for a service account's key file.
    public init(account: GoogleServiceAccount) throws {
        try self.init(privateKeyPEM: account.privateKey)
    }

    public var algorithm: String { "RS256" }

    public func sign(_ signingInput: [UInt8]) throws -> [UInt8] {
        let key = try _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM.value)
        return Array(try key.signature(for: signingInput, padding: .insecurePKCS1v1_5).rawRepresentation)
    }
}
