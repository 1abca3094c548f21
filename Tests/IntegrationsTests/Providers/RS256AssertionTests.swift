import _CryptoExtras
import Integrations
import ProviderFakes
import Runtime
import Testing

/// The production RS256 signer against the fake's RSA verification (what Google does with the account's key).
@Suite struct RS256AssertionTests {
    @Test func anRS256AssertionEarnsAnAccessTokenAndATamperedOneDoesNot() throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let account = GoogleServiceAccount(clientEmail: "export@demo-project.iam.gserviceaccount.com", privateKeyID: "kid-rsa",
                                           privateKey: Secret(key.pemRepresentation))
        let fake = try FakeGoogleServer(tokenLifetime: 3600, tableColumns: [:],
                                        verifier: try FakeGoogleServer.rs256Verifier(publicKeyPEM: key.publicKey.pemRepresentation))
        let http = try ProviderTestSupport.httpClient()
        let signer = try RS256AssertionSigner(account: account)
        #expect(signer.algorithm == "RS256")
        let tokens = GoogleTokenSource(account: account, signer: signer, tokenURL: fake.tokenURL, transport: http,
                                       logger: ProviderTestSupport.logger)
        let token = try tokens.accessToken()
        #expect(!token.value.isEmpty)
        // A signature by another key is refused by the same verifier.
        let other = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let impostor = GoogleTokenSource(account: account, signer: try RS256AssertionSigner(privateKeyPEM: Secret(other.pemRepresentation)),
                                         tokenURL: fake.tokenURL, transport: http, logger: ProviderTestSupport.logger)
        #expect(throws: (any Error).self) { try impostor.accessToken() }
    }

    @Test func aKeyThatIsNotRSAIsRefusedAtConstruction() {
        #expect(throws: (any Error).self) { try RS256AssertionSigner(privateKeyPEM: Secret("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")) }
    }
}
