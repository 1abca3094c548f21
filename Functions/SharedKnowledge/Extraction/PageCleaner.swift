/// Drops boilerplate from paged text (PDF): lines that are only a page number ("12", "Page 3 of 9", "- 4 -") and
/// running headers or footers (the same short line on at least three pages and on at least half of them).
enum PageCleaner {
    static func clean(pages: [String]) -> String {
        let split = pages.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        var seen: [String: Int] = [:]
        for page in split {
            for key in Set(page.map(key).filter { !$0.isEmpty && $0.count <= 80 }) { seen[key, default: 0] += 1 }
        }
        let threshold = max(3, (split.count + 1) / 2)
        let repeated = split.count >= 3 ? Set(seen.filter { $0.value >= threshold }.keys) : []
        var out: [String] = []
        for page in split {
            for line in page {
                let trimmed = TextNormalizer.collapse(line)
                if isPageNumber(trimmed) || repeated.contains(key(line)) { continue }
                out.append(line)
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// Digits are ignored so "Annual guide — page 3" and "… page 4" count as one running line.
    private static func key(_ line: String) -> String {
        String(TextNormalizer.collapse(line).lowercased().filter { !$0.isNumber })
    }

    static func isPageNumber(_ line: String) -> Bool {
        guard !line.isEmpty, line.count <= 24 else { return false }
        var words = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "–" || $0 == "|" })
        if words.first == "page" || words.first == "p." || words.first == "seite" || words.first == "página" { words.removeFirst() }
        guard !words.isEmpty, words.count <= 3 else { return false }
        let numeric = words.filter { $0 != "of" && $0 != "/" && $0 != "von" && $0 != "de" }
        return !numeric.isEmpty && numeric.allSatisfy { word in
            word.allSatisfy(\.isNumber) || word.split(separator: "/").allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
                || (word.count <= 6 && word.allSatisfy { "ivxlc".contains($0) })
        }
    }
}
