/// Whether the hotel a customer asked for is a given hotel (rule 8), loosely: case, accents, punctuation,
/// generic words and star markers do not matter, and one typo is forgiven in a single distinctive word.
///
/// Normalising a name: lowercase; fold common Latin diacritics (é → e, ß → ss, …); drop star markers (`5*`,
/// `5-star`, `5 star`, `5stars`); turn every other non-letter, non-digit into a space; split into words; drop the
/// generic words in ``genericWords``. The names match when either name's words are all among the other's, or the
/// request is one word of at least 5 letters within edit distance 1 of one of the hotel's words. A name that is
/// empty after normalising matches nothing.
enum HotelNameMatch {
    static let genericWords: Set<String> = [
        "hotel", "hotels", "resort", "resorts", "the", "and", "&", "spa", "lodge", "beach", "villa", "villas",
        "suites", "boutique", "inn", "camp", "by",
    ]

    static func matches(requested: String, hotel: String) -> Bool {
        let wanted = words(requested), offered = words(hotel)
        guard !wanted.isEmpty, !offered.isEmpty else { return false }
        if Set(wanted).isSubset(of: offered) || Set(offered).isSubset(of: wanted) { return true }
        guard wanted.count == 1, let word = wanted.first, word.count >= 5 else { return false }
        return offered.contains { editDistance(Array(word), Array($0)) <= 1 }
    }

    /// The distinctive words of `name`, in order.
    static func words(_ name: String) -> [String] {
        var folded = ""
        for character in name.lowercased() { folded += foldings[character] ?? String(character) }
        var tokens = folded.split(whereSeparator: \.isWhitespace).map(String.init)
        var kept: [String] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if isStarMarker(token) {
                index += 1
                continue
            }
            if token.allSatisfy(\.isASCIIDigit), index + 1 < tokens.count,
               ["star", "stars"].contains(tokens[index + 1]) {
                index += 2
                continue
            }
            kept.append(token)
            index += 1
        }
        tokens = kept.flatMap { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) }
        return tokens.filter { !genericWords.contains($0) }
    }

    /// `5*`, `5**`, `5★`, `5-star`, `5star`, `5-stars`: digits followed by a star suffix.
    static func isStarMarker(_ token: String) -> Bool {
        var rest = Substring(token)
        if let suffix = ["-stars", "-star", "stars", "star"].first(where: { rest.hasSuffix($0) }) {
            rest = rest.dropLast(suffix.count)
        } else {
            let stars = rest.reversed().prefix(while: { $0 == "*" || $0 == "★" }).count
            guard stars > 0 else { return false }
            rest = rest.dropLast(stars)
        }
        return !rest.isEmpty && rest.allSatisfy(\.isASCIIDigit)
    }

    /// Levenshtein distance (insertions, deletions, substitutions) between two short words.
    static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        var previous = Array(0...rhs.count)
        for (i, left) in lhs.enumerated() {
            var current = [i + 1]
            for (j, right) in rhs.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
            }
            previous = current
        }
        return previous[rhs.count]
    }

    /// Common Latin letters with diacritics (lowercase) and the plain letters they fold to.
    static let foldings: [Character: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
            ("źżž", "z"),
        ]
        var table: [Character: String] = ["æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ð": "d"]
        for (letters, plain) in groups {
            for letter in letters { table[letter] = plain }
        }
        return table
    }()
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
