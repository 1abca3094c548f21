internal import Crypto

/// Content digests for identity and deduplication (not for passwords: those use ``PasswordHasher``).
public enum Digest {
    /// SHA-256 of `bytes` as 64 lower-case hex characters.
    public static func sha256Hex(_ bytes: some Collection<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(bytes)) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
