internal import Runtime

/// The rows of one statement, copied out of libpq's `PGresult` at once (nothing here points into C memory).
///
/// Values are PostgreSQL's text format; the typed accessors parse them and throw
/// ``PGError/Code/decodingFailed`` rather than trap on unexpected data.
public struct PGResult: Sendable {
    public let columns: [String]
    public let rows: [[String?]]
    /// Rows affected by INSERT/UPDATE/DELETE (`PQcmdTuples`), 0 for others.
    public let affectedRows: Int

    public init(columns: [String], rows: [[String?]], affectedRows: Int) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    public var rowCount: Int { rows.count }
    public var isEmpty: Bool { rows.isEmpty }

    /// The value at `row`, `column` (by name); nil for SQL NULL or an unknown column/row.
    public func string(row: Int, column: String) -> String? {
        guard row >= 0, row < rows.count, let index = columns.firstIndex(of: column) else { return nil }
        return rows[row][index]
    }

    /// The rows as ``PGRow`` values for typed, by-name access.
    public var all: [PGRow] { rows.map { PGRow(columns: columns, values: $0) } }

    /// The first row, if any.
    public var first: PGRow? { rows.first.map { PGRow(columns: columns, values: $0) } }
}

/// One row with by-name, typed accessors.
public struct PGRow: Sendable {
    public let columns: [String]
    public let values: [String?]

    public subscript(column: String) -> String? {
        guard let index = columns.firstIndex(of: column) else { return nil }
        return values[index]
    }

    /// A non-NULL text value. - Throws: ``PGError`` when NULL or missing.
    public func string(_ column: String) throws(PGError) -> String {
        guard let value = self[column] else { throw Self.missing(column) }
        return value
    }

    public func int(_ column: String) throws(PGError) -> Int {
        guard let text = self[column], let value = Int(text) else { throw Self.missing(column) }
        return value
    }

    public func optionalInt(_ column: String) throws(PGError) -> Int? {
        guard let text = self[column] else { return nil }
        guard let value = Int(text) else { throw Self.missing(column) }
        return value
    }

    public func bool(_ column: String) throws(PGError) -> Bool {
        switch self[column] {
        case "t", "true": return true
        case "f", "false": return false
        default: throw Self.missing(column)
        }
    }

    /// A `bytea` value in hex output format (`\x…`).
    public func bytes(_ column: String) throws(PGError) -> [UInt8] {
        guard let text = self[column], text.hasPrefix("\\x") else { throw Self.missing(column) }
        let digits = Array(text.utf8.dropFirst(2))
        guard digits.count % 2 == 0 else { throw Self.missing(column) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = Hex.value(digits[index]), let low = Hex.value(digits[index + 1]) else { throw Self.missing(column) }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }


    private static func missing(_ column: String) -> PGError {
        PGError(.decodingFailed, serverMessage: "column \(column) is missing, NULL or not of the expected type")
    }
}
