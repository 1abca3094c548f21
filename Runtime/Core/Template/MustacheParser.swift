/// Turns a template's source into nodes in one pass over its UTF-8 bytes.
///
/// Tags are found by their ASCII delimiters, so every text slice starts and ends on a character boundary. A section,
/// inverted, closing or comment tag that is alone on its line (only spaces and tabs beside it) is *standalone*: the
/// whole line goes, its newline (`\n` or `\r\n`) included, as the Mustache spec requires.
struct MustacheParser {
    /// An open section (the root is frame 0).
    private struct Frame {
        var name: MustacheName
        var inverted: Bool
        var offset: Int
        var nodes: [MustacheNode] = []
    }

    private enum Kind { case variable, unescaped, section, inverted, close, comment }

    private let bytes: [UInt8]
    private var frames = [Frame(name: MustacheName(text: "", parts: []), inverted: false, offset: 0)]
    /// Where the text not yet emitted begins.
    private var textStart = 0
    private(set) var unescapedNames: [String] = []

    private init(_ source: String) { bytes = Array(source.utf8) }

    /// The nodes of `source` and the names its unescaped tags use.
    static func parse(_ source: String) throws(MustacheError) -> (nodes: [MustacheNode], unescaped: [String]) {
        var parser = MustacheParser(source)
        guard parser.bytes.count <= MustacheTemplate.maxSourceBytes else {
            throw MustacheError(
                .tooLarge, line: 1, column: 1,
                reason: "The template is larger than \(MustacheTemplate.maxSourceBytes / 1024) KB.")
        }
        try parser.run()
        return (parser.frames[0].nodes, parser.unescapedNames)
    }

    private mutating func run() throws(MustacheError) {
        var index = 0
        while let open = find([0x7B, 0x7B], from: index) {
            let (kind, content, end) = try readTag(at: open)
            index = end
            if kind == .comment {
                emitText(upTo: open, tagEnd: end, standalone: true)
                continue
            }
            let name = try parseName(content, tagAt: open)
            let standalone = kind != .variable && kind != .unescaped
            emitText(upTo: open, tagEnd: end, standalone: standalone)
            switch kind {
            case .variable, .unescaped:
                if kind == .unescaped { unescapedNames.append(name.text) }
                frames[frames.count - 1].nodes.append(.variable(name, escaped: kind == .variable))
            case .section, .inverted:
                guard frames.count <= MustacheTemplate.maxDepth else {
                    throw error(.tooDeep, at: open, "Sections nest deeper than \(MustacheTemplate.maxDepth) levels.")
                }
                frames.append(Frame(name: name, inverted: kind == .inverted, offset: open))
            case .close:
                try close(name, at: open)
            case .comment:
                break
            }
        }
        if textStart < bytes.count { append(.text(text(textStart..<bytes.count))) }
        if frames.count > 1, let open = frames.last {
            let sigil = open.inverted ? "^" : "#"
            throw error(.unclosedSection, at: open.offset, "Section {{\(sigil)\(open.name.text)}} is never closed.")
        }
    }

    private mutating func close(_ name: MustacheName, at offset: Int) throws(MustacheError) {
        guard frames.count > 1, let open = frames.popLast() else {
            throw error(.unexpectedClose, at: offset, "{{/\(name.text)}} closes no open section.")
        }
        guard open.name.text == name.text else {
            let (line, column) = position(of: open.offset)
            let sigil = open.inverted ? "^" : "#"
            throw error(
                .mismatchedClose, at: offset,
                "{{/\(name.text)}} does not close {{\(sigil)\(open.name.text)}} (line \(line), column \(column)).")
        }
        append(.section(open.name, open.nodes, inverted: open.inverted))
    }

    /// Reads the tag whose `{{` is at `open`: its kind, the byte range of its content, and where it ends.
    private func readTag(at open: Int) throws(MustacheError) -> (Kind, Range<Int>, Int) {
        let start = open + 2
        let sigil = start < bytes.count ? bytes[start] : 0
        if sigil == UInt8(ascii: "{") {
            guard let close = find([0x7D, 0x7D, 0x7D], from: start + 1) else {
                throw error(.unclosedTag, at: open, "A {{{ tag is never closed with }}}.")
            }
            return (.unescaped, (start + 1)..<close, close + 3)
        }
        let kind: Kind
        switch sigil {
        case UInt8(ascii: ">"): throw error(.unsupportedTag, at: open, "Partials ({{>name}}) are not supported.")
        case UInt8(ascii: "="):
            throw error(.unsupportedTag, at: open, "Set-delimiter tags ({{=…=}}) are not supported.")
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "&"): kind = .unescaped
        default: kind = .variable
        }
        guard let close = find([0x7D, 0x7D], from: start) else {
            throw error(.unclosedTag, at: open, "A {{ tag is never closed with }}.")
        }
        return (kind, (kind == .variable ? start : start + 1)..<close, close + 2)
    }

    /// Emits the pending text before a tag at `open`; for a standalone-capable tag alone on its line, drops the
    /// line's indentation and the tag's trailing whitespace and newline.
    private mutating func emitText(upTo open: Int, tagEnd: Int, standalone: Bool) {
        var textEnd = open
        var resume = tagEnd
        if standalone, let lineStart = lineStart(before: open), let after = lineEnd(after: tagEnd) {
            textEnd = lineStart
            resume = after
        }
        if textStart < textEnd { append(.text(text(textStart..<textEnd))) }
        textStart = resume
    }

    /// The start of the tag's line when only spaces and tabs precede the tag on it (and no other tag).
    private func lineStart(before open: Int) -> Int? {
        var index = open
        while index > textStart {
            let byte = bytes[index - 1]
            if byte == UInt8(ascii: "\n") { return index }
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { return nil }
            index -= 1
        }
        return textStart == 0 || bytes[textStart - 1] == UInt8(ascii: "\n") ? textStart : nil
    }

    /// Past the newline ending the tag's line when only spaces and tabs follow the tag (or the template ends).
    private func lineEnd(after end: Int) -> Int? {
        var index = end
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        if index == bytes.count { return index }
        if bytes[index] == UInt8(ascii: "\n") { return index + 1 }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
            return index + 2
        }
        return nil
    }

    private mutating func append(_ node: MustacheNode) { frames[frames.count - 1].nodes.append(node) }

    private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The tag name in `range`: `.` or dotted parts, none empty, no whitespace or braces inside.
    private func parseName(_ range: Range<Int>, tagAt open: Int) throws(MustacheError) -> MustacheName {
        let raw = text(range)
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let trimmed = String(raw.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
        if trimmed == "." { return MustacheName(text: trimmed, parts: []) }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let valid =
            !trimmed.isEmpty && !parts.contains(where: \.isEmpty)
            && !trimmed.contains(where: { isSpace($0) || $0 == "{" || $0 == "}" })
        guard valid else {
            throw error(
                .invalidName, at: open,
                trimmed.isEmpty ? "A tag has no name." : "\"\(trimmed)\" is not a valid tag name.")
        }
        return MustacheName(text: trimmed, parts: parts)
    }

    private func error(_ code: MustacheError.Code, at offset: Int, _ reason: String) -> MustacheError {
        let (line, column) = position(of: offset)
        return MustacheError(code, line: line, column: column, reason: reason)
    }

    /// 1-based line and character column of byte `offset`.
    private func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, text(lineStart..<offset).count + 1)
    }
}
