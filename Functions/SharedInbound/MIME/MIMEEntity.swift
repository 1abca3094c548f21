internal import Runtime

/// One MIME entity (a whole message or a body part): its header fields and its still-encoded body.
///
/// Reading is lenient, for untrusted mail: a leading mbox `From ` line is skipped, bare LF is accepted for CRLF,
/// a block with no blank line ends at the first line that does not look like a header, and folded lines are
/// unfolded (RFC 5322 §2.2.3).
struct MIMEEntity {
    /// Header fields in order, values unfolded and trimmed but not yet RFC 2047 decoded.
    var fields: [MessageHeader]
    var body: ArraySlice<UInt8>

    /// Splits `bytes` into header fields and body.
    init(_ bytes: ArraySlice<UInt8>) {
        var fields: [(name: String, value: [UInt8])] = []
        var index = bytes.startIndex
        var bodyStart = bytes.endIndex
        while index < bytes.endIndex {
            let newline = bytes[index...].firstIndex(of: 10) ?? bytes.endIndex
            var lineEnd = newline
            if lineEnd > index, bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
            let line = bytes[index..<lineEnd]
            let next = min(newline + 1, bytes.endIndex)
            if line.isEmpty {
                bodyStart = next
                break
            }
            if let first = line.first, first == 32 || first == 9 {
                if !fields.isEmpty { fields[fields.count - 1].value += line }
            } else if let colon = Self.headerColon(line) {
                fields.append(
                    (String(decoding: line[..<colon], as: UTF8.self).trimmingWhitespace, Array(line[(colon + 1)...])))
            } else if !(fields.isEmpty && line.starts(with: Array("From ".utf8))) {
                bodyStart = index  // not a header: the body starts here
                break
            }
            index = next
        }
        self.fields = fields.map { MessageHeader(name: $0.name, value: Self.text($0.value)) }
        body = bytes[bodyStart...]
    }

    /// The raw value of the first field called `name` (case-insensitive).
    subscript(name: String) -> String? { fields.first(named: name) }

    /// The Content-Type, defaulting to `text/plain` (or `defaultType` inside multipart/digest).
    func contentType(default defaultType: String = "text/plain") -> MIMEParameters {
        var type = MIMEParameters(self["content-type"] ?? defaultType)
        if !type.value.contains("/") { type.value = defaultType }
        return type
    }

    var disposition: MIMEParameters? { self["content-disposition"].map(MIMEParameters.init) }

    /// The body with its Content-Transfer-Encoding undone.
    var decodedBody: [UInt8] { TransferEncoding.decode(body, encoding: self["content-transfer-encoding"]) }

    /// Header bytes as text: UTF-8 when valid (RFC 6532), else Windows-1252; folding whitespace kept, trimmed.
    private static func text(_ bytes: [UInt8]) -> String {
        let decoded =
            bytes.allSatisfy { $0 < 0x80 }
            ? String(decoding: bytes, as: UTF8.self)
            : Charset.decode(bytes, charset: "us-ascii")
        return decoded.trimmingWhitespace
    }

    /// The colon ending a field name made of printable ASCII (RFC 5322 `ftext`), with optional spaces before it.
    private static func headerColon(_ line: ArraySlice<UInt8>) -> Int? {
        var index = line.startIndex
        while index < line.endIndex, line[index] > 32, line[index] < 127, line[index] != UInt8(ascii: ":") {
            index += 1
        }
        guard index > line.startIndex else { return nil }
        var colon = index
        while colon < line.endIndex, line[colon] == 32 || line[colon] == 9 { colon += 1 }
        return colon < line.endIndex && line[colon] == UInt8(ascii: ":") ? colon : nil
    }
}

/// Splits a multipart body (RFC 2046 §5.1) at its delimiter lines.
enum MultipartBody {
    /// The body parts between `--boundary` lines, without the line break before each delimiter. The preamble
    /// and epilogue are dropped; a missing close delimiter ends the last part at the end of the body.
    static func parts(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let dashBoundary = Array("--".utf8) + Array(boundary.utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int? = nil
        var index = body.startIndex
        while index < body.endIndex {
            let newline = body[index...].firstIndex(of: 10) ?? body.endIndex
            let line = body[index..<newline]
            if line.starts(with: dashBoundary) {
                let rest = line.dropFirst(dashBoundary.count)
                let isClose = rest.starts(with: [45, 45])
                if isClose || rest.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                    if let start = partStart {
                        var end = max(start, index - 1)  // drop the line break before the delimiter
                        if end > start, body[end - 1] == 13 { end -= 1 }
                        parts.append(body[start..<end])
                    }
                    if isClose { return parts }
                    partStart = min(newline + 1, body.endIndex)
                }
            }
            index = min(newline + 1, body.endIndex)
            if newline == body.endIndex { break }
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }
}
