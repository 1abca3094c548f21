internal import Runtime

/// Converts an HTML mail body to readable plain text.
///
/// script, style, title and template content and the `<head>` are dropped, as are comments and declarations;
/// block elements start new lines (paragraphs, headings, tables and lists a blank line), `<br>` is a line
/// break, list items start with `- ` (indented two spaces per nesting level), table cells are separated by a
/// space, link text is kept and URLs are not. Entities are decoded (``HTMLEntities``). Whitespace collapses
/// to one space except inside `<pre>`; lines are right-trimmed and blank lines never repeat. Linear time;
/// malformed markup (unclosed tags, quotes or comments) ends the text, it never traps.
public enum HTMLText {
    /// The text of `html`.
    public static func text(fromHTML html: String) -> String {
        var writer = HTMLTextWriter()
        let bytes = Array(html.utf8)
        var index = 0
        var textStart = 0
        var hasHeadClose = true  // set false once a search for </head> failed, so it is never repeated
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "<"):
                guard let tag = HTMLTag(bytes, at: index) else {
                    index += 1
                    continue
                }
                writer.text(bytes[textStart..<index])
                index = tag.end
                if tag.isOpening, let skipped = skip(tag.name, in: bytes, from: index, hasHeadClose: &hasHeadClose) {
                    index = skipped
                } else {
                    writer.tag(tag)
                }
                textStart = index
            case UInt8(ascii: "&"):
                writer.text(bytes[textStart..<index])
                let (scalar, end) = HTMLEntities.decode(bytes, at: index)
                writer.text(Array(String(scalar).utf8)[...])
                index = end
                textStart = index
            default:
                index += 1
            }
        }
        writer.text(bytes[textStart...])
        return writer.finish()
    }

    /// For elements whose content is never shown: the index after their closing tag (the end when unclosed).
    private static func skip(_ name: String, in bytes: [UInt8], from start: Int, hasHeadClose: inout Bool) -> Int? {
        switch name {
        case "script", "style", "title", "template", "xml":
            return close(name, in: bytes, from: start) ?? bytes.count
        case "head" where hasHeadClose:
            // A missing </head> keeps the content (title, style and script inside still skip).
            let end = close(name, in: bytes, from: start)
            hasHeadClose = end != nil
            return end
        default:
            return nil
        }
    }

    /// The index after `</name…>` at or after `start`, case-insensitive.
    private static func close(_ name: String, in bytes: [UInt8], from start: Int) -> Int? {
        let pattern = Array(("</" + name).utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<"),
                zip(bytes[index..<(index + pattern.count)], pattern).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
            {
                let end = bytes[(index + pattern.count)...].firstIndex(of: UInt8(ascii: ">")) ?? (bytes.count - 1)
                return end + 1
            }
            index += 1
        }
        return nil
    }
}

/// One tag, comment or declaration starting at a `<`.
struct HTMLTag {
    /// Lower-cased element name; empty for comments and declarations.
    var name: String
    var isOpening: Bool
    /// The index just after the tag's `>` (the end of input when unterminated).
    var end: Int

    /// Nil when the `<` does not start markup (`a < b`), which is then text.
    init?(_ bytes: [UInt8], at start: Int) {
        guard start + 1 < bytes.count else { return nil }
        let next = bytes[start + 1]
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            name = ""
            isOpening = false
            if bytes[start...].starts(with: Array("<!--".utf8)) {
                end = Self.find(Array("-->".utf8), in: bytes, from: start + 4).map { $0 + 3 } ?? bytes.count
            } else {
                end = (bytes[start...].firstIndex(of: UInt8(ascii: ">")) ?? (bytes.count - 1)) + 1
            }
            return
        }
        isOpening = next != UInt8(ascii: "/")
        var index = isOpening ? start + 1 : start + 2
        let nameStart = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart, Self.isLetter(bytes[nameStart]) else { return nil }
        name = String(decoding: bytes[nameStart..<index].map { $0 | 0x20 }, as: UTF8.self)
        var quote: UInt8? = nil
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            index += 1
        }
        end = min(index + 1, bytes.count)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
