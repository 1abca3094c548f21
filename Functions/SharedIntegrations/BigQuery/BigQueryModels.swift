public import Runtime

/// A named query parameter (`@name` in standard SQL).
public struct BigQueryParameter: Sendable, Equatable {
    public var name: String
    /// The BigQuery type: `STRING`, `INT64`, `FLOAT64`, `BOOL`, `DATE`, `TIMESTAMP`, `NUMERIC`.
    public var type: String
    /// The value as BigQuery's text form; nil is SQL NULL.
    public var value: String?

    public init(name: String, type: String, value: String?) {
        self.name = name
        self.type = type
        self.value = value
    }

    public static func string(_ name: String, _ value: String?) -> Self { .init(name: name, type: "STRING", value: value) }
    public static func int64(_ name: String, _ value: Int) -> Self { .init(name: name, type: "INT64", value: String(value)) }
    public static func bool(_ name: String, _ value: Bool) -> Self { .init(name: name, type: "BOOL", value: value ? "true" : "false") }
    public static func date(_ name: String, _ value: String) -> Self { .init(name: name, type: "DATE", value: value) }
}

/// One cell, converted from BigQuery's string form using the schema's field type.
public enum BigQueryValue: Sendable, Equatable {
    case null
    case int(Int)
    case double(Double)
    case bool(Bool)
    /// STRING, DATE, TIMESTAMP (epoch seconds as text), NUMERIC and anything else kept as text.
    case string(String)
    /// REPEATED or RECORD values, kept as JSON.
    case json(JSONValue)
}

/// The answer of `jobs.query`: schema, converted rows, and paging state.
public struct BigQueryQueryResult: Sendable, Equatable {
    /// False when BigQuery did not finish within `timeoutMs`; poll getQueryResults with ``jobID``.
    public var jobComplete: Bool
    public var jobID: String?
    /// Column names and types, in order.
    public var columns: [(name: String, type: String)]
    public var rows: [[BigQueryValue]]
    /// Total rows of the result (all pages).
    public var totalRows: Int?
    public var pageToken: String?

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.jobComplete == rhs.jobComplete && lhs.jobID == rhs.jobID && lhs.rows == rhs.rows
            && lhs.totalRows == rhs.totalRows && lhs.pageToken == rhs.pageToken
            && lhs.columns.map(\.name) == rhs.columns.map(\.name) && lhs.columns.map(\.type) == rhs.columns.map(\.type)
    }
}

/// A row to stream, with its de-duplication id (BigQuery drops a repeat of the same `insertId` for about a
/// minute, so retries after a timeout do not duplicate).
public struct BigQueryInsertRow: Sendable {
    public var insertID: String
    public var json: [String: JSONValue]

    public init(insertID: String, json: [String: JSONValue]) {
        self.insertID = insertID
        self.json = json
    }
}

/// A row BigQuery refused in an insertAll call (the others were stored).
public struct BigQueryInsertError: Sendable, Equatable {
    /// The row's index in the request.
    public var index: Int
    /// BigQuery's reasons (`invalid`, `stopped`, …).
    public var reasons: [String]

    public init(index: Int, reasons: [String]) {
        self.index = index
        self.reasons = reasons
    }
}
