extension HTTPError.Code {
    /// A `multipart/form-data` body that cannot be parsed (always status 400).
    public static let malformedMultipart: HTTPError.Code = "malformed_multipart"
}

/// A `multipart/form-data` parser (RFC 7578 on RFC 2046 §5.1) for bodies already read into memory.
///
/// The boundary comes from the `Content-Type` parameter (quoted or not, 1–70 characters). The preamble and
/// epilogue are ignored, a boundary line may carry trailing spaces, and bare LF is accepted wherever CRLF is
/// expected, as some mail gateways send it. A line that merely starts with the boundary (`--boundaryX`) is
/// content. Time is linear in the body size: delimiters are found with a Horspool search and every byte is
/// looked at a bounded number of times. The total size is the caller's limit (the server's body cap).
public enum Multipart {
    /// Bounds on what one body may hold.
    public struct Limits: Sendable, Equatable {
        /// The most parts accepted; one more is a 400.
        public var maxParts: Int
        /// The largest header block of one part, blank line included.
        public var maxHeaderBytes: Int

        /// The defaults suit web forms and SendGrid's Inbound Parse (a dozen fields plus attachments).
        public init(maxParts: Int = 1000, maxHeaderBytes: Int = 16 * 1024) {
            self.maxParts = maxParts
            self.maxHeaderBytes = maxHeaderBytes
        }
    }

    /// Splits `body` into its parts, in order.
    ///
    /// - Parameters:
    ///   - contentType: the request's full `Content-Type` value, e.g. `multipart/form-data; boundary=xYzZY`.
    /// - Throws: ``HTTPError`` 415 `unsupported_media_type` unless `contentType` is `multipart/form-data`;
    ///   400 `malformed_multipart` for a missing or invalid boundary and for any malformed or over-limit body.
    public static func parse(body: [UInt8], contentType: String, limits: Limits = .init()) throws(HTTPError)
        -> [MultipartPart]
    {
        let finder = DelimiterFinder(boundary: try boundary(in: contentType))
        guard var delimiter = finder.first(in: body) else {
            throw malformed("The body holds no multipart boundary line.")
        }
        var parts: [MultipartPart] = []
        while !delimiter.isClose {
            guard parts.count < limits.maxParts else {
                throw malformed("The body has more than \(limits.maxParts) parts.")
            }
            guard let next = finder.next(in: body, from: delimiter.end) else {
                throw malformed("The body ends before the closing multipart boundary.")
            }
            parts.append(try part(body, from: delimiter.end, lineBreak: next.start, limits: limits))
            delimiter = next
        }
        return parts
    }

    /// The boundary parameter of `contentType`, validated against RFC 2046's `boundary` grammar.
    static func boundary(in contentType: String) throws(HTTPError) -> [UInt8] {
        guard let header = HeaderValue(contentType) else {
            throw malformed("The Content-Type header cannot be parsed.")
        }
        guard header.value == "multipart/form-data" else {
            throw HTTPError(.unsupportedMediaType, code: .unsupportedMediaType, message: "Send the body as multipart/form-data.")
        }
        guard let boundary = header.parameters["boundary"] else {
            throw malformed("The Content-Type header has no boundary parameter.")
        }
        let bytes = Array(boundary.utf8)
        guard (1...70).contains(bytes.count), bytes.allSatisfy(isBoundaryCharacter), bytes.last != UInt8(ascii: " ") else {
            throw malformed("The multipart boundary must be 1 to 70 letters, digits or '()+_,-./:=? characters.")
        }
        return bytes
    }

