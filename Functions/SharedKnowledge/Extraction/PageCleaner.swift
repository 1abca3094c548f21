/// Drops boilerplate from paged text (PDF): lines that are only a page number ("12", "Page 3 of 9", "- 4 -") and
/// running headers or footers — the same short line among the first or last two lines of at least three pages and
/// of at least half of them, and not a sentence (digits are ignored only in lines that say "page", so "Guide —
/// page 3" repeats).
enum PageCleaner {
    static func clean(pages: [String]) -> String {
        let split = pages.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        var seen: [String: Int] = [:]
        for page in split {
            for key in Set(edges(page).map(key).filter(isCandidate)) { seen[key, default: 0] += 1 }
        }
        let threshold = max(3, (split.count + 1) / 2)
        let repeated = split.count >= 3 ? Set(seen.filter { $0.value >= threshold }.keys) : []
        var out: [String] = []
        for page in split {
            let edge = Set(edges(page))
            for line in page {
                let trimmed = TextNormalizer.collapse(line)
                if isPageNumber(trimmed) || (edge.contains(line) && repeated.contains(key(line))) { continue }
                out.append(line)
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// A running line is short and is not a sentence (no final full stop, question or exclamation mark).
    private static func isCandidate(_ key: String) -> Bool {
        guard let last = key.last, key.count <= 80 else { return false }
        return !".!?".contains(last)
    }

    /// The first two and last two non-empty lines of a page, where running headers and footers sit.
    private static func edges(_ page: [String]) -> [String] {
        let lines = page.filter { !TextNormalizer.collapse($0).isEmpty }
        return Array(lines.prefix(2)) + Array(lines.suffix(2))
    }

    /// Case and spacing are ignored; digits too when the line mentions a page ("Annual guide — page 3").
    private static func key(_ line: String) -> String {
        let text = TextNormalizer.collapse(line).lowercased()
        let paged = text.split(separator: " ").contains { $0 == "page" || $0 == "seite" || $0 == "página" || $0 == "p." }
        return paged ? String(text.filter { !$0.isNumber }) : text
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
