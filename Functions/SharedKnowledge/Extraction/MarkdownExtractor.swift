/// Markdown to blocks: ATX (`# Title`) and setext headings become section headings; list items, quotes and table
/// rows become paragraphs; inline markup (emphasis, code, links, images, HTML tags) is reduced to its text.
enum MarkdownExtractor {
    static func blocks(_ source: String) -> [TextBlock] {
        let lines = TextNormalizer.lines(source).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [TextBlock] = []
        var paragraph: [String] = []
        var inFence = false
        func flush() {
            let text = PlainParagraphs.join(paragraph.map { TextNormalizer.collapse(inline($0)) }.filter { !$0.isEmpty })
            if !text.isEmpty { blocks.append(.paragraph(text)) }
            paragraph.removeAll()
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(" \t")
            defer { index += 1 }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                inFence.toggle()
                continue
            }
            if inFence { paragraph.append(line); continue }
            if trimmed.isEmpty || isRule(trimmed) { flush(); continue }
            if let heading = atxHeading(trimmed) {
                flush()
                if !heading.isEmpty { blocks.append(.heading(heading)) }
                continue
            }
            if index + 1 < lines.count, isSetextUnderline(lines[index + 1]), !isListItem(trimmed) {
                flush()
                let heading = TextNormalizer.collapse(inline(trimmed))
                if !heading.isEmpty { blocks.append(.heading(heading)) }
                index += 1
                continue
            }
            if trimmed.hasPrefix("[") && trimmed.contains("]:") { continue }  // link reference definition
            if isTableSeparator(trimmed) { continue }
            var content = trimmed
            while content.hasPrefix(">") { content = String(content.dropFirst()).trimmingCharacters(" ") }
            if let item = listItem(content) {
                flush()
                paragraph.append(item)
                continue
            }
            if content.hasPrefix("|") || content.hasSuffix("|") {
                flush()
                paragraph.append(content.split(separator: "|").map { String($0).trimmingCharacters(" ") }.filter { !$0.isEmpty }
                    .joined(separator: " | "))
                flush()
                continue
            }
            paragraph.append(content)
        }
        flush()
        return blocks
    }

    private static func atxHeading(_ line: String) -> String? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = String(rest).trimmingCharacters(" \t")
        while text.hasSuffix("#") { text.removeLast() }
        return TextNormalizer.collapse(inline(text))
    }

    private static func isSetextUnderline(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(" \t")
        return trimmed.count >= 2 && (trimmed.allSatisfy { $0 == "=" } || trimmed.allSatisfy { $0 == "-" })
    }

    private static func isRule(_ line: String) -> Bool {
        let compact = line.filter { $0 != " " }
        return compact.count >= 3 && (compact.allSatisfy { $0 == "-" } || compact.allSatisfy { $0 == "*" }
            || compact.allSatisfy { $0 == "_" })
    }

    private static func isTableSeparator(_ line: String) -> Bool {
        line.contains("-") && line.allSatisfy { "|-: \t".contains($0) }
    }

    private static func isListItem(_ line: String) -> Bool { listItem(line) != nil }

    private static func listItem(_ line: String) -> String? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return String(line.dropFirst(2))
        }
        let digits = line.prefix { $0.isNumber }
        if (1...9).contains(digits.count), let marker = line.dropFirst(digits.count).first, marker == "." || marker == ")",
           line.dropFirst(digits.count + 1).first == " " {
            return String(line.dropFirst(digits.count + 2))
        }
        return nil
    }

    /// Inline markup to text: `![alt](src)` → alt, `[text](url)` → text, `<tags>` removed, emphasis and code
    /// markers dropped (an underscore inside a word is kept).
    static func inline(_ text: String) -> String {
        var out = ""
        let chars = Array(text)
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == "\\", index + 1 < chars.count { out.append(chars[index + 1]); index += 2; continue }
            if char == "!" || char == "[", let (label, next) = link(chars, from: char == "!" ? index + 1 : index) {
                out += label
                index = next
                continue
            }
            if char == "<", let close = chars[index...].firstIndex(of: ">"), close - index < 200 {
                let inner = String(chars[(index + 1)..<close])
                if inner.hasPrefix("http") || inner.contains("@") { out += inner }
                index = close + 1
                continue
            }
            if char == "*" || char == "`" || char == "~" { index += 1; continue }
            if char == "_" {
                let before = index > 0 ? chars[index - 1] : " "
                let after = index + 1 < chars.count ? chars[index + 1] : " "
                if before.isLetter || before.isNumber, after.isLetter || after.isNumber { out.append(char) }
                index += 1
                continue
            }
            out.append(char)
            index += 1
        }
        return out
    }

    private static func link(_ chars: [Character], from start: Int) -> (String, Int)? {
        guard start < chars.count, chars[start] == "[", let close = chars[start...].firstIndex(of: "]"),
              close + 1 < chars.count, chars[close + 1] == "(", let end = chars[(close + 1)...].firstIndex(of: ")")
        else { return nil }
        return (inline(String(chars[(start + 1)..<close])), end + 1)
    }
}

extension String {
    func trimmingCharacters(_ set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
