/// RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?ISO-8859-1?Q?…?=`) in header text.
///
/// Whitespace (folding included) between two adjacent encoded words is dropped, and adjacent words in the same
/// charset are decoded together, so a multi-byte character split across two words survives. A malformed word
/// is kept as literal text. Encoded words inside quoted strings are decoded too, as mail clients do.
enum EncodedWord {
    /// `text` with every encoded word decoded.
    static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > 1, containsMarker(bytes) else { return text }
        var out = ""
        var literal: [UInt8] = []  // text since the last encoded word
        var pending: (charset: String, bytes: [UInt8])? = nil
        var index = 0
        func flushPending() {
            if let word = pending { out += Charset.decode(word.bytes, charset: word.charset) }
            pending = nil
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), let word = parseWord(bytes, at: index) {
                let onlySpace = literal.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 || $0 == 10 }
                if pending != nil, onlySpace {
                    literal.removeAll()
                } else {
                    flushPending()
                    out += String(decoding: literal, as: UTF8.self)
                    literal.removeAll()
                }
                if let current = pending, Charset.kind(current.charset) == Charset.kind(word.charset),
                    current.charset.lowercased() == word.charset.lowercased()
                {
                    pending = (current.charset, current.bytes + word.bytes)
                } else {
                    flushPending()
                    pending = (word.charset, word.bytes)
                }
                index = word.end
                continue
            }
            literal.append(bytes[index])
            index += 1
        }
        flushPending()
        out += String(decoding: literal, as: UTF8.self)
        return Charset.normalize(out)
    }

    private static func containsMarker(_ bytes: [UInt8]) -> Bool {
        for index in 0..<(bytes.count - 1)
        where bytes[index] == UInt8(ascii: "=") && bytes[index + 1] == UInt8(ascii: "?") {
            return true
        }
        return false
    }

    /// RFC 2047 allows 75 characters; mailers write longer ones, but a bound keeps malformed input linear.
    private static let maxWordLength = 4096

    /// The encoded word starting at `start`: `=?charset[*lang]?B|Q?text?=` with no spaces inside.
    private static func parseWord(_ bytes: [UInt8], at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        guard start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "?") else { return nil }
        let charsetStart = start + 2
        guard let charsetEnd = scan(bytes, from: charsetStart, limit: 64, until: UInt8(ascii: "?")),
            charsetEnd > charsetStart, charsetEnd + 2 < bytes.count, bytes[charsetEnd + 2] == UInt8(ascii: "?")
        else { return nil }
        let encoding = bytes[charsetEnd + 1] | 0x20  // lower-case
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = charsetEnd + 3
        var cursor = textStart
        while cursor + 1 < bytes.count, cursor - textStart < maxWordLength {
            if bytes[cursor] == UInt8(ascii: "?"), bytes[cursor + 1] == UInt8(ascii: "=") { break }
            if bytes[cursor] == 32 || bytes[cursor] == 9 || bytes[cursor] == 10 || bytes[cursor] == 13 { return nil }
            cursor += 1
        }
        guard cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "?"), bytes[cursor + 1] == UInt8(ascii: "=")
        else { return nil }
        let encoded = bytes[textStart..<cursor]
        let decoded =
            encoding == UInt8(ascii: "b")
            ? TransferEncoding.base64(encoded)
            : TransferEncoding.quotedPrintable(encoded, underscoreIsSpace: true)
        var charset = String(decoding: bytes[charsetStart..<charsetEnd], as: UTF8.self)
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }  // RFC 2231 language
        return (charset, decoded, cursor + 2)
    }

    /// The index of `stop` within `limit` bytes of `from`, with no space or `=` before it; nil otherwise.
    private static func scan(_ bytes: [UInt8], from: Int, limit: Int, until stop: UInt8) -> Int? {
        var index = from
        while index < bytes.count, index - from <= limit {
            let byte = bytes[index]
            if byte == stop { return index }
            if byte <= 32 || byte == UInt8(ascii: "=") { return nil }
            index += 1
        }
        return nil
    }
}
