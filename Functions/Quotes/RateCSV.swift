/// An RFC 4180 reader for rate sheets: records of fields with the physical line each record starts on.
///
/// Accepts what spreadsheets write: quoted fields with `""` escapes, commas and line breaks inside quotes,
/// CRLF, LF or lone CR line ends, a UTF-8 byte-order mark, and a final line break or blank lines (skipped, but
/// counted, so line numbers stay those an editor shows). It is lenient where no data is lost — a `"` inside an
/// unquoted field is kept as a character — and reports the rest per record rather than giving up: text after a
/// closing quote, an unterminated quote, bytes that are not UTF-8. Works on bytes (every delimiter is ASCII, and
/// UTF-8 never uses ASCII bytes inside a multi-byte character), so it never splits a character.
enum RateCSV {
    /// One record: its fields, the line it starts on (the first line is 1) and any problem found in it.
    struct Record: Equatable {
        var line: Int
        var fields: [String]
        /// The first malformed field, if any; the record's text is unreliable then.
        var problem: Problem?
    }

    /// A malformed field: its column index (0-based) and what is wrong, as a sentence.
    struct Problem: Equatable {
        var column: Int
        var message: String
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
                       cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Every non-blank record of `bytes`, in order. Blank lines and records whose fields are all empty are left out.
    static func parse(_ bytes: [UInt8]) -> [Record] {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var records: [Record] = []
        while index < bytes.count {
            let record = readRecord(bytes, from: &index, line: &line)
            if record.problem != nil || record.fields.contains(where: { !$0.isEmpty }) { records.append(record) }
        }
        return records
    }

    /// Reads one record starting at `index`, through its line end, advancing `index` and `line`.
    private static func readRecord(_ bytes: [UInt8], from index: inout Int, line: inout Int) -> Record {
        var record = Record(line: line, fields: [], problem: nil)
        var field: [UInt8] = []
        func finishField() {
            if let text = String(validating: field, as: UTF8.self) {
                record.fields.append(text)
            } else {
                record.fields.append(String(decoding: field, as: UTF8.self))
                note(record.fields.count - 1, "The field is not valid UTF-8 text.")
            }
            field = []
        }
        func note(_ column: Int, _ message: String) {
            if record.problem == nil { record.problem = Problem(column: column, message: message) }
        }
        while true {
            if index < bytes.count, bytes[index] == quote {
                index += 1
                if !readQuoted(bytes, from: &index, line: &line, into: &field) {
                    note(record.fields.count, "The field has a quote that is never closed.")
                }
                // After the closing quote only a delimiter or a line end may follow.
                var trailing = false
                while index < bytes.count, bytes[index] != comma, bytes[index] != cr, bytes[index] != lf {
                    trailing = true
                    index += 1
                }
                if trailing { note(record.fields.count, "The field has text after its closing quote; quote the whole field.") }
            } else {
                while index < bytes.count, bytes[index] != comma, bytes[index] != cr, bytes[index] != lf {
                    field.append(bytes[index])
                    index += 1
                }
            }
            finishField()
            guard index < bytes.count else { return record }
            let byte = bytes[index]
            index += 1
            if byte == comma { continue }
            if byte == cr, index < bytes.count, bytes[index] == lf { index += 1 }
            line += 1
            return record
        }
    }

    /// Reads a quoted field's content (after its opening quote) through its closing quote, turning `""` into `"`
    /// and counting line breaks. Returns false when the input ends first.
    private static func readQuoted(_ bytes: [UInt8], from index: inout Int, line: inout Int, into field: inout [UInt8]) -> Bool {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case quote:
                guard index < bytes.count, bytes[index] == quote else { return true }
                field.append(quote)
                index += 1
            case cr:
                field.append(cr)
                if index < bytes.count, bytes[index] == lf {
                    field.append(lf)
                    index += 1
                }
                line += 1
            case lf:
                field.append(lf)
                line += 1
            default:
                field.append(byte)
            }
        }
        return false
    }
}
