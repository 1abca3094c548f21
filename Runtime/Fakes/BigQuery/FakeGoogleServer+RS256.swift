internal import _CryptoExtras

extension FakeGoogleServer {
    /// A verifier that accepts RS256 assertions signed by the private key matching `publicKeyPEM` — what Google
    /// checks against the service account's public key.
    public static func rs256Verifier(publicKeyPEM: String) throws -> JWTVerifier {
        let key = try _RSA.Signing.PublicKey(pemRepresentation: publicKeyPEM)
        let der = key.derRepresentation
        return { algorithm, input, signature in
            guard algorithm == "RS256", let publicKey = try? _RSA.Signing.PublicKey(derRepresentation: der) else {
                return false
            }
            return publicKey.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: input,
                                              padding: .insecurePKCS1v1_5)
        }
    }
}
