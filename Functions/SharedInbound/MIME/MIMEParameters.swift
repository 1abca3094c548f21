import Runtime

/// A lenient reader for `Content-Type` and `Content-Disposition` values: a leading token and parameters.
///
/// Unlike Runtime's strict `HeaderValue`, it never fails: a parameter without `=` is skipped, an unterminated
/// quote runs to the end. RFC 2231 is applied: `name*=charset'lang'%XX…` and continuations `name*0`, `name*1*`
/// are joined and decoded, and win over the plain parameter. Values may also hold RFC 2047 words (Outlook).
struct MIMEParameters {
    /// The leading token, lower-cased (`text/plain`, `attachment`); empty when absent.
    var value: String
    /// Decoded parameter values under lower-cased names.
    var parameters: [String: String]

    subscript(name: String) -> String? { parameters[name] }

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var index = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
        value = String(decoding: bytes[..<index], as: UTF8.self).trimmingWhitespace.lowercased()
        var raw: [(name: String, value: String)] = []
        while index < bytes.endIndex, raw.count < 64 {
            index += 1
            let nameEnd =
                bytes[index...].firstIndex { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ";") }
                ?? bytes.endIndex
            let name = String(decoding: bytes[index..<nameEnd], as: UTF8.self).trimmingWhitespace.lowercased()
            guard nameEnd < bytes.endIndex, bytes[nameEnd] == UInt8(ascii: "=") else {
                index = nameEnd
                continue
            }
            var cursor = nameEnd + 1
            while cursor < bytes.endIndex, bytes[cursor] == 32 || bytes[cursor] == 9 { cursor += 1 }
            var out: [UInt8] = []
            if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "\"") {
                cursor += 1
                while cursor < bytes.endIndex, bytes[cursor] != UInt8(ascii: "\"") {
                    if bytes[cursor] == UInt8(ascii: "\\"), cursor + 1 < bytes.endIndex { cursor += 1 }
                    out.append(bytes[cursor])
                    cursor += 1
                }
                cursor = bytes[cursor...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
            } else {
                let end = bytes[cursor...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
                out = Array(String(decoding: bytes[cursor..<end], as: UTF8.self).trimmingWhitespace.utf8)
                cursor = end
            }
            if !name.isEmpty { raw.append((name, String(decoding: out, as: UTF8.self))) }
            index = cursor
        }
        parameters = Self.combine(raw)
    }

    /// Plain parameters first (first occurrence wins), then RFC 2231 ones over them.
    private static func combine(_ raw: [(name: String, value: String)]) -> [String: String] {
        var plain: [String: String] = [:]
        var extended: [String: [(index: Int, encoded: Bool, value: String)]] = [:]
        for (name, value) in raw {
            guard let star = name.firstIndex(of: "*") else {
                if plain[name] == nil { plain[name] = EncodedWord.decode(value) }
                continue
            }
            let base = String(name[..<star])
            let rest = name[name.index(after: star)...]
            let encoded = rest.hasSuffix("*") || rest.isEmpty
            let number = Int(rest.filter { $0 != "*" }) ?? 0
            guard number < 100 else { continue }
            extended[base, default: []].append((number, encoded, value))
        }
        for (base, segments) in extended {
            let sorted = segments.sorted { $0.index < $1.index }
            var charset: String? = nil
            var bytes: [UInt8] = []
            for (position, segment) in sorted.enumerated() {
                var text = Substring(segment.value)
                if segment.encoded, position == 0 {
                    let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if pieces.count == 3 {
                        charset = String(pieces[0])
                        text = pieces[2]
                    }
                }
                bytes += segment.encoded ? percentDecoded(text.utf8) : Array(text.utf8)
            }
            plain[base] = Charset.decode(bytes, charset: charset)
        }
        return plain
    }

    private static func percentDecoded(_ input: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(input)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = Hex.value(bytes[index + 1]), let low = Hex.value(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}
