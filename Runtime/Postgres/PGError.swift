/// A PostgreSQL failure.
///
/// Its `description` is deliberately generic (a code and SQLSTATE), so that bind values, connection strings
/// and server messages — which can quote data — never reach a client or an info-level log by accident
/// (postgres-nio's PSQLError does the same). `debugDescription` adds the server message and the SQL text.
public struct PGError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    /// What kind of failure this is. A struct over a private enum, so cases can be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case connectionFailed, queryFailed, connectionLost, decodingFailed, deadlineExceeded, migrationFailed }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        public static let connectionFailed = Code(.connectionFailed)
        public static let queryFailed = Code(.queryFailed)
        /// The connection broke during or before the statement; retrying on a new connection may work.
        public static let connectionLost = Code(.connectionLost)
        public static let decodingFailed = Code(.decodingFailed)
        public static let deadlineExceeded = Code(.deadlineExceeded)
        public static let migrationFailed = Code(.migrationFailed)
        public var description: String { base.rawValue }
    }

    public let code: Code
    /// The five-character SQLSTATE (`23505` unique violation), when the server sent one.
    public let sqlState: String?
    /// The server's or libpq's message. May quote data: log it at debug level only.
    public let serverMessage: String
    /// The SQL text (never the bind values).
    public let sql: String?

    public init(_ code: Code, sqlState: String? = nil, serverMessage: String = "", sql: String? = nil) {
        self.code = code
        self.sqlState = sqlState
        self.serverMessage = serverMessage
        self.sql = sql
    }

    public var description: String {
        "PGError(\(code)\(sqlState.map { ", sqlstate \($0)" } ?? ""))"
    }

    public var debugDescription: String {
        var text = description + ": " + serverMessage.trimmingASCIIWhitespaceAndNewlines()
        if let sql { text += " [sql: \(sql.count > 300 ? String(sql.prefix(300)) + "…" : sql)]" }
        return text
    }

    /// True for unique-constraint violations (SQLSTATE 23505).
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// True for foreign-key violations (23503).
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    /// True for check-constraint violations (23514) and row-level-security refusals (42501).
    public var isRefused: Bool { sqlState == "23514" || sqlState == "42501" }
    /// True for `statement_timeout` cancellations (57014).
    public var isTimeout: Bool { sqlState == "57014" || code == .deadlineExceeded }
}

extension String {
    fileprivate func trimmingASCIIWhitespaceAndNewlines() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last == "\n" || last == " " || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
