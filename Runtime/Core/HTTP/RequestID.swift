/// Request ids: accepted from nginx when they look like one, generated otherwise.
public enum RequestID {
    /// The longest id accepted from outside.
    public static let maxLength = 128

    /// A new random id: 32 lower-case hex digits, the same shape as nginx's `$request_id`.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef".utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for _ in 0..<32 { bytes.append(hex[Int(generator.next() % 16)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `candidate` if it is 1–128 characters of `[A-Za-z0-9._-]`, else a generated id.
    public static func sanitize(_ candidate: String?) -> String {
        guard let candidate, !candidate.isEmpty, candidate.utf8.count <= maxLength,
            candidate.utf8.allSatisfy({ isAllowed($0) })
        else { return generate() }
        return candidate
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default: return false
        }
    }
}
