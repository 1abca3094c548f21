internal import Runtime
internal import RuntimeZip

/// DOCX (Office Open XML) to blocks: `word/document.xml` is read from the ZIP container under ``ZipLimits``; each
/// `w:p` is a paragraph, a paragraph styled `Heading*` or `Title` is a section heading, and each table row (`w:tr`)
/// becomes one paragraph with its cells separated by " | ".
enum DOCXExtractor {
    static func blocks(_ bytes: [UInt8], limits: ZipLimits = ZipLimits(maxEntryBytes: 64 << 20, maxTotalBytes: 64 << 20))
        throws(KnowledgeError) -> [TextBlock]
    {
        let xml: [UInt8]
        do {
            let archive = try ZipArchive(bytes, limits: limits)
            guard archive.entry(named: "word/document.xml") != nil else {
                throw KnowledgeError("not_docx", "The file is not a Word document (it has no word/document.xml).")
            }
            xml = try archive.contents(named: "word/document.xml")
        } catch let error as KnowledgeError {
            throw error
        } catch let error as ZipError {
            throw KnowledgeError.unreadable("docx", error.message)
        } catch {
            throw KnowledgeError.unreadable("docx", "the archive is damaged.")
        }
        return parse(String(decoding: xml, as: UTF8.self))
    }

    /// Walks the tags of `document.xml`; text is collected only inside `w:t` elements.
    static func parse(_ xml: String) -> [TextBlock] {
        var state = State()
        let scalars = Array(xml.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "<" else {
                let end = scalars[index...].firstIndex(of: "<") ?? scalars.count
                if state.inText { state.paragraph += String(String.UnicodeScalarView(scalars[index..<end])) }
                index = end
                continue
            }
            guard let close = scalars[index...].firstIndex(of: ">") else { break }
            let inner = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            index = close + 1
            state.handle(tag: inner)
        }
        state.endParagraph()
        return state.blocks
    }

    private struct State {
        var blocks: [TextBlock] = []
        var paragraph = ""
        var isHeading = false
        var inText = false
        var tableDepth = 0
        var cells: [String] = []

        mutating func handle(tag inner: String) {
            let closing = inner.hasPrefix("/")
            let body = closing ? inner.dropFirst() : inner[...]
            let name = String(body.prefix { !$0.isWhitespace && $0 != "/" })
            let selfClosing = inner.hasSuffix("/")
            switch name {
            case "w:t":
                inText = !closing && !selfClosing
            case "w:tab", "w:br", "w:cr":
                paragraph += " "
            case "w:pStyle":
                let value = attribute("w:val", in: inner).lowercased()
                if value.hasPrefix("heading") || value == "title" { isHeading = true }
            case "w:p":
                if closing || selfClosing { endParagraph() } else { paragraph = ""; isHeading = false }
            case "w:tbl":
                tableDepth += closing ? -1 : 1
                tableDepth = max(0, tableDepth)
            case "w:tr" where closing:
                let row = cells.filter { !$0.isEmpty }.joined(separator: " | ")
                if !row.isEmpty { blocks.append(.paragraph(row)) }
                cells = []
            case "w:tc" where !closing:
                cells.append("")
            default:
                break
            }
        }

        mutating func endParagraph() {
            let text = TextNormalizer.collapse(HTMLEntities.decode(paragraph))
            defer { paragraph = ""; isHeading = false; inText = false }
            guard !text.isEmpty else { return }
            if tableDepth > 0, !cells.isEmpty {
                cells[cells.count - 1] += cells[cells.count - 1].isEmpty ? text : " " + text
            } else {
                blocks.append(isHeading ? .heading(text) : .paragraph(text))
            }
        }

        private func attribute(_ name: String, in tag: String) -> String {
            let needle = Array((name + "=\"").unicodeScalars)
            let scalars = Array(tag.unicodeScalars)
            guard needle.count <= scalars.count,
                  let start = (0...(scalars.count - needle.count)).first(where: { Array(scalars[$0..<($0 + needle.count)]) == needle })
            else { return "" }
            return String(String.UnicodeScalarView(scalars[(start + needle.count)...].prefix { $0 != "\"" }))
        }
    }
}
