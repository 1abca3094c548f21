/// Splits a paragraph into sentences at `.`, `!`, `?` and `…` followed by a space and a capital, digit, quote or
/// bracket — but not after abbreviations ("e.g.", "Mr.", "No. 5", "approx."), initials ("J. Smith") or inside
/// numbers and times ("3.5", "14:00", "v2.1"). The pieces, joined with single spaces, give back the input.
public enum SentenceSplitter {
    /// Lower-cased abbreviations (without their final dot) after which a dot does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "no", "nos", "nr", "vs", "approx", "incl", "excl", "fig", "figs",
        "p", "pp", "ca", "cf", "ref", "tel", "min", "max", "ave", "av", "co", "ltd", "inc", "dept", "est", "gen", "gov",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu",
        "fri", "sat", "sun", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "vol", "ed", "eds", "art", "sec", "ch", "op",
        "resp", "bzw", "usw", "z.b", "d.h", "s", "mt", "rd", "blvd", "hr", "hrs",
    ]

    /// The sentences of `text` (whitespace collapsed), in order.
    public static func split(_ text: String) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        var sentences: [String] = []
        var current: [Substring] = []
        for (index, word) in words.enumerated() {
            current.append(word)
            let next = index + 1 < words.count ? words[index + 1] : nil
            if endsSentence(word, next: next) {
                sentences.append(current.joined(separator: " "))
                current.removeAll()
            }
        }
        if !current.isEmpty { sentences.append(current.joined(separator: " ")) }
        return sentences
    }

    private static func endsSentence(_ word: Substring, next: Substring?) -> Bool {
        var core = word
        while let last = core.last, "\"'’”)]»".contains(last) { core = core.dropLast() }
        guard let mark = core.last, ".!?…".contains(mark) else { return false }
        guard let next, let first = next.first else { return true }
        guard first.isUppercase || first.isNumber || "\"'“‘([«¿¡".contains(first) else { return false }
        guard mark == "." else { return true }
        let stem = core.dropLast()
        let bare = stem.drop { "\"'“‘([«".contains($0) }.lowercased()
        if abbreviations.contains(bare) { return false }
        // Initials and dotted abbreviations: "J.", "U.S.A.".
        if bare.count == 1, let letter = bare.first, letter.isLetter { return false }
        if bare.contains("."), bare.split(separator: ".").allSatisfy({ $0.count <= 2 }) { return false }
        return true
    }
}
