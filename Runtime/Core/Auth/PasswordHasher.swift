internal import CArgon2
internal import Glibc

/// Password hashing with Argon2id (libargon2, the reference implementation), in PHC string format.
///
/// `hash` produces `$argon2id$v=19$m=…,t=…,p=…$salt$hash` with a fresh 16-byte salt from the system RNG;
/// `verify` reads the parameters back from the string, so they can be raised later without breaking old
/// hashes. See https://github.com/P-H-C/phc-winner-argon2 (`argon2id_hash_encoded`, `argon2id_verify`).
public struct PasswordHasher: Sendable {
    /// Memory cost in KiB (default 19 MiB, OWASP's minimum for Argon2id).
    public var memoryKiB: UInt32
    /// Passes over memory.
    public var iterations: UInt32
    public var parallelism: UInt32
    /// Longest password accepted, in bytes; longer input is refused, not truncated.
    public static let maxPasswordBytes = 1024

    public init(memoryKiB: UInt32 = 19 * 1024, iterations: UInt32 = 2, parallelism: UInt32 = 1) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
    }

    /// The PHC string for `password`, or nil if the password is too long or hashing failed.
    public func hash(_ password: String) -> String? {
        let bytes = Array(password.utf8)
        guard bytes.count <= Self.maxPasswordBytes else { return nil }
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let length = argon2_encodedlen(iterations, memoryKiB, parallelism, UInt32(salt.count), 32, Argon2_id)
        var encoded = [CChar](repeating: 0, count: length)
        let code = bytes.withUnsafeBytes { passwordBuffer in
            salt.withUnsafeBytes { saltBuffer in
                argon2id_hash_encoded(iterations, memoryKiB, parallelism, passwordBuffer.baseAddress, bytes.count,
                                      saltBuffer.baseAddress, salt.count, 32, &encoded, length)
            }
        }
        guard code == ARGON2_OK.rawValue else { return nil }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches `encoded` (argon2's own comparison is constant-time).
    public func verify(_ password: String, against encoded: String) -> Bool {
        let bytes = Array(password.utf8)
        guard bytes.count <= Self.maxPasswordBytes, encoded.hasPrefix("$argon2id$"), !encoded.utf8.contains(0) else {
            return false
        }
        return bytes.withUnsafeBytes { buffer in
            argon2id_verify(encoded, buffer.baseAddress, bytes.count) == ARGON2_OK.rawValue
        }
    }

    /// A random password of `length` characters from an unambiguous alphabet (for generated credentials).
    public static func generatePassword(length: Int = 20) -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
