internal import FoundationEssentials
internal import Glibc
internal import SharedPlatform

/// Header-field encoding for ``MIMEMessage``: RFC 2047 encoded words, quoted display names, RFC 2231 parameters,
/// RFC 5322 dates. Pure functions.
enum MIMEHeader {
    /// `text` as is when it is printable ASCII, else as `=?UTF-8?B?…?=` words of at most 75 characters each, folded
    /// with CRLF SP and never splitting a character.
    static func text(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ (32...126).contains($0) }) else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    /// `"Name" <email>`, or `<email>` without a name; non-ASCII names as encoded words.
    static func address(_ address: MailAddress) -> String {
        guard let name = address.name, !name.isEmpty else { return "<\(address.email)>" }
        let display: String
        if name.utf8.allSatisfy({ (32...126).contains($0) }) {
            display = "\"" + name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        } else {
            display = text(name)
        }
        return display + " <\(address.email)>"
    }

    /// `name="value"` for ASCII values, else `name*=UTF-8''percent-encoded` (RFC 2231).
    static func parameter(_ name: String, _ value: String) -> String {
        if value.utf8.allSatisfy({ (32...126).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\(name)=\"\(value)\""
        }
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let hex = Array("0123456789ABCDEF")
        let encoded = value.utf8.map { byte in
            unreserved.contains(byte) ? String(UnicodeScalar(byte)) : "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
        }
        return "\(name)*=UTF-8''" + encoded.joined()
    }

    /// E.g. `Tue, 01 Jul 2025 10:00:00 +0000`.
    static func rfc5322Date(epochSeconds: Int) -> String {
        var seconds = time_t(epochSeconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let two = { (value: Int32) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}
