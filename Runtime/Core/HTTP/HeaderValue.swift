/// A structured header value: a leading token and `; name=value` parameters (RFC 9110 §5.6.6), as used by
/// `Content-Type` and `Content-Disposition`.
///
/// Parameter names are lower-cased; values are either tokens (kept verbatim up to the next `;`, trimmed) or
/// quoted strings with backslash escapes removed. The first occurrence of a repeated parameter wins.
package struct HeaderValue: Sendable, Equatable {
    /// The leading token, lower-cased (`multipart/form-data`, `form-data`).
    package var value: String
    package var parameters: [String: String]

    private static let semicolon = UInt8(ascii: ";")
    private static let equals = UInt8(ascii: "=")
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// Parses `text`; nil when a parameter has no `=`, a quoted string is unterminated, or text follows one.
    package init?(_ text: String) {
        let bytes = Array(text.utf8)
        var index = bytes.firstIndex(of: Self.semicolon) ?? bytes.endIndex
        value = Self.string(Self.trimmed(bytes[..<index])).lowercased()
        parameters = [:]
        while index < bytes.endIndex {
            index += 1  // past ';'
            let nameEnd = bytes[index...].firstIndex { $0 == Self.equals || $0 == Self.semicolon } ?? bytes.endIndex
            let name = Self.trimmed(bytes[index..<nameEnd])
            guard nameEnd < bytes.endIndex, bytes[nameEnd] == Self.equals else {
                guard name.isEmpty else { return nil }  // `a; b` has no value; `a;;` and `a;` are tolerated
                index = nameEnd
                continue
            }
            guard !name.isEmpty else { return nil }
            var cursor = nameEnd + 1
            while cursor < bytes.endIndex, Self.isSpace(bytes[cursor]) { cursor += 1 }
            let parameterValue: String
            if cursor < bytes.endIndex, bytes[cursor] == Self.quote {
                guard let (unquoted, end) = Self.quotedString(bytes, from: cursor) else { return nil }
                parameterValue = unquoted
                cursor = end
                while cursor < bytes.endIndex, Self.isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor == bytes.endIndex || bytes[cursor] == Self.semicolon else { return nil }
            } else {
                let end = bytes[cursor...].firstIndex(of: Self.semicolon) ?? bytes.endIndex
                parameterValue = Self.string(Self.trimmed(bytes[cursor..<end]))
                cursor = end
            }
            let key = Self.string(name).lowercased()
            if parameters[key] == nil { parameters[key] = parameterValue }
            index = cursor
        }
    }

    /// Decodes an RFC 8187 (formerly 5987) `ext-value` such as `UTF-8''%E2%82%AC%20rates.pdf`.
    ///
    /// Accepts the UTF-8 and ISO-8859-1 charsets; nil for any other charset or a broken percent escape.
    package static func decodeExtendedValue(_ text: String) -> String? {
        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        var bytes: [UInt8] = []
        var iterator = Array(pieces[2].utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(Hex.value), let low = iterator.next().flatMap(Hex.value) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        switch pieces[0].lowercased() {
        case "utf-8": return String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1": return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        default: return nil
        }
    }

    /// The quoted string starting at `start` (a `"`) without quotes and escapes, and the index after it.
    private static func quotedString(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var out: [UInt8] = []
        var index = start + 1
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == quote { return (string(out[...]), index + 1) }
            if byte == backslash {
                index += 1
                guard index < bytes.endIndex else { return nil }
            }
            out.append(bytes[index])
            index += 1
        }
        return nil
    }


    private static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return bytes[first...last]
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
