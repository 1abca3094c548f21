internal import Runtime

/// A refused rate sheet: 422 with the usual error body plus `rows`, every problem found as `{line, field, message}`
/// (SPEC §7). `rows` is always present (empty when the problem is the file as a whole) and holds at most
/// ``maxRows`` entries; `rows_total` says how many there were.
struct RateImportError: ResponseError, Equatable {
    struct Row: Encodable, Equatable {
        let line: Int
        let field: String
        let message: String
    }

    /// The most problems listed in one response (a sheet of 10,000 bad rows would otherwise answer megabytes).
    static let maxRows = 1_000

    let code: String
    let message: String
    var rows: [Row] = []

    func response(requestID: String) -> Response {
        struct Body: Encodable {
            struct Detail: Encodable {
                let code: String
                let message: String
                let request_id: String
                let rows: [Row]
                let rows_total: Int
            }
            let error: Detail
        }
        let body = Body(error: .init(code: code, message: message, request_id: requestID,
                                     rows: Array(rows.prefix(Self.maxRows)), rows_total: rows.count))
        do {
            return try Response.json(body, status: HTTPError.Status.unprocessableContent.rawValue)
        } catch {
            return HTTPError(.unprocessableContent, code: .init(rawValue: code), message: message).response(requestID: requestID)
        }
    }
}
