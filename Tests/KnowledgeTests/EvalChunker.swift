import Runtime

/// A simple stand-in chunker for the evaluation (the real one is the knowledge helper's): Markdown sections,
/// cleaned of markup (bullets, bold, table pipes and rules), merged while they fit in ``maxWords`` and split at
/// paragraphs when one section is longer. Each chunk's heading is "Document title — first section heading",
/// so a passage about "Arrival and departure" still carries the hotel's name.
enum EvalChunker {
    static let maxWords = 300

    static func chunk(title: String, markdown: String) -> [(heading: String, content: String)] {
        var pieces: [(heading: String, text: String)] = []
        for section in sections(title: title, markdown: markdown) {
            var buffer: [String] = []
            var words = 0
            for paragraph in section.paragraphs {
                let count = wordCount(paragraph)
                if !buffer.isEmpty, words + count > maxWords {
                    pieces.append((section.heading, buffer.joined(separator: "\n\n")))
                    buffer = []
                    words = 0
                }
                buffer.append(paragraph)
                words += count
            }
            if !buffer.isEmpty { pieces.append((section.heading, buffer.joined(separator: "\n\n"))) }
        }
        var merged: [(heading: String, content: String)] = []
        for piece in pieces {
            if let last = merged.last, wordCount(last.content) + wordCount(piece.text) <= maxWords {
                merged[merged.count - 1].content += "\n\n" + piece.heading + "\n" + piece.text
            } else {
                merged.append((piece.heading == title ? title : title + " — " + piece.heading, piece.text))
            }
        }
        return merged
    }

    struct Section {
        let heading: String
        var paragraphs: [String]
    }

    static func sections(title: String, markdown: String) -> [Section] {
        var sections: [Section] = []
        var heading = title
        var paragraphs: [String] = []
        var current: [String] = []
        func flushParagraph() {
            if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
            current = []
        }
        func flushSection() {
            flushParagraph()
            if !paragraphs.isEmpty { sections.append(Section(heading: heading, paragraphs: paragraphs)) }
            paragraphs = []
        }
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).trimmingASCIIWhitespace()
            if line.hasPrefix("#") {
                flushSection()
                heading = String(line.drop { $0 == "#" }).trimmingASCIIWhitespace()
            } else if line.isEmpty {
                flushParagraph()
            } else if let cleaned = clean(line) {
                current.append(cleaned)
            }
        }
        flushSection()
        return sections
    }

    /// The line without Markdown markup; nil for table rules.
    static func clean(_ line: String) -> String? {
        var text = line
        if text.hasPrefix("|") {
            if text.allSatisfy({ $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " }) { return nil }
            text = text.split(separator: "|").map { String($0).trimmingASCIIWhitespace() }.filter { !$0.isEmpty }.joined(separator: "; ")
        }
        if text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("+ ") { text = String(text.dropFirst(2)) }
        if let dot = text.firstIndex(of: "."), text[..<dot].allSatisfy(\.isNumber), !text[..<dot].isEmpty,
           text[text.index(after: dot)...].hasPrefix(" ") {
            text = String(text[text.index(dot, offsetBy: 2)...])
        }
        text = text.replacing("**", with: "").replacing("`", with: "")
        return text.isEmpty ? nil : text
    }

    static func wordCount(_ text: String) -> Int { text.split { $0 == " " || $0 == "\n" }.count }
}
