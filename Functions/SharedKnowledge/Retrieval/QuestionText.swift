/// The pure-Swift reading of a question before PostgreSQL stems it: web-search operators, the words to build the
/// OR query from, and the capitalised words that name things (entities).
///
/// - `"…"` and a word starting with `-` after a space are `websearch_to_tsquery` operators: when present the
///   chunk must also match the strict web-search query, so users can ask for a phrase or exclude a word.
/// - ``positiveText`` drops the excluded words, so they never count as terms the answer should contain.
/// - ``namedWords`` are words written with a capital letter that do not start a sentence ("the Zanzibar Serena
///   Hotel"): a name the knowledge has never seen is a strong sign it cannot answer (``RelevanceFloor``).
/// - ``focusWords`` are what a `which`/`what`/`how many` question asks about ("Which **lodges** …", "What are the
///   **opening hours** of …", "How many **loyalty points** …"): an answering passage must mention them.
struct QuestionText: Equatable {
    let original: String
    let usesOperators: Bool
    let positiveText: String
    let namedWords: [String]
    let focusWords: [String]

    init(_ text: String) {
        original = text
        var operators = text.contains("\"")
        var kept: [Substring] = []
        var named: [String] = []
        var sentenceStart = true
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            if token.hasPrefix("-"), token.count > 1, token.dropFirst().first?.isLetter == true || token.dropFirst().first?.isNumber == true {
                operators = true
                continue
            }
            kept.append(token)
            let word = token.drop { !$0.isLetter && !$0.isNumber }
            if let first = word.first, first.isUppercase, !sentenceStart {
                named.append(String(word.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "'" || $0 == "’" }))
            }
            if let last = token.last { sentenceStart = last == "." || last == "?" || last == "!" || last == ":" }
        }
        usesOperators = operators
        positiveText = kept.joined(separator: " ").replacingQuotes()
        namedWords = named
        focusWords = Self.focus(of: text)
    }

    private static let determiners: Set<Substring> = ["the", "a", "an", "your", "our", "my", "their", "his", "her"]
    private static let boundaries: Set<Substring> = [
        "of", "at", "in", "for", "on", "to", "from", "with", "do", "does", "did", "is", "are", "was", "were", "can",
        "could", "should", "would", "will", "we", "i", "you", "they", "my", "our", "your", "the", "a", "an", "there",
        "and", "or", "if", "when", "this", "that", "it",
    ]

    /// Up to three words after `which`, `what [is|are] [the]` or `how many`, stopping at a preposition or verb.
    static func focus(of text: String) -> [String] {
        let cleaned = text.lowercased().map { $0 == "’" ? "'" : ($0 == "?" || $0 == "." || $0 == "!" || $0 == "," ? " " : $0) }
        let words = String(cleaned).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        for (index, word) in words.enumerated() {
            var start: Int
            switch word {
            case "which", "what", "what's", "whats":
                start = index + 1
                if word == "what", start < words.count, ["is", "are", "was", "were"].contains(words[start]) { start += 1 }
                if start < words.count, determiners.contains(words[start]) { start += 1 }
            case "how" where index + 1 < words.count && words[index + 1] == "many":
                start = index + 2
            default:
                continue
            }
            return words[min(start, words.count)...].prefix { !boundaries.contains($0) }.prefix(3).map(String.init)
        }
        return []
    }
}

extension String {
    /// The text with double quotes turned into spaces (phrases are enforced by the web-search query instead).
    fileprivate func replacingQuotes() -> String {
        String(map { $0 == "\"" ? " " : $0 })
    }
}
