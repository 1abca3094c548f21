import Runtime
@testable import InboundMail

/// Test helpers shared by the MIME suites.
enum MIMEFixture {
    /// `text` as message bytes with CRLF line endings (Swift literals use LF).
    static func eml(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in text.utf8 {
            if byte == 10 { out.append(13) }
            out.append(byte)
        }
        return out
    }

    /// `text` as Latin-1 / Windows-1252 bytes: every scalar up to U+00FF as one byte, the cp1252 extras mapped.
    static func singleByte(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            if let index = HTMLEntities.windows1252High.firstIndex(of: scalar.value), scalar.value > 0xFF {
                return UInt8(0x80 + index)
            }
            return UInt8(truncatingIfNeeded: scalar.value)
        }
    }

    /// Parses `text` (LF endings) as a raw message; nil when it throws.
    static func raw(_ text: String) -> InboundMessage? { try? InboundParser.raw(eml(text)) }
}

/// A small deterministic generator (SplitMix64) so fuzz runs are reproducible from their seed.
struct MIMESeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
