/// Finds a hotel the customer asked for by name.
///
/// Rules, first that yields wins:
/// 1. A label: `Hotel: X`, `Resort: X`, `Lodge: X`, `Accommodation: X` — the rest of the line (up to 6 words).
/// 2. After "stay at (the) X", "staying at", "book (the) X", "interested in (the) X", "prefer (the) X":
///    the capitalised words that follow, when they end with or start with a lodging word (Hotel, Resort, Lodge,
///    Villa, Camp, Inn, Spa, Suites, Retreat, Beach Club …) or the trigger was "stay at the".
/// 3. Anywhere: capitalised words joined to a capitalised lodging word ("the Zuri Zanzibar Hotel",
///    "Hotel Verde"), at least two words.
/// A bare destination ("stay at Zanzibar") is not a hotel; nil otherwise.
struct HotelExtractor {
    let tokens: [Token]
    let destinationWords: Set<String>

    static let lodging: Set<String> = [
        "hotel", "resort", "lodge", "villa", "villas", "camp", "inn", "spa", "suites",
        "retreat", "club", "house", "manor", "palace", "boutique", "guesthouse",
        "reserve", "apartments", "residence", "sanctuary", "hotels", "resorts",
        "island", "beach", "collection", "bungalows", "cottage", "cottages",
        "hideaway", "estate",
    ]
    static let core: Set<String> = [
        "hotel", "resort", "lodge", "villa", "villas", "camp", "inn", "suites",
        "retreat", "guesthouse", "residence", "hideaway", "bungalows",
    ]
    static let joiners: Set<String> = ["&", "'", "and", "of", "the", "de", "la", "le", "by"]

    func hotel() -> String? {
        for index in tokens.indices where tokens[index].kind == .word {
            let text = tokens[index].text
            if ["hotel", "resort", "lodge", "accommodation", "property"].contains(text),
                index + 1 < tokens.count, tokens[index + 1].isSymbol(":"),
                index == 0 || tokens[index - 1].kind == .newline
            {
                let name = run(from: index + 2, capitalisedOnly: false)
                if let name, !isDestination(name) { return name.text }
            }
        }
        for index in tokens.indices where tokens[index].kind == .word {
            let text = tokens[index].text
            guard ["stay", "staying", "book", "interested", "prefer", "love", "recommend"].contains(text),
                index + 1 < tokens.count, ["at", "in", "the"].contains(tokens[index + 1].text)
            else { continue }
            var start = index + 2, strong = false
            if start < tokens.count, tokens[start].isWord("the") {
                strong = text == "stay" || text == "staying"
                start += 1
            }
            guard let name = run(from: start, capitalisedOnly: true), !isDestination(name) else { continue }
            if strong || name.hasLodgingWord { return name.text }
        }
        for index in tokens.indices
        where tokens[index].kind == .word && Self.core.contains(tokens[index].text)
            && tokens[index].isCapitalised
        {
            var start = index
            while start > 0, start > index - 6 {
                if tokens[start - 1].isCapitalised, !tokens[start - 1].isWord("i") {
                    start -= 1
                } else if start >= 3, tokens[start - 1].isWord("s"), tokens[start - 2].isSymbol("'"),
                    tokens[start - 3].isCapitalised
                {
                    start -= 3  // "Lion's Den Lodge"
                } else {
                    break
                }
            }
            if start < index, let name = run(from: start, capitalisedOnly: true), name.words >= 2 { return name.text }
            if start == index, let name = run(from: index, capitalisedOnly: true), name.words >= 2,
                !isDestination(name)
            {
                return name.text
            }
        }
        return nil
    }

    struct Run {
        var text: String
        var words: Int
        var hasLodgingWord: Bool
        var folded: [String]
    }

    /// The words from `start` to the end of the name: capitalised words (and joiners between them), at most 6.
    private func run(from start: Int, capitalisedOnly: Bool) -> Run? {
        var parts: [String] = [], folded: [String] = [], cursor = start, lodging = false, words = 0
        while cursor < tokens.count, words < 6 {
            let token = tokens[cursor]
            if token.kind == .newline { break }
            let capital = token.isCapitalised || (token.kind == .number && !parts.isEmpty)
            if token.kind == .word && (capital || !capitalisedOnly) && !(token.text == "i" && capital && !parts.isEmpty)
            {
                parts.append(String(token.raw))
                folded.append(token.text)
                if Self.lodging.contains(token.text) { lodging = true }
                words += 1
            } else if !parts.isEmpty, token.isSymbol("'"), cursor + 1 < tokens.count, tokens[cursor + 1].isWord("s"),
                !tokens[cursor + 1].spaceBefore
            {
                parts[parts.count - 1] += "'s"
                cursor += 1
            } else if !parts.isEmpty, Self.joiners.contains(token.text), cursor + 1 < tokens.count,
                tokens[cursor + 1].isCapitalised
            {
                parts.append(String(token.raw))
                folded.append(token.text)
            } else {
                break
            }
            cursor += 1
        }
        while let last = folded.last, Self.joiners.contains(last) {
            parts.removeLast()
            folded.removeLast()
        }
        guard words > 0 else { return nil }
        return Run(
            text: parts.joined(separator: " "), words: words,
            hasLodgingWord: lodging, folded: folded)
    }

    private func isDestination(_ run: Run) -> Bool {
        run.folded.allSatisfy { destinationWords.contains($0) || Self.joiners.contains($0) }
    }
}
