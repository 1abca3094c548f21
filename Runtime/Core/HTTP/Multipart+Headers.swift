/// The header block of one multipart part, and its `Content-Disposition`.
enum MultipartHeaders {
    /// Parses header lines (without their line breaks). Folded continuation lines are joined with a space.
    ///
    /// - Throws: 400 `malformed_multipart` for a line without a colon, a name that is not an RFC 9110 token,
    ///   a NUL byte, or a continuation line with nothing to continue.
    static func parse(_ lines: [ArraySlice<UInt8>]) throws(HTTPError) -> Headers {
        var fields: [(name: String, value: [UInt8])] = []
        for line in lines {
            guard !line.contains(0) else { throw Multipart.malformed("A part header holds a NUL byte.") }
            if let first = line.first, isSpace(first) {
                guard !fields.isEmpty else { throw Multipart.malformed("A part's headers start with a folded line.") }
                fields[fields.count - 1].value += [UInt8(ascii: " ")] + trimmed(line)
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                throw Multipart.malformed("A part header line has no colon.")
            }
            let name = line[line.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenCharacter) else {
                throw Multipart.malformed("A part header has an invalid name.")
            }
            fields.append((String(decoding: name, as: UTF8.self), Array(trimmed(line[(colon + 1)...]))))
        }
        var headers = Headers()
        for field in fields { headers.add(field.name, String(decoding: field.value, as: UTF8.self)) }
        return headers
    }

    /// The field name and file name from `Content-Disposition: form-data; name="…"; filename="…"`.
    ///
    /// - Throws: 400 `malformed_multipart` when the header is missing, is not `form-data`, has no `name`, or
    ///   has a `filename*` that is not a valid RFC 8187 value.
    static func disposition(_ headers: Headers) throws(HTTPError) -> (name: String, filename: String?) {
        guard let text = headers["content-disposition"] else {
            throw Multipart.malformed("A part has no Content-Disposition header.")
        }
        guard let disposition = HeaderValue(text), disposition.value == "form-data" else {
            throw Multipart.malformed("A part's Content-Disposition is not form-data with valid parameters.")
        }
        guard let name = disposition.parameters["name"] else {
            throw Multipart.malformed("A part's Content-Disposition has no name.")
        }
        var filename = disposition.parameters["filename"]
        if let extended = disposition.parameters["filename*"] {
            guard let decoded = HeaderValue.decodeExtendedValue(extended) else {
                throw Multipart.malformed("A part's filename* is not a valid UTF-8 or ISO-8859-1 extended value.")
            }
            filename = decoded
        }
        return (name, filename)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return bytes[first...last]
    }

    /// RFC 9110 `tchar`.
    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
