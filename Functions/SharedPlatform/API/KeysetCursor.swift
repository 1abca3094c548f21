public import Runtime

/// The opaque `cursor` of keyset-paged lists (`next_cursor`): the last row's timestamp in microseconds since
/// 1970 (an integer, so no date parsing can fail in SQL) and its uuid, `micros|uuid` base64url-encoded. Lists come
/// newest first, so the next page holds the rows strictly before it:
/// `(created_at, id) < (timestamptz 'epoch' + micros * interval '1 microsecond', id)`.
public struct KeysetCursor: Sendable, Equatable {
    /// Microseconds since 1970-01-01 UTC, from 0 up to 2200 (below 2^53, so exact through interval arithmetic).
    public let micros: Int64
    /// A lower-case UUID.
    public let id: String

    /// 2200-01-01T00:00:00Z.
    public static let maxMicros: Int64 = 7_258_118_400_000_000

    public init(micros: Int64, id: String) {
        self.micros = micros
        self.id = id
    }

    /// Reads a cursor a previous page handed out.
    /// - Throws: 422 `invalid_field` (field `cursor`) for anything else, before any SQL sees it.
    public init(_ text: String) throws(HTTPError) {
        let invalid = HTTPError.invalid("cursor", "cursor must be a next_cursor value from a previous page.")
        guard text.utf8.count <= 100, let bytes = Base64URL.decode(text) else { throw invalid }
        let parts = String(decoding: bytes, as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, let micros = Int64(parts[0]), (0...Self.maxMicros).contains(micros),
              let id = try? Validate.uuid(String(parts[1])) else { throw invalid }
        self.init(micros: micros, id: id)
    }

    /// The text to hand out as `next_cursor`.
    public var text: String { Base64URL.encode(Array("\(micros)|\(id)".utf8)) }
}
