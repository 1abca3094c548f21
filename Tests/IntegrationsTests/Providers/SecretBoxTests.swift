import FoundationEssentials
import Integrations
import Runtime
import Testing

@Suite struct SecretBoxTests {
    let key = (0..<32).map { UInt8($0) }
    var box: SecretBox { get throws { try SecretBox(key: key) } }

    @Test func roundTripWithFreshNonces() throws {
        let box = try box
        let first = try box.seal(Secret("SG.tenant-key"), tenantID: "acme", purpose: "sendgrid/api_key")
        let second = try box.seal(Secret("SG.tenant-key"), tenantID: "acme", purpose: "sendgrid/api_key")
        #expect(first.hasPrefix("v1:") && first != second)
        #expect(!first.contains("tenant-key"))
        #expect(try box.openSecret(first, tenantID: "acme", purpose: "sendgrid/api_key").value == "SG.tenant-key")
        let blob = try #require(Data(base64Encoded: String(first.dropFirst(3))))
        #expect(blob.count == 12 + "SG.tenant-key".utf8.count + 16)
    }

    @Test func tamperingFails() throws {
        let box = try box
        let sealed = try box.seal(Array("secret".utf8), tenantID: "acme", purpose: "twilio/auth_token")
        var blob = Array(try #require(Data(base64Encoded: String(sealed.dropFirst(3)))))
        for index in [0, 12, blob.count - 1] {
            var changed = blob
            changed[index] ^= 0x01
            let tampered = "v1:" + Data(changed).base64EncodedString()
            #expect(throws: SecretBoxError.self) { try box.open(tampered, tenantID: "acme", purpose: "twilio/auth_token") }
        }
        blob.removeLast()
        let truncated = "v1:" + Data(blob).base64EncodedString()
        #expect(throws: SecretBoxError.self) { try box.open(truncated, tenantID: "acme", purpose: "twilio/auth_token") }
        let version = #expect(throws: SecretBoxError.self) {
            try box.open("v2:" + sealed.dropFirst(3), tenantID: "acme", purpose: "twilio/auth_token")
        }
        #expect(version?.code == .unsupportedVersion)
        #expect((#expect(throws: SecretBoxError.self) { try box.open("v1:***", tenantID: "acme", purpose: "x") })?.code == .malformed)
    }

    @Test func wrongTenantPurposeOrKeyFails() throws {
        let box = try box
        let sealed = try box.seal(Array("secret".utf8), tenantID: "acme", purpose: "twilio/auth_token")
        let tenant = #expect(throws: SecretBoxError.self) { try box.open(sealed, tenantID: "other", purpose: "twilio/auth_token") }
        #expect(tenant?.code == .authenticationFailed)
        #expect(throws: SecretBoxError.self) { try box.open(sealed, tenantID: "acme", purpose: "sendgrid/api_key") }
        // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
        let split = try box.seal(Array("x".utf8), tenantID: "ab", purpose: "c")
        #expect(throws: SecretBoxError.self) { try box.open(split, tenantID: "a", purpose: "bc") }
        let otherKey = try SecretBox(key: key.reversed())
        #expect(throws: SecretBoxError.self) { try otherKey.open(sealed, tenantID: "acme", purpose: "twilio/auth_token") }
    }

    @Test func keyConfigurationIsValidated() throws {
        let good = Data(key).base64EncodedString()
        let environment = Environment(["SECRETS_KEY": good])
        #expect(SecretBox.from(environment) != nil)
        try environment.validate()
        #expect(SecretBox.from(Environment([:])) == nil)
        for bad in [Data(key.prefix(31)).base64EncodedString(), Data(key + [0]).base64EncodedString(), "not base64!", good + "AA"] {
            let environment = Environment(["SECRETS_KEY": bad])
            #expect(SecretBox.from(environment) == nil)
            let error = #expect(throws: ConfigError.self) { try environment.validate() }
            #expect(error?.description.contains(bad) == false)
        }
        #expect(throws: SecretBoxError.self) { try SecretBox(key: []) }
        #expect("\(try box)" == "SecretBox([redacted])")
    }
}
