/// What extractive answers take from ``SentenceSplitter`` (the chunker's splitter, one set of sentence rules):
/// line breaks end a sentence too (list items and table rows are separate lines), and ``sentences(in:)`` keeps only
/// real sentences — starting with a capital letter or digit, ending with terminal punctuation, at least four words,
/// free of Markdown residue and file paths (``isClean(_:)``).
extension SentenceSplitter {
    /// The whole, clean sentences of `text` (see the type's documentation).
    public static func sentences(in text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).flatMap { split(String($0)) }.filter(isClean)
    }

    /// A whole sentence fit to show: capitalised or numeric start, terminal punctuation, ≥ 4 words, no Markdown
    /// markup (`#`, `**`, `|`, backticks, links), no file paths or temporary-file names.
    public static func isClean(_ sentence: String) -> Bool {
        guard let first = sentence.first, first.isUppercase || first.isNumber || first == "\"" || first == "“",
              let last = sentence.last, last == "." || last == "!" || last == "?" || last == "\"" || last == "”" || last == ")",
              sentence.split(separator: " ").count >= 4 else { return false }
        for residue in ["**", "|", "`", "](", "##", "\t", "\\", "/tmp", "/var/", "/home/", "C:"] where sentence.contains(residue) {
            return false
        }
        if sentence.hasPrefix("#") || sentence.hasPrefix("- ") || sentence.hasPrefix("* ") { return false }
        let words = sentence.split(separator: " ")
        return !words.contains { word in
            let bare = word.trimmingSet(".,;:!?()\"")
            let lower = bare.lowercased()
            return (bare.filter { $0 == "/" }.count >= 2 && !lower.hasPrefix("http"))
                || [".md", ".pdf", ".docx", ".txt", ".html", ".tmp"].contains { lower.hasSuffix($0) }
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set`.
    func trimmingSet(_ set: String) -> String {
        let characters = Set(set)
        guard let start = firstIndex(where: { !characters.contains($0) }),
              let end = lastIndex(where: { !characters.contains($0) }) else { return "" }
        return String(self[start...end])
    }
}
