/// One word, number, symbol or line break of a scanned mail — the unit every extraction rule reads.
///
/// Words are folded (lowercase, common Latin diacritics removed: "März" → "marz", "août" → "aout") so rules
/// compare plain ASCII-ish text; `raw` keeps the spelling as written (names and hotels need the capitals).
struct Token: Sendable {
    enum Kind: Sendable, Equatable { case word, number, symbol, newline }

    var kind: Kind
    /// Folded text: lowercase word, the digits of a number, or the symbol character.
    var text: String
    /// As written.
    var raw: Substring
    /// Whitespace (other than a line break) or a line break separates it from the previous token.
    var spaceBefore: Bool
    /// Offset of the first character in the scanned text (in `Character`s).
    var offset: Int

    /// The value of a number of at most 9 digits.
    var value: Int? { kind == .number && text.count <= 9 ? Int(text) : nil }
    var isCapitalised: Bool { kind == .word && (raw.first?.isUppercase ?? false) }
    func isWord(_ word: String) -> Bool { kind == .word && text == word }
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
}

/// Splits text into ``Token``s in one linear pass: runs of letters, runs of ASCII digits, single symbols, and
/// line breaks (one token per line break). Whitespace only sets `spaceBefore`. Limit: `maxTokens` tokens.
enum Tokenizer {
    static let maxTokens = 60_000

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex, offset = 0, space = false
        while index < text.endIndex, tokens.count < maxTokens {
            let character = text[index]
            if character.isNewline {
                tokens.append(
                    Token(
                        kind: .newline, text: "\n", raw: text[index...index], spaceBefore: true,
                        offset: offset))
                space = true
                index = text.index(after: index)
                offset += 1
            } else if character.isWhitespace {
                space = true
                index = text.index(after: index)
                offset += 1
            } else {
                let kind: Token.Kind = character.isLetter ? .word : isDigit(character) ? .number : .symbol
                var end = text.index(after: index), length = 1
                if kind != .symbol {
                    while end < text.endIndex, length < 64,
                        kind == .word ? text[end].isLetter : isDigit(text[end])
                    {
                        end = text.index(after: end)
                        length += 1
                    }
                }
                let raw = text[index..<end]
                let folded = kind == .word ? fold(raw) : kind == .symbol ? symbol(character) : String(raw)
                tokens.append(Token(kind: kind, text: folded, raw: raw, spaceBefore: space, offset: offset))
                space = false
                index = end
                offset += length
            }
        }
        return tokens
    }

    static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isWholeNumber }

    /// Unifies look-alike symbols: dashes to "-", curly apostrophes to "'".
    static func symbol(_ character: Character) -> String {
        switch character {
        case "–", "—", "‒", "−": "-"
        case "’", "‘", "`", "´": "'"
        default: String(character)
        }
    }

    /// Lowercases and strips the diacritics of Latin letters used by the languages we read.
    static func fold(_ word: Substring) -> String {
        var result = ""
        for character in word.lowercased() {
            switch character {
            case "à", "á", "â", "ã", "ä", "å": result.append("a")
            case "è", "é", "ê", "ë": result.append("e")
            case "ì", "í", "î", "ï": result.append("i")
            case "ò", "ó", "ô", "õ", "ö", "ø": result.append("o")
            case "ù", "ú", "û", "ü": result.append("u")
            case "ç": result.append("c")
            case "ñ": result.append("n")
            case "ß": result.append("ss")
            default: result.append(character)
            }
        }
        return result
    }
}

/// Counting words: "one" … "twenty" (plus "a"/"an" where a rule allows), in the languages we read where cheap.
enum NumberWords {
    static let values: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
        "zwei": 2, "drei": 3, "vier": 4, "deux": 2, "trois": 3, "quatre": 4, "dos": 2, "tres": 3, "cuatro": 4,
        "twee": 2, "drie": 3,
    ]

    /// The count written at `index` (digits up to 999, or a number word), if any.
    static func count(_ token: Token) -> Int? {
        if token.kind == .number { return token.text.count <= 3 ? token.value : nil }
        return token.kind == .word ? values[token.text] : nil
    }
}