    /// Parses the part between the end of a delimiter line (`start`) and the line break before the next one.
    private static func part(_ body: [UInt8], from start: Int, lineBreak: Int, limits: Limits) throws(HTTPError)
        -> MultipartPart
    {
        // The header block may end with the very line break that precedes the next delimiter (empty content).
        let searchEnd = min(lineBreak + 1, start + max(0, limits.maxHeaderBytes))
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = start
        var contentStart = start
        while true {
            guard let newline = body[lineStart..<searchEnd].firstIndex(of: UInt8(ascii: "\n")) else {
                throw malformed(searchEnd < lineBreak + 1
                    ? "A part's headers are larger than \(limits.maxHeaderBytes) bytes."
                    : "A part has no blank line after its headers.")
            }
            let lineEnd = newline > lineStart && body[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
            if lineEnd == lineStart {
                contentStart = newline + 1
                break
            }
            lines.append(body[lineStart..<lineEnd])
            lineStart = newline + 1
        }
        let headers = try MultipartHeaders.parse(lines)
        var contentEnd = lineBreak
        if contentEnd > contentStart, body[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
        let content = contentStart < contentEnd ? Array(body[contentStart..<contentEnd]) : []
        let disposition = try MultipartHeaders.disposition(headers)
        return MultipartPart(name: disposition.name, filename: disposition.filename, contentType: headers["content-type"],
                             headers: headers, body: content)
    }

    static func malformed(_ message: String) -> HTTPError {
        HTTPError(.badRequest, code: .malformedMultipart, message: message)
    }

    /// RFC 2046 `bchars`: letters, digits, `'()+_,-./:=?` and space.
    private static func isBoundaryCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("'()+_,-./:=? ".utf8).contains(byte)
        }
    }
}

/// Finds delimiter lines (`--boundary` at the start of a line, then `--` or optional spaces and a line break).
struct DelimiterFinder {
    struct Delimiter {
        /// Index of the line break before the delimiter (0 for one at the very start of the body).
        var start: Int
        /// Index just after the delimiter line: where the next part's headers begin.
        var end: Int
        var isClose: Bool
    }

    /// `\n--boundary`: matching the line break too means only delimiters at a line start are found.
    private let pattern: [UInt8]
    /// Horspool's bad-character shifts.
    private let shift: [Int]

    init(boundary: [UInt8]) {
        pattern = Array("\n--".utf8) + boundary
        var shift = [Int](repeating: pattern.count, count: 256)
        for index in 0..<(pattern.count - 1) { shift[Int(pattern[index])] = pattern.count - 1 - index }
        self.shift = shift
    }

    /// The first delimiter: at the very start of the body, or after a line break in the preamble.
    func first(in body: [UInt8]) -> Delimiter? {
        let dashBoundary = pattern.count - 1
        if body.count >= dashBoundary, body[0..<dashBoundary].elementsEqual(pattern[1...]),
            let delimiter = classify(body, start: 0, after: dashBoundary)
        {
            return delimiter
        }
        return next(in: body, from: 0)
    }

    /// The next delimiter whose line break is at or after `from`.
    func next(in body: [UInt8], from: Int) -> Delimiter? {
        var from = from
        while let found = search(body, from: from) {
            if let delimiter = classify(body, start: found, after: found + pattern.count) { return delimiter }
            from = found + 1
        }
        return nil
    }

    /// A delimiter if what follows `--boundary` is `--` (close) or spaces/tabs and a line break.
    private func classify(_ body: [UInt8], start: Int, after: Int) -> Delimiter? {
        var index = after
        if index + 1 < body.count, body[index] == UInt8(ascii: "-"), body[index + 1] == UInt8(ascii: "-") {
            return Delimiter(start: start, end: body.count, isClose: true)
        }
        while index < body.count, body[index] == UInt8(ascii: " ") || body[index] == UInt8(ascii: "\t") { index += 1 }
        if index < body.count, body[index] == UInt8(ascii: "\n") {
            return Delimiter(start: start, end: index + 1, isClose: false)
        }
        if index + 1 < body.count, body[index] == UInt8(ascii: "\r"), body[index + 1] == UInt8(ascii: "\n") {
            return Delimiter(start: start, end: index + 2, isClose: false)
        }
        return nil
    }

    /// Horspool search for `pattern` in `body` from `from`.
    private func search(_ body: [UInt8], from: Int) -> Int? {
        let last = pattern.count - 1
        var index = from
        while index + last < body.count {
            var offset = last
            while body[index + offset] == pattern[offset] {
                if offset == 0 { return index }
                offset -= 1
            }
            index += shift[Int(body[index + last])]
        }
        return nil
    }
}
