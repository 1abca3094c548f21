/// Finds the customer's name.
///
/// Rules, first that yields wins:
/// 1. A `Name:` / `Full name:` / `Naam:` label line: the rest of the line.
/// 2. "My name is X Y" / "this is X Y" (capitalised words).
/// 3. "I'm X" / "I am X" only when X is capitalised and not an ordinary word ("I'm Looking" is no name).
/// 4. A sign-off — Regards, Kind regards, Best wishes, Thanks, Thank you, Cheers, Sincerely, Groete,
///    Mit freundlichen Grüßen, Cordialement, Saludos … — followed on the same line or the next non-empty line
///    by one to four capitalised words.
/// 5. The sender's display name (the forwarded message's `From:` when the mail was forwarded).
/// A name never contains `@` or digits and is at most 60 characters.
enum NameExtractor {
    static let signOffs = [
        "kind regards", "best regards", "warm regards", "warmest regards", "regards", "best wishes",
        "many thanks", "thanks so much", "thanks in advance", "thanks again", "thank you", "thanks",
        "cheers", "sincerely", "yours sincerely", "yours faithfully", "best", "all the best", "warmly",
        "groete", "vriendelike groete", "mit freundlichen grüßen", "viele grüße", "liebe grüße",
        "cordialement", "bien à vous", "saludos", "un saludo", "atentamente", "met vriendelijke groet",
        "groetjes", "cumprimentos", "take care", "speak soon", "thx", "ta",
    ]
    static let notNames: Set<String> = [
        "looking", "interested", "planning", "writing", "travelling", "traveling",
        "hoping", "keen", "going", "a", "the", "not", "very", "so", "just", "also",
        "currently", "trying", "thinking", "wondering", "getting", "sorry", "happy",
        "excited", "sure", "in", "on", "out", "away", "back", "still",
        "here", "ready", "coming", "flying", "after", "reaching", "emailing",
        "contacting", "considering", "celebrating", "turning", "pregnant", "retired",
        "unable", "glad", "afraid", "booking", "attaching", "following", "south", "african",
        "british", "german", "dutch", "french", "american", "mr", "mrs", "ms", "dr",
    ]

    /// Lowercase words that belong inside surnames ("Pieter van der Merwe").
    static let particles: Set<String> = [
        "van", "der", "de", "du", "la", "le", "von", "da", "dos", "del", "bin", "al",
        "den", "ten", "ter",
    ]

    static func name(in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(5_000)
            .map { $0.trimmingWhitespace() }
        for line in lines {
            let lower = line.lowercased()
            for label in ["name:", "full name:", "naam:", "nom:", "nombre:", "your name:"] where lower.hasPrefix(label)
            {
                if let name = clean(line.dropFirst(label.count), maxWords: 5, needCapital: false) { return name }
            }
        }
        for line in lines {
            for sentence in line.split(whereSeparator: { ",.!?;".contains($0) }) {
                if let name = introducedName(in: sentence) { return name }
            }
        }
        return signedName(lines)
    }

    /// Rules 2 and 3 within one sentence: "my name is X Y", "this is X", "I'm X", "I am X".
    static func introducedName(in sentence: Substring) -> String? {
        let words = sentence.split(separator: " ")
        for (index, word) in words.enumerated() {
            let lower = word.lowercased().replacingApostrophes()
            let next = index + 1 < words.count ? words[index + 1] : nil
            var start: Int?
            if lower == "name", index >= 1, words[index - 1].lowercased() == "my", next?.lowercased() == "is" {
                start = index + 2
            } else if lower == "is", index >= 1, words[index - 1].lowercased() == "this" {
                start = index + 1
            } else if lower == "i'm" || lower == "im" {
                start = index + 1
            } else if lower == "i", next?.lowercased() == "am" {
                start = index + 2
            }
            guard let start, start < words.count else { continue }
            let candidate = words[start...].prefix(3).prefix(while: { isNameWord($0) })
            guard let firstWord = candidate.first, !notNames.contains(firstWord.lowercased()) else { continue }
            if let name = clean(candidate.joined(separator: " ")[...], maxWords: 3, needCapital: true) {
                return name
            }
        }
        return nil
    }

    /// Rule 4: the name under (or after) a sign-off.
    static func signedName(_ lines: [Substring]) -> String? {
        for (index, line) in lines.enumerated() {
            let lower = line.lowercased()
            guard let signOff = signOffs.first(where: { lower.hasPrefix($0) && isWordEnd(lower, after: $0) }) else {
                continue
            }
            let rest = line.dropFirst(signOff.count).drop(while: { $0 == "," || $0 == " " || $0 == "!" || $0 == "." })
            if !rest.isEmpty {
                if let name = clean(rest, maxWords: 4, needCapital: true) { return name }
                continue
            }
            if let next = lines[(index + 1)...].prefix(3).first(where: { !$0.isEmpty }),
                let name = clean(next, maxWords: 4, needCapital: true)
            {
                return name
            }
        }
        return nil
    }

    static func isWordEnd(_ text: String, after prefix: String) -> Bool {
        guard let next = text.dropFirst(prefix.count).first else { return true }
        return !next.isLetter
    }

    static func isNameWord(_ word: Substring) -> Bool {
        guard let first = word.first, first.isUppercase else { return false }
        return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }
    }

    /// The text as a name: 1…`maxWords` words of letters (capitalised when asked), no `@`, no digits.
    static func clean(_ text: Substring, maxWords: Int, needCapital: Bool) -> String? {
        let trimmed = text.trimmingWhitespace().filter { $0 != "\"" }
        let words = trimmed.split(separator: " ")
        guard !words.isEmpty, words.count <= maxWords, trimmed.count <= 60, !trimmed.contains("@") else { return nil }
        for word in words {
            guard word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }) else {
                return nil
            }
            if needCapital, !(word.first?.isUppercase ?? false), !particles.contains(String(word)) { return nil }
        }
        if needCapital, words.count == 1, notNames.contains(words[0].lowercased()) { return nil }
        return words.joined(separator: " ")
    }

    /// The display name as a name, or nil when it is an address or empty.
    static func displayName(_ name: String?) -> String? {
        guard let name else { return nil }
        let trimmed = name.trimmingWhitespace().filter { $0 != "\"" && $0 != "'" }
        guard !trimmed.isEmpty, !trimmed.contains("@"), trimmed.count <= 80 else { return nil }
        return trimmed
    }
}

extension String {
    /// With curly apostrophes made straight.
    func replacingApostrophes() -> String { String(map { $0 == "’" ? "'" : $0 }) }
}
