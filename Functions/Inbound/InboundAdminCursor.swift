internal import Runtime
internal import SharedPlatform

/// The opaque `cursor` of `GET /api/v1/inbound/admin/messages`: the last row's `received_at` (microseconds since
/// 1970, an integer, so no date parsing can fail in SQL) and id, base64url-encoded. Rows come newest first, so the next page holds the rows strictly before it.
struct InboundAdminCursor: Equatable {
    /// Microseconds since 1970-01-01 UTC, from 0 up to the year 2200 (below 2^53, so exact through SQL's interval
    /// arithmetic).
    let micros: Int64
    /// A lower-case UUID.
    let id: String

    /// The cursor after `message`.
    init(after message: InboundAdminMessage) {
        micros = message.cursorMicros
        id = message.id
    }

    /// Reads a cursor a previous page returned.
    /// - Throws: 422 `invalid_field` (field `cursor`) for anything else, before any SQL sees it.
    init(_ text: String) throws(HTTPError) {
        let invalid = HTTPError.invalid("cursor", "cursor must be a next_cursor value from a previous page.")
        guard text.utf8.count <= 200, let bytes = Base64URL.decode(text) else { throw invalid }
        let parts = String(decoding: bytes, as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, let micros = Int64(parts[0]), (0...Self.maxMicros).contains(micros) else { throw invalid }
        do {
            id = try Validate.uuid(String(parts[1]))
        } catch {
            throw invalid
        }
        self.micros = micros
    }

    /// 2200-01-01T00:00:00Z.
    static let maxMicros: Int64 = 7_258_118_400_000_000

    /// The text to hand out.
    var text: String { Base64URL.encode(Array("\(micros)|\(id)".utf8)) }
}
