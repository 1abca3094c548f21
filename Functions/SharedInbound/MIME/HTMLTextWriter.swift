internal import Runtime

/// The output side of ``HTMLText``: whitespace collapsing, line and paragraph breaks, list markers.
struct HTMLTextWriter {
    private var out: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreaks = 0
    private var preDepth = 0
    private var listDepth = 0

    private static let paragraphs: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "blockquote", "pre", "hr", "figure",
    ]
    private static let lines: Set<String> = [
        "div", "tr", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "main", "figcaption",
        "form", "fieldset", "address", "center", "caption", "tbody", "thead", "tfoot", "body", "html", "li",
    ]

    /// Text between tags, entities already decoded.
    mutating func text(_ bytes: ArraySlice<UInt8>) {
        for byte in bytes {
            if preDepth == 0, byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 {
                pendingSpace = true
            } else if byte == 13 {
                continue
            } else {
                flush()
                out.append(byte)
            }
        }
    }

    mutating func tag(_ tag: HTMLTag) {
        let name = tag.name
        switch name {
        case "br":
            trimTrailingSpaces()
            out.append(10)
            pendingSpace = false
        case "li" where tag.isOpening:
            pendingBreaks = max(pendingBreaks, 1)
            flush()
            out += Array(String(repeating: "  ", count: max(0, min(listDepth, 10) - 1)).utf8) + Array("- ".utf8)
        case "td", "th":
            pendingSpace = true
        case "pre":
            preDepth = max(0, preDepth + (tag.isOpening ? 1 : -1))
            pendingBreaks = max(pendingBreaks, 2)
        case "ul", "ol":
            listDepth = max(0, listDepth + (tag.isOpening ? 1 : -1))
            let outermost = tag.isOpening ? listDepth == 1 : listDepth == 0
            pendingBreaks = max(pendingBreaks, outermost ? 2 : 1)
        case _ where Self.paragraphs.contains(name):
            pendingBreaks = max(pendingBreaks, 2)
        case _ where Self.lines.contains(name):
            pendingBreaks = max(pendingBreaks, 1)
        default:
            break
        }
    }

    /// The collected text: NBSP as space, lines right-trimmed, at most one blank line in a row, trimmed.
    mutating func finish() -> String {
        let text = String(decoding: out, as: UTF8.self).replacing("\u{00A0}", with: " ")
        var lines: [Substring] = []
        var blank = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " || line[line.index(before: end)] == "\t" {
                end = line.index(before: end)
            }
            let kept = line[..<end]
            blank = kept.isEmpty ? blank + 1 : 0
            if blank <= 1 { lines.append(kept) }
        }
        return lines.joined(separator: "\n").trimmingWhitespace
    }

    /// Writes pending breaks or a pending space before the next visible byte.
    private mutating func flush() {
        if pendingBreaks > 0 {
            trimTrailingSpaces()
            if !out.isEmpty {
                let trailing = out.reversed().prefix(while: { $0 == 10 }).count
                for _ in 0..<max(0, min(pendingBreaks, 2) - trailing) { out.append(10) }
            }
        } else if pendingSpace, let last = out.last, last != 10, last != 32 {
            out.append(32)
        }
        pendingBreaks = 0
        pendingSpace = false
    }

    private mutating func trimTrailingSpaces() {
        while let last = out.last, last == 32 || last == 9 { out.removeLast() }
    }
}
