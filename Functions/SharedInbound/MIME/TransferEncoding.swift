import Runtime

/// Content-Transfer-Encoding decoders (RFC 2045 §6): base64, quoted-printable, and the identity encodings.
///
/// Both decoders are total: bad input gives best-effort bytes, never an error, and never more bytes than went in.
enum TransferEncoding {
    /// Decodes `bytes` per the `Content-Transfer-Encoding` value (7bit, 8bit, binary or unknown: unchanged).
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String?) -> [UInt8] {
        switch (encoding ?? "").lowercased().trimmingWhitespace {
        case "base64": base64(bytes)
        case "quoted-printable": quotedPrintable(bytes)
        default: Array(bytes)
        }
    }

    /// Base64 (and base64url) ignoring line breaks and any other stray byte; stops at the first `=`.
    /// Missing padding is tolerated; a dangling single sextet is dropped.
    static func base64(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var count = 0
        for byte in bytes {
            if byte == UInt8(ascii: "=") { break }
            guard let value = sextet(byte) else { continue }
            buffer = buffer << 6 | UInt32(value)
            count += 1
            if count == 4 {
                out.append(UInt8(truncatingIfNeeded: buffer >> 16))
                out.append(UInt8(truncatingIfNeeded: buffer >> 8))
                out.append(UInt8(truncatingIfNeeded: buffer))
                buffer = 0
                count = 0
            }
        }
        if count == 2 {
            out.append(UInt8(truncatingIfNeeded: buffer >> 4))
        } else if count == 3 {
            out.append(UInt8(truncatingIfNeeded: buffer >> 10))
            out.append(UInt8(truncatingIfNeeded: buffer >> 2))
        }
        return out
    }

    /// Quoted-printable: `=XX` escapes (either case), soft line breaks (`=` then optional spaces and a line
    /// break), and an `=` that starts neither kept as it is. With `underscoreIsSpace` it is RFC 2047's Q.
    static func quotedPrintable(_ bytes: some Collection<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "_"), underscoreIsSpace {
                out.append(UInt8(ascii: " "))
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "=") else {
                out.append(byte)
                index += 1
                continue
            }
            if index + 2 < input.count, let high = Hex.value(input[index + 1]), let low = Hex.value(input[index + 2]) {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            var cursor = index + 1
            while cursor < input.count, input[cursor] == UInt8(ascii: " ") || input[cursor] == UInt8(ascii: "\t") {
                cursor += 1
            }
            if cursor < input.count, input[cursor] == UInt8(ascii: "\r") { cursor += 1 }
            if cursor < input.count, input[cursor] == UInt8(ascii: "\n") {
                index = cursor + 1  // soft line break
            } else if cursor == input.count {
                index = cursor  // a trailing `=` at the very end
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
