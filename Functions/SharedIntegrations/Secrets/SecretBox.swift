internal import Crypto
internal import FoundationEssentials
public import Runtime

/// Encrypts per-tenant secrets at rest (DESIGN §3): AES-256-GCM with the platform key from `SECRETS_KEY`.
///
/// A sealed value is the text `v1:` + base64(nonce ‖ ciphertext ‖ tag), with a fresh random 12-byte nonce per
/// seal. The associated data binds it to its tenant and purpose, so a ciphertext copied to another tenant's row
/// or another credential fails to open. Opening fails cleanly (``SecretBoxError``) on any tampering, wrong key,
/// wrong tenant or purpose, or unknown version. A value holding only key bytes: Sendable, and its descriptions
/// are redacted.
public struct SecretBox: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The version prefix of every sealed value this box writes.
    public static let versionPrefix = "v1:"
    private let key: [UInt8]

    /// A box over a 32-byte key.
    /// - Throws: ``SecretBoxError/Code/invalidKey`` unless `key` is exactly 32 bytes.
    public init(key: [UInt8]) throws(SecretBoxError) {
        guard key.count == 32 else { throw SecretBoxError(.invalidKey) }
        self.key = key
    }

    /// A box over the base64 text of a 32-byte key (the `SECRETS_KEY` format; `openssl rand -base64 32`).
    /// - Throws: ``SecretBoxError/Code/invalidKey`` unless it decodes to exactly 32 bytes.
    public init(base64Key: Secret) throws(SecretBoxError) {
        guard let bytes = Data(base64Encoded: base64Key.value) else { throw SecretBoxError(.invalidKey) }
        try self.init(key: Array(bytes))
    }

    /// Reads `SECRETS_KEY`; nil when unset. A set but malformed key is recorded as a problem in `environment`.
    public static func from(_ environment: Environment) -> SecretBox? {
        guard let text = environment.secret("SECRETS_KEY") else { return nil }
        do { return try SecretBox(base64Key: text) } catch {
            environment.problem("SECRETS_KEY must be the base64 encoding of exactly 32 bytes (openssl rand -base64 32)")
            return nil
        }
    }

    /// Encrypts `plaintext` for `tenantID` and `purpose` (e.g. `sendgrid/api_key`).
    public func seal(_ plaintext: [UInt8], tenantID: String, purpose: String) throws(SecretBoxError) -> String {
        do {
            let box = try AES.GCM.seal(plaintext, using: SymmetricKey(data: key), nonce: AES.GCM.Nonce(),
                                       authenticating: Self.associatedData(tenantID: tenantID, purpose: purpose))
            guard let combined = box.combined else { throw SecretBoxError(.sealFailed) }
            return Self.versionPrefix + Data(combined).base64EncodedString()
        } catch let error as SecretBoxError {
            throw error
        } catch {
            throw SecretBoxError(.sealFailed)
        }
    }

    /// Encrypts a secret's UTF-8 text.
    public func seal(_ secret: Secret, tenantID: String, purpose: String) throws(SecretBoxError) -> String {
        try seal(Array(secret.value.utf8), tenantID: tenantID, purpose: purpose)
    }

    /// Decrypts a value made by `seal` for the same tenant and purpose.
    /// - Throws: ``SecretBoxError``: `.unsupportedVersion`, `.malformed`, or `.authenticationFailed` (tampered,
    ///   wrong key, wrong tenant or purpose).
    public func open(_ sealed: String, tenantID: String, purpose: String) throws(SecretBoxError) -> [UInt8] {
        guard sealed.hasPrefix(Self.versionPrefix) else { throw SecretBoxError(.unsupportedVersion) }
        guard let combined = Data(base64Encoded: String(sealed.dropFirst(Self.versionPrefix.count))),
            combined.count >= 12 + 16
        else { throw SecretBoxError(.malformed) }
        do {
            let box = try AES.GCM.SealedBox(combined: combined)
            let plain = try AES.GCM.open(box, using: SymmetricKey(data: key),
                                         authenticating: Self.associatedData(tenantID: tenantID, purpose: purpose))
            return Array(plain)
        } catch {
            throw SecretBoxError(.authenticationFailed)
        }
    }

    /// Decrypts to a ``Secret`` (the value must be UTF-8).
    public func openSecret(_ sealed: String, tenantID: String, purpose: String) throws(SecretBoxError) -> Secret {
        let bytes = try open(sealed, tenantID: tenantID, purpose: purpose)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw SecretBoxError(.malformed) }
        return Secret(text)
    }

    /// Length-prefixed so no (tenant, purpose) pair can collide with another.
    static func associatedData(tenantID: String, purpose: String) -> [UInt8] {
        let tenant = Array(tenantID.utf8)
        let purpose = Array(purpose.utf8)
        return Array("travel-platform/secret-box/v1".utf8) + lengthPrefix(tenant.count) + tenant
            + lengthPrefix(purpose.count) + purpose
    }

    private static func lengthPrefix(_ count: Int) -> [UInt8] {
        let value = UInt32(clamping: count)
        return [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    public var description: String { "SecretBox([redacted])" }
    public var debugDescription: String { description }
}

/// Why a secret could not be sealed or opened. Never holds key, plaintext or ciphertext.
public struct SecretBoxError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case invalidKey = "invalid_key", sealFailed = "seal_failed", unsupportedVersion = "unsupported_version"
            case malformed, authenticationFailed = "authentication_failed"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }
        /// The key is not exactly 32 bytes (or not base64).
        public static var invalidKey: Code { Code(.invalidKey) }
        /// The cipher refused to seal (should not happen).
        public static var sealFailed: Code { Code(.sealFailed) }
        /// The value does not start with a known version prefix.
        public static var unsupportedVersion: Code { Code(.unsupportedVersion) }
        /// Not base64, too short, or not UTF-8 where text was expected.
        public static var malformed: Code { Code(.malformed) }
        /// Tampered, sealed with another key, or for another tenant or purpose.
        public static var authenticationFailed: Code { Code(.authenticationFailed) }
        public var description: String { value.rawValue }
    }

    public let code: Code
    init(_ code: Code) { self.code = code }
    public var description: String { "SecretBoxError(\(code))" }
}
