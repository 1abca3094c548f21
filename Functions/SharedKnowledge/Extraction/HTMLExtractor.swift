internal import Runtime

/// HTML to blocks: `<h1>`–`<h6>` become section headings, block elements end paragraphs, `<script>`, `<style>`,
/// `<head>`, `<nav>`, `<svg>`, `<template>` and comments are skipped, and character references are decoded. A
/// small scanner rather than InboundMail's `HTMLText` (which Knowledge does not depend on, and which flattens
/// headings into text).
enum HTMLExtractor {
    private static let skipped: Set<String> = ["script", "style", "head", "nav", "svg", "template", "noscript", "iframe"]
    private static let blocksTags: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "blockquote", "pre", "hr", "dd", "dt",
        "dl", "header", "footer", "main", "aside", "figure", "figcaption", "form", "address", "body", "html", "caption",
    ]

    static func blocks(_ html: String) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var current = ""
        var inHeading = false
        func flush() {
            let text = TextNormalizer.collapse(HTMLEntities.decode(current))
            if !text.isEmpty { blocks.append(inHeading ? .heading(text) : .paragraph(text)) }
            current = ""
        }
        let chars = Array(html.unicodeScalars)
        var index = 0
        while index < chars.count {
            let scalar = chars[index]
            guard scalar == "<" else {
                current.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            if starts(chars, index, "<!--") {
                index = find(chars, from: index + 4, "-->").map { $0 + 3 } ?? chars.count
                continue
            }
            guard let close = chars[index...].firstIndex(of: ">") else { current += "<"; index += 1; continue }
            let tag = tagName(chars[(index + 1)..<close])
            index = close + 1
            guard !tag.name.isEmpty else { continue }
            if skipped.contains(tag.name), !tag.closing, !tag.selfClosing {
                index = find(chars, from: index, "</" + tag.name, caseInsensitive: true)
                    .flatMap { end in chars[end...].firstIndex(of: ">").map { $0 + 1 } } ?? chars.count
                continue
            }
            if tag.name.count == 2, tag.name.first == "h", let level = tag.name.last?.wholeNumberValue, (1...6).contains(level) {
                flush()
                inHeading = !tag.closing
                continue
            }
            if blocksTags.contains(tag.name) { flush() } else if tag.name == "td" || tag.name == "th" { current += " " }
        }
        flush()
        return blocks
    }

    private static func tagName(_ inner: ArraySlice<Unicode.Scalar>) -> (name: String, closing: Bool, selfClosing: Bool) {
        var slice = inner
        let closing = slice.first == "/"
        if closing { slice = slice.dropFirst() }
        let name = String(String.UnicodeScalarView(slice.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
        return (name.lowercased(), closing, inner.last == "/")
    }

    private static func starts(_ chars: [Unicode.Scalar], _ index: Int, _ text: String) -> Bool {
        let needle = Array(text.unicodeScalars)
        return index + needle.count <= chars.count && Array(chars[index..<(index + needle.count)]) == needle
    }

    private static func find(_ chars: [Unicode.Scalar], from start: Int, _ text: String, caseInsensitive: Bool = false) -> Int? {
        let needle = Array((caseInsensitive ? text.lowercased() : text).unicodeScalars)
        guard let first = needle.first, start < chars.count else { return nil }
        var index = start
        while index + needle.count <= chars.count {
            let lowered = caseInsensitive ? lower(chars[index]) : chars[index]
            if lowered == first {
                var match = true
                for offset in 1..<needle.count where (caseInsensitive ? lower(chars[index + offset]) : chars[index + offset]) != needle[offset] {
                    match = false
                    break
                }
                if match { return index }
            }
            index += 1
        }
        return nil
    }

    private static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }
}
