/// FastCGI 1.0 records, built and read byte by byte (wire-formats §A11), for the test client and for
/// hand-made broken input.
public enum FastCGIRecord {
    /// Record types.
    public enum Kind: UInt8, Sendable {
        case beginRequest = 1, abortRequest, endRequest, params, stdin, stdout, stderr, data, getValues,
            getValuesResult, unknownType
    }

    /// The largest content of one record.
    public static let maxContentLength = 65535
    /// The responder role in a BEGIN_REQUEST body.
    public static let responderRole: UInt16 = 1

    /// One record: 8-byte header, `content` (at most 65535 bytes) and padding to a multiple of 8.
    public static func encode(_ kind: Kind, requestID: UInt16 = 1, content: some Collection<UInt8> = [UInt8]()) -> [UInt8] {
        precondition(content.count <= maxContentLength, "one record holds at most 65535 bytes")
        let padding = (8 - content.count % 8) % 8
        var bytes: [UInt8] = [1, kind.rawValue, UInt8(requestID >> 8), UInt8(requestID & 0xFF),
                              UInt8(content.count >> 8), UInt8(content.count & 0xFF), UInt8(padding), 0]
        bytes += content
        bytes += [UInt8](repeating: 0, count: padding)
        return bytes
    }

    /// BEGIN_REQUEST for `role`, with `FCGI_KEEP_CONN` when `keepConnection`.
    public static func beginRequest(requestID: UInt16 = 1, role: UInt16 = responderRole, keepConnection: Bool = false)
        -> [UInt8]
    {
        encode(.beginRequest, requestID: requestID,
               content: [UInt8(role >> 8), UInt8(role & 0xFF), keepConnection ? 1 : 0, 0, 0, 0, 0, 0])
    }

    /// A stream (PARAMS, STDIN): `payload` split into records of at most `chunkSize` bytes, then the empty
    /// record that ends the stream.
    public static func stream(_ kind: Kind, requestID: UInt16 = 1, payload: [UInt8], chunkSize: Int = maxContentLength)
        -> [UInt8]
    {
        let size = max(1, min(chunkSize, maxContentLength))
        var bytes: [UInt8] = []
        var offset = 0
        while offset < payload.count {
            let end = min(offset + size, payload.count)
            bytes += encode(kind, requestID: requestID, content: payload[offset..<end])
            offset = end
        }
        return bytes + encode(kind, requestID: requestID)
    }

    /// Name-value pairs: each length in 1 byte when below 128, else in 4 bytes with the top bit set.
    public static func encodeParams(_ params: [(name: String, value: String)]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (name, value) in params {
            let name = Array(name.utf8), value = Array(value.utf8)
            bytes += encodeLength(name.count) + encodeLength(value.count) + name + value
        }
        return bytes
    }

    static func encodeLength(_ length: Int) -> [UInt8] {
        if length < 128 { return [UInt8(length)] }
        return [UInt8((length >> 24) & 0x7F) | 0x80, UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF),
                UInt8(length & 0xFF)]
    }

    /// A whole responder request: BEGIN_REQUEST, PARAMS stream, STDIN stream split at `chunkSize`.
    public static func request(params: [(name: String, value: String)], body: [UInt8], requestID: UInt16 = 1,
                               chunkSize: Int = maxContentLength) -> [UInt8]
    {
        beginRequest(requestID: requestID)
            + stream(.params, requestID: requestID, payload: encodeParams(params))
            + stream(.stdin, requestID: requestID, payload: body, chunkSize: chunkSize)
    }

    /// A decoded record.
    public struct Decoded: Sendable, Equatable {
        public var kind: UInt8
        public var requestID: UInt16
        public var content: [UInt8]
    }

    /// Splits `bytes` into records; `remainder` is a trailing incomplete record (empty when none).
    public static func decode(_ bytes: [UInt8]) -> (records: [Decoded], remainder: [UInt8]) {
        var records: [Decoded] = []
        var offset = 0
        while bytes.count - offset >= 8 {
            let length = Int(bytes[offset + 4]) << 8 | Int(bytes[offset + 5])
            let total = 8 + length + Int(bytes[offset + 6])
            guard bytes.count - offset >= total else { break }
            records.append(Decoded(kind: bytes[offset + 1], requestID: UInt16(bytes[offset + 2]) << 8 | UInt16(bytes[offset + 3]),
                                   content: Array(bytes[(offset + 8)..<(offset + 8 + length)])))
            offset += total
        }
        return (records, Array(bytes[offset...]))
    }
}
