/// `application/x-www-form-urlencoded` and query-string parsing (WHATWG URL rules).
public enum FormURLEncoded {
    /// The most pairs parsed from one body or query; the rest is ignored.
    public static let maxPairs = 1000

    /// Name/value pairs in order. `+` is a space; invalid percent escapes are kept literally;
    /// invalid UTF-8 becomes U+FFFD. Never throws.
    public static func parse(_ text: String) -> [(name: String, value: String)] {
        parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if pairs.count == maxPairs { break }
            let name: ArraySlice<UInt8>
            let value: ArraySlice<UInt8>
            if let eq = part.firstIndex(of: UInt8(ascii: "=")) {
                name = part[part.startIndex..<eq]
                value = part[part.index(after: eq)...]
            } else {
                name = part
                value = []
            }
            pairs.append((decode(name, plusIsSpace: true), decode(value, plusIsSpace: true)))
        }
        return pairs
    }

    /// Percent-decodes `bytes`; with `plusIsSpace`, `+` becomes a space (forms, not paths).
    public static func decode(_ bytes: some Collection<UInt8>, plusIsSpace: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"),
                let first = bytes.index(index, offsetBy: 1, limitedBy: bytes.endIndex), first != bytes.endIndex,
                let second = bytes.index(first, offsetBy: 1, limitedBy: bytes.endIndex), second != bytes.endIndex,
                let high = Hex.value(bytes[first]), let low = Hex.value(bytes[second])
            {
                out.append(high << 4 | low)
                index = bytes.index(after: second)
                continue
            }
            out.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = bytes.index(after: index)
        }
        return String(decoding: out, as: UTF8.self)
    }

}
