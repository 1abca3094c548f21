internal import Runtime

extension BigQueryClient {
    /// Converts a `jobs.query` response; nil when required members are missing.
    static func queryResult(_ object: [String: JSONValue]) -> BigQueryQueryResult? {
        guard let complete = object["jobComplete"]?.bool else { return nil }
        let fields = object["schema"]?["fields"]?.array ?? []
        let columns = fields.map { (name: $0["name"]?.string ?? "", type: $0["type"]?.string ?? "STRING") }
        var rows: [[BigQueryValue]] = []
        for row in object["rows"]?.array ?? [] {
            guard let cells = row["f"]?.array, cells.count == columns.count else { return nil }
            rows.append(zip(cells, columns).map { cell, column in value(cell["v"] ?? .null, type: column.type) })
        }
        return BigQueryQueryResult(
            jobComplete: complete, jobID: object["jobReference"]?["jobId"]?.string, columns: columns, rows: rows,
            totalRows: object["totalRows"]?.string.flatMap { Int($0) }, pageToken: object["pageToken"]?.string)
    }

    /// BigQuery sends scalars as strings in `v`; the field type says how to read them.
    static func value(_ raw: JSONValue, type: String) -> BigQueryValue {
        guard case .string(let text) = raw else { return raw == .null ? .null : .json(raw) }
        switch type {
        case "INTEGER", "INT64": return Int(text).map { .int($0) } ?? .string(text)
        case "FLOAT", "FLOAT64": return Double(text).map { .double($0) } ?? .string(text)
        case "BOOLEAN", "BOOL": return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        default: return .string(text)
        }
    }
}
