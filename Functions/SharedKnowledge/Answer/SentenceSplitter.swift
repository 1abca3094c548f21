/// Splits passage text into whole sentences for extractive answers.
///
/// A sentence ends at `.`, `!` or `?` followed by white space (or the end), unless the period belongs to an
/// abbreviation ("e.g.", "approx.", "St."), an initial ("J. Smith") or a number ("3.5", "R24.500"); times like
/// 14:00 never end one. A line break ends a sentence too (list items and table rows are separate lines), and
/// ``sentences(in:)`` keeps only real sentences: starting with a capital letter or digit, ending with terminal
/// punctuation, at least four words, and free of Markdown residue and file paths (``isClean(_:)``).
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "approx", "incl", "excl", "no", "nos", "vs", "st", "mr", "mrs", "ms", "dr", "prof",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed",
        "thu", "fri", "sat", "sun", "min", "max", "tel", "ca", "pp", "pps", "ref", "dept", "ave", "rd", "mt",
    ]

    /// Every candidate sentence of `text`, trimmed, in order (fragments included).
    public static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let characters = Array(line)
            var current = ""
            var index = 0
            while index < characters.count {
                let character = characters[index]
                current.append(character)
                if character == "." || character == "!" || character == "?" {
                    let next = index + 1 < characters.count ? characters[index + 1] : " "
                    if next == " " || next == "\t" || next == "\"" || next == ")" || next == "”",
                       character != "." || !isAbbreviationEnd(current) {
                        while index + 1 < characters.count, characters[index + 1] == "\"" || characters[index + 1] == ")"
                            || characters[index + 1] == "”" {
                            index += 1
                            current.append(characters[index])
                        }
                        append(&sentences, current)
                        current = ""
                    }
                }
                index += 1
            }
            append(&sentences, current)
        }
        return sentences
    }

    /// The whole, clean sentences of `text` (see the type's documentation).
    public static func sentences(in text: String) -> [String] {
        split(text).filter(isClean)
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

    private static func isAbbreviationEnd(_ text: String) -> Bool {
        let word = text.dropLast().reversed().prefix { !$0.isWhitespace && $0 != "(" }.reversed()
        let lower = String(word).lowercased()
        if abbreviations.contains(lower) { return true }
        if word.count == 1, word.first?.isUppercase == true { return true }
        if lower.contains("."), lower.split(separator: ".").allSatisfy({ $0.count == 1 }) { return true }
        return false
    }

    private static func append(_ sentences: inout [String], _ text: String) {
        let trimmed = text.trimmingSet(" \t\r")
        if !trimmed.isEmpty { sentences.append(trimmed) }
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
