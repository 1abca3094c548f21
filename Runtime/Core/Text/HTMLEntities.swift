/// HTML character references: numeric (`&#233;`, `&#xE9;`) and the named ones mail and web pages actually use;
/// shared by the inbound mail reader (HTML bodies) and knowledge extraction (HTML pages, DOCX text).
///
/// Numeric references in 0x80–0x9F are read as Windows-1252 (as browsers do); zero, surrogates and values
/// past U+10FFFF become U+FFFD. An unknown name, or `&` followed by nothing that fits, is a literal `&`; the
/// closing `;` is optional, as browsers allow.
package enum HTMLEntities {
    /// The character for the reference starting at `start` (an `&`) and the index after it.
    package static func decode(_ bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int) {
        var index = start + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < bytes.count && bytes[index] | 0x20 == UInt8(ascii: "x")
            if hex { index += 1 }
            var value: UInt32 = 0
            let digitsStart = index
            while index < bytes.count, index - digitsStart < 8, let digit = digit(bytes[index], hex: hex) {
                value = value * (hex ? 16 : 10) + UInt32(digit)
                index += 1
            }
            guard index > digitsStart else { return ("&", start + 1) }
            if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
            return (scalar(value), index)
        }
        let nameStart = index
        while index < bytes.count, index - nameStart < 12,
            (bytes[index] | 0x20) >= 97 && (bytes[index] | 0x20) <= 122 || (48...57).contains(bytes[index])
        {
            index += 1
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard let value = named[name], let scalar = Unicode.Scalar(value) else { return ("&", start + 1) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
        return (scalar, index)
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt8? {
        if hex { return Hex.value(byte) }
        return (48...57).contains(byte) ? byte - 48 : nil
    }

    private static func scalar(_ value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value), let mapped = Unicode.Scalar(windows1252High[Int(value) - 0x80]) {
            return mapped
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    /// `text` with every character reference decoded (text between tags of HTML or XML).
    package static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        var out = String.UnicodeScalarView()
        var literalStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&") else {
                index += 1
                continue
            }
            out.append(contentsOf: String(decoding: bytes[literalStart..<index], as: UTF8.self).unicodeScalars)
            let (scalar, end) = decode(bytes, at: index)
            out.append(scalar)
            index = end
            literalStart = end
        }
        out.append(contentsOf: String(decoding: bytes[literalStart...], as: UTF8.self).unicodeScalars)
        return String(out)
    }

    /// Windows-1252 bytes 0x80–0x9F; the five unassigned bytes map to the C1 control of the same value (WHATWG).
    package static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Named references (case-sensitive, as in HTML).
    package static let named: [String: UInt32] = [
        "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "nbsp": 0xA0, "shy": 0xAD, "copy": 0xA9, "reg": 0xAE,
        "trade": 0x2122, "hellip": 0x2026, "mdash": 0x2014, "ndash": 0x2013, "lsquo": 0x2018, "rsquo": 0x2019,
        "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "laquo": 0xAB, "raquo": 0xBB,
        "lsaquo": 0x2039, "rsaquo": 0x203A, "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "curren": 0xA4,
        "deg": 0xB0, "middot": 0xB7, "bull": 0x2022, "times": 0xD7, "divide": 0xF7, "plusmn": 0xB1, "frac12": 0xBD,
        "frac14": 0xBC, "frac34": 0xBE, "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3, "iexcl": 0xA1, "iquest": 0xBF,
        "sect": 0xA7, "para": 0xB6, "ordf": 0xAA, "ordm": 0xBA, "micro": 0xB5, "dagger": 0x2020, "Dagger": 0x2021,
        "permil": 0x2030, "prime": 0x2032, "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193,
        "harr": 0x2194, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D,
        "check": 0x2713, "hearts": 0x2665, "star": 0x2606,
        "Agrave": 0xC0, "Aacute": 0xC1, "Acirc": 0xC2, "Atilde": 0xC3, "Auml": 0xC4, "Aring": 0xC5, "AElig": 0xC6,
        "Ccedil": 0xC7, "Egrave": 0xC8, "Eacute": 0xC9, "Ecirc": 0xCA, "Euml": 0xCB, "Igrave": 0xCC, "Iacute": 0xCD,
        "Icirc": 0xCE, "Iuml": 0xCF, "ETH": 0xD0, "Ntilde": 0xD1, "Ograve": 0xD2, "Oacute": 0xD3, "Ocirc": 0xD4,
        "Otilde": 0xD5, "Ouml": 0xD6, "Oslash": 0xD8, "Ugrave": 0xD9, "Uacute": 0xDA, "Ucirc": 0xDB, "Uuml": 0xDC,
        "Yacute": 0xDD, "THORN": 0xDE, "szlig": 0xDF, "agrave": 0xE0, "aacute": 0xE1, "acirc": 0xE2, "atilde": 0xE3,
        "auml": 0xE4, "aring": 0xE5, "aelig": 0xE6, "ccedil": 0xE7, "egrave": 0xE8, "eacute": 0xE9, "ecirc": 0xEA,
        "euml": 0xEB, "igrave": 0xEC, "iacute": 0xED, "icirc": 0xEE, "iuml": 0xEF, "eth": 0xF0, "ntilde": 0xF1,
        "ograve": 0xF2, "oacute": 0xF3, "ocirc": 0xF4, "otilde": 0xF5, "ouml": 0xF6, "oslash": 0xF8, "ugrave": 0xF9,
        "uacute": 0xFA, "ucirc": 0xFB, "uuml": 0xFC, "yacute": 0xFD, "thorn": 0xFE, "yuml": 0xFF, "OElig": 0x152,
        "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC,
    ]
}
