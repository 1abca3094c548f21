/// Finds which of the tenant's destinations a mail is about.
///
/// Rules:
/// - Names and aliases match whole words, ignoring case, diacritics and punctuation ("cape-town", "CAPE TOWN"),
///   multi-word names word by word, and written together ("Capetown" matches "Cape Town").
/// - Typos: a word of 5–7 letters may be 1 edit away, 8 or more letters 2 (insert, delete, substitute, swap two
///   neighbours), with the same first letter ("Zanzibr", "Mauritus", "Santorni"); shorter words must be exact.
/// - Several destinations: the one in the subject, else the first in the text. A mention that reads as where the
///   traveller comes from ("from Cape Town", "we live in Cape Town", "based in …") counts only if nothing else
///   is mentioned — and then not at all: the destination is nil rather than a guess.
/// - No tenant destinations, or none mentioned → nil (never silently the first destination).
struct DestinationMatcher {
    struct Phrase {
        var destination: Int
        var words: [String]
        var joined: String
    }

    let destinations: [TenantDestination]
    let phrases: [Phrase]

    init(destinations: [TenantDestination]) {
        self.destinations = destinations
        var phrases: [Phrase] = []
        for (index, destination) in destinations.enumerated().prefix(500) {
            for name in [destination.name] + destination.aliases.prefix(20) {
                let words = Tokenizer.tokens(String(name.prefix(100))).filter { $0.kind == .word || $0.kind == .number }
                    .map(\.text)
                if !words.isEmpty, words.count <= 6 {
                    phrases.append(Phrase(destination: index, words: words, joined: words.joined()))
                }
            }
        }
        self.phrases = phrases
    }

    /// The canonical name of the destination the texts (in priority order) mention, or nil.
    func match(in texts: [[Token]]) -> String? {
        guard !phrases.isEmpty else { return nil }
        for tokens in texts {
            if let index = firstMention(in: tokens) { return destinations[index].name }
        }
        return nil
    }

    /// The first destination mentioned as a place to go (not as an origin) in `tokens`.
    func firstMention(in tokens: [Token]) -> Int? {
        let words = tokens.indices.filter { tokens[$0].kind == .word || tokens[$0].kind == .number }
        for (position, tokenIndex) in words.enumerated() {
            for phrase in phrases where matches(phrase, words: words, at: position, tokens: tokens) {
                if !isOrigin(tokens: tokens, before: tokenIndex) { return phrase.destination }
            }
        }
        return nil
    }

    private func matches(_ phrase: Phrase, words: [Int], at position: Int, tokens: [Token]) -> Bool {
        let first = tokens[words[position]].text
        guard let initial = first.first, initial == phrase.joined.first else { return false }
        if position + phrase.words.count <= words.count {
            var all = true
            for (offset, word) in phrase.words.enumerated()
            where !Self.similar(tokens[words[position + offset]].text, word) {
                all = false
                break
            }
            if all { return true }
        }
        // Written together or apart differently: "Capetown", "Vic-Falls" → compare the joined letters.
        guard phrase.words.count > 1 || phrase.joined.count >= 8 else { return false }
        var joined = ""
        for count in 1...3 where position + count <= words.count {
            joined += tokens[words[position + count - 1]].text
            if count != phrase.words.count, Self.similar(joined, phrase.joined) { return true }
            if joined.count > phrase.joined.count + 2 { break }
        }
        return false
    }

    /// "from Cape Town", "we live in Cape Town", "based in …": where the traveller starts, not where they go.
    private func isOrigin(tokens: [Token], before index: Int) -> Bool {
        var cursor = index - 1
        if cursor >= 0, tokens[cursor].isWord("the") { cursor -= 1 }
        guard cursor >= 0 else { return false }
        if tokens[cursor].isWord("from") || tokens[cursor].isWord("aus") { return true }
        if tokens[cursor].isWord("in") || tokens[cursor].isWord("out"), cursor >= 1 {
            let lead = tokens[cursor - 1].text
            return ["live", "living", "based", "reside", "residing", "located", "lives", "home", "flying"].contains(
                lead)
        }
        if tokens[cursor].isWord("of"), cursor >= 2, tokens[cursor - 1].isWord("out") { return true }
        return false
    }

    /// Equal, or within the typo allowance for `target`'s length (see the type's rules).
    static func similar(_ word: String, _ target: String) -> Bool {
        if word == target { return true }
        let allowance = target.count >= 8 ? 2 : target.count >= 5 ? 1 : 0
        guard allowance > 0, word.first == target.first, abs(word.count - target.count) <= allowance,
            word.count <= 40
        else { return false }
        return EditDistance.atMost(allowance, Array(word.unicodeScalars), Array(target.unicodeScalars))
    }
}

/// Optimal-string-alignment distance (Levenshtein plus swapping two neighbours), bounded for speed.
enum EditDistance {
    static func atMost(_ limit: Int, _ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        distance(a, b) <= limit
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
