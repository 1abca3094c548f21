public import Runtime

/// A SQL statement with its parameters, built so that interpolation can only bind.
///
/// `"SELECT * FROM quotes WHERE tenant_id = \(tenant) AND id = \(id)"` becomes `… = $1 AND id = $2` with two
/// parameters; values are never spliced into the SQL text. Raw SQL needs ``init(unsafeSQL:)``, which
/// reviewers grep for.
public struct PGQuery: Sendable, ExpressibleByStringInterpolation {
    public private(set) var sql: String
    /// Parameter values in text format; nil is SQL NULL.
    public private(set) var binds: [String?]

    /// SQL taken as is. Only for trusted, constant text (migrations, DDL built from constants).
    public init(unsafeSQL sql: String) {
        self.sql = sql
        self.binds = []
    }

    /// SQL taken as is with explicit `$n` parameters, for statements whose identifiers come from the catalog.
    public init(unsafeSQL sql: String, binds: [String?]) {
        self.sql = sql
        self.binds = binds
    }

    public init(stringLiteral value: String) {
        self.sql = value
        self.binds = []
    }

    public init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.binds = stringInterpolation.binds
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) { sql += literal }

        /// Binds `value` as the next `$n` parameter.
        public mutating func appendInterpolation(_ value: some PGBindable) {
            binds.append(value.pgText)
            sql += "$\(binds.count)"
        }

        /// Splices a constant SQL fragment (a column list defined in code), never a value.
        ///
        /// Reviewers grep for `unsafe:` as for ``PGQuery/init(unsafeSQL:)``.
        public mutating func appendInterpolation(unsafe fragment: StaticString) {
            sql += fragment.description
        }

        /// Binds an optional value; nil becomes NULL.
        public mutating func appendInterpolation(_ value: (some PGBindable)?) {
            binds.append(value?.pgText)
            sql += "$\(binds.count)"
        }
    }
}

/// A value that can be sent as a text-format query parameter.
public protocol PGBindable: Sendable {
    /// The PostgreSQL text representation.
    var pgText: String { get }
}

extension String: PGBindable { public var pgText: String { self } }
extension Substring: PGBindable { public var pgText: String { String(self) } }
extension Int: PGBindable { public var pgText: String { String(self) } }
extension Int64: PGBindable { public var pgText: String { String(self) } }
extension Int32: PGBindable { public var pgText: String { String(self) } }
extension Double: PGBindable { public var pgText: String { String(self) } }
extension Bool: PGBindable { public var pgText: String { self ? "true" : "false" } }
extension Day: PGBindable { public var pgText: String { description } }

/// Binary data, bound as `bytea` in hex form.
public struct PGBytes: PGBindable {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var pgText: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        out.reserveCapacity(2 + bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A text array (`text[]`), bound in PostgreSQL's array literal syntax with every element quoted.
public struct PGTextArray: PGBindable {
    public let elements: [String]
    public init(_ elements: [String]) { self.elements = elements }
    public var pgText: String {
        let quoted = elements.map { element -> String in
            var text = "\""
            for character in element {
                if character == "\"" || character == "\\" { text.append("\\") }
                text.append(character)
            }
            return text + "\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }
}
