internal import Runtime

/// Decodes text bytes in the charsets mail arrives in.
///
/// Supported: UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15 and Windows-1252, under their common labels. As in the
/// WHATWG Encoding Standard, ISO-8859-1 and US-ASCII labels are read as Windows-1252 when the bytes are not
/// UTF-8 (mailers label cp1252 text "iso-8859-1" all the time, and C1 controls never mean anything in mail).
/// Anything unknown is read as UTF-8 with U+FFFD for invalid sequences: a message is never dropped for its
/// charset. The result has CRLF and lone CR turned into LF, and NUL removed (PostgreSQL text cannot hold it).
enum Charset {
    enum Kind: Equatable { case utf8, windows1252, latin9 }

    /// The decoder for a charset label (case, quotes and spaces ignored); unknown labels read as UTF-8.
    static func kind(_ label: String?) -> Kind {
        guard let label else { return .utf8 }
        let name = label.lowercased().filter { $0 != "\"" && $0 != " " && $0 != "'" }
        switch name {
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100",
            "iso_8859-1:1987", "windows-1252", "cp1252", "x-cp1252", "win-1252", "us-ascii", "ascii", "ansi_x3.4-1968",
            "us":
            return .windows1252
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9", "l9", "csisolatin9":
            return .latin9
        default:
            return .utf8
        }
    }

    /// `bytes` as text in the charset `label`, normalized as the type documents.
    static func decode(_ bytes: some Collection<UInt8>, charset label: String?) -> String {
        let kind = kind(label)
        let text: String
        if kind == .utf8 || isValidUTF8(bytes) && kind == .windows1252 && label.map(isASCIILabel) == true {
            text = String(decoding: bytes, as: UTF8.self)
        } else if bytes.allSatisfy({ $0 < 0x80 }) {
            text = String(decoding: bytes, as: UTF8.self)
        } else {
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(scalar(byte, kind)) }
            text = String(scalars)
        }
        return normalize(text)
    }

    /// CRLF and CR to LF, NUL removed.
    static func normalize(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 13 || $0 == 0 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            switch byte {
            case 0: continue
            case 13: out.append(10)
            case 10 where previousCR: break
            default: out.append(byte)
            }
            previousCR = byte == 13
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// US-ASCII text with 8-bit bytes is nearly always UTF-8 from a careless mailer; Latin-1 labels are trusted.
    private static func isASCIILabel(_ label: String) -> Bool {
        ["us-ascii", "ascii", "ansi_x3.4-1968", "us"].contains(label.lowercased().filter { $0 != "\"" && $0 != " " })
    }

    private static func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func scalar(_ byte: UInt8, _ kind: Kind) -> Unicode.Scalar {
        switch kind {
        case .utf8, .windows1252:
            if (0x80...0x9F).contains(byte), let mapped = Unicode.Scalar(HTMLEntities.windows1252High[Int(byte) - 0x80]) {
                return mapped
            }
            return Unicode.Scalar(byte)
        case .latin9:
            let mapped: UInt32? =
                switch byte {
                case 0xA4: 0x20AC
                case 0xA6: 0x0160
                case 0xA8: 0x0161
                case 0xB4: 0x017D
                case 0xB8: 0x017E
                case 0xBC: 0x0152
                case 0xBD: 0x0153
                case 0xBE: 0x0178
                default: nil
                }
            return mapped.flatMap(Unicode.Scalar.init) ?? Unicode.Scalar(byte)
        }
    }
}
