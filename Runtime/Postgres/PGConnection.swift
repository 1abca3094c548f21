internal import CLibPQ
internal import Glibc

/// Owns one libpq connection (`PGconn*`).
///
/// Freed with `PQfinish` in `deinit` — also after a failed connect, as libpq requires. Not Sendable and not
/// thread-safe: one worker thread creates it and is its only user. Statements go through `PQexecParams` with
/// text-format parameters only (https://www.postgresql.org/docs/15/libpq-exec.html); every result is copied
/// into a ``PGResult`` and cleared before returning.
public final class PGConnection {
    private let raw: OpaquePointer

    /// Connects to `conninfo` (a `postgresql://` URI or `key=value` string).
    ///
    /// - Throws: ``PGError`` `connectionFailed` with libpq's message (which never includes the password).
    public init(conninfo: String) throws(PGError) {
        guard let handle = PQconnectdb(conninfo) else {
            throw PGError(.connectionFailed, serverMessage: "out of memory")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(handle))
            PQfinish(handle)
            throw PGError(.connectionFailed, serverMessage: message)
        }
        raw = handle
    }

    deinit { PQfinish(raw) }

    /// Whether libpq still considers the connection usable.
    public var isHealthy: Bool { PQstatus(raw) == CONNECTION_OK }

    /// True while inside a transaction block (or a failed one).
    public var inTransaction: Bool {
        let status = PQtransactionStatus(raw)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Runs one statement and returns its rows.
    ///
    /// - Throws: ``PGError`` `queryFailed` with SQLSTATE and server message, or `connectionLost` when the
    ///   connection broke.
    @discardableResult
    public func query(_ query: PGQuery) throws(PGError) -> PGResult {
        // PostgreSQL text cannot hold NUL, and strdup would silently cut the value there.
        if query.binds.contains(where: { $0?.utf8.contains(0) == true }) {
            throw PGError(.queryFailed, sqlState: "22021", serverMessage: "a parameter contains a NUL byte", sql: query.sql)
        }
        let result: OpaquePointer? = withCStrings(query.binds) { values in
            PQexecParams(raw, query.sql, Int32(query.binds.count), nil, values, nil, nil, 0)
        }
        guard let result else {
            throw PGError(isHealthy ? .queryFailed : .connectionLost, serverMessage: errorMessage, sql: query.sql)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return Self.copy(result)
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = PQresultErrorMessage(result).map { String(cString: $0) } ?? errorMessage
            let code: PGError.Code = state == nil && !isHealthy ? .connectionLost : .queryFailed
            throw PGError(code, sqlState: state, serverMessage: message, sql: query.sql)
        }
    }

    /// Runs several statements in one simple-query round trip (no parameters), e.g. a migration file.
    public func execute(script: String) throws(PGError) {
        guard let result = PQexec(raw, script) else {
            throw PGError(isHealthy ? .queryFailed : .connectionLost, serverMessage: errorMessage)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY else {
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            throw PGError(.queryFailed, sqlState: state, serverMessage: errorMessage)
        }
    }

    /// libpq's last error message for this connection.
    var errorMessage: String { String(cString: PQerrorMessage(raw)) }

    /// The socket, for waiting on notifications (``PGConnection/waitForNotification(timeoutMilliseconds:)``).
    var socket: Int32 { PQsocket(raw) }

    /// Reads input that arrived and returns pending `NOTIFY`s as (channel, payload).
    func drainNotifications() throws(PGError) -> [(channel: String, payload: String)] {
        guard PQconsumeInput(raw) == 1 else { throw PGError(.connectionLost, serverMessage: errorMessage) }
        var received: [(channel: String, payload: String)] = []
        while let notify = PQnotifies(raw) {
            received.append((String(cString: notify.pointee.relname), String(cString: notify.pointee.extra)))
            PQfreemem(notify)
        }
        return received
    }

    private static func copy(_ result: OpaquePointer) -> PGResult {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        var rows: [[String?]] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            rows.append(values)
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return PGResult(columns: columns, rows: rows, affectedRows: affected)
    }
}

/// Calls `body` with a C array of NUL-terminated copies of `strings` (nil stays NULL), freed afterwards.
private func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
    defer { copies.forEach { free($0) } }
    return body(copies.map { $0.map { UnsafePointer($0) } })
}
