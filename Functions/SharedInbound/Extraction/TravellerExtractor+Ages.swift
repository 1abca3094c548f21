/// Reading children's and infants' ages (rules in ``TravellerExtractor``).
extension TravellerExtractor {
    static let ageLead: Set<String> = [
        "(", "aged", "ages", "age", ":", "of", "are", "is", ",", "-", "years",
        "who", "both", "old", "van", "de", "von", "they", "'", "re",
    ]
    static let ageSeparators: Set<String> = [",", "and", "&", "+", "/", "und", "et", "y", "en"]
    static let ageUnits: Set<String> = [
        "years", "year", "yrs", "yr", "yo", "y", "old", "jaar", "jahre", "ans", "anos", "jare",
    ]
    static let monthUnits: Set<String> = ["months", "month", "mths", "mth", "mo", "mos", "maande", "monate"]

    /// Reads "aged 7 and 10" / "(7 & 10)" / "ages: 4, 6" after the children word at `index`. Needs "(" or an age
    /// word first, so "2 children, 3 adults" is not read as an age of 3. Numbers over 17 end the list.
    func collectAges(after index: Int, into counts: inout Counts) {
        var cursor = index + 1, introduced = false
        while cursor < tokens.count, cursor <= index + 4, tokens[cursor].kind != .number {
            let text = tokens[cursor].text
            guard Self.ageLead.contains(text) else { return }
            if text != "," && text != "-" && text != "of" && text != "is" { introduced = true }
            cursor += 1
        }
        if !introduced && !listEndsWithAgeUnit(from: cursor) { return }
        var read = 0
        while cursor < tokens.count, read < 12 {
            let token = tokens[cursor]
            if token.kind == .number {
                guard let age = token.value, age <= 17, !counts.consumed.contains(cursor) else { return }
                if cursor + 1 < tokens.count, Self.monthUnits.contains(tokens[cursor + 1].text) {
                    counts.ages.append(age / 12)
                } else {
                    counts.ages.append(age)
                }
                counts.consumed.insert(cursor)
                read += 1
            } else if !(Self.ageSeparators.contains(token.text) || Self.ageUnits.contains(token.text)
                || Self.monthUnits.contains(token.text))
            {
                return
            }
            cursor += 1
        }
    }

    /// "5 und 8 Jahre", "7 and 10 years old": a number list closed by an age unit, so it is surely ages.
    private func listEndsWithAgeUnit(from start: Int) -> Bool {
        var cursor = start
        while cursor < tokens.count, cursor < start + 12 {
            let token = tokens[cursor]
            if Self.ageUnits.contains(token.text) { return cursor > start }
            guard token.kind == .number || Self.ageSeparators.contains(token.text) else { return false }
            cursor += 1
        }
        return false
    }

    /// Reads an infant's age after "baby"/"infant"/"toddler": "of 10 months" → 0, "(18 months)" → 1,
    /// "aged 1" → 1; at most one age per infant word.
    func collectInfantAges(after index: Int, into counts: inout Counts) {
        var cursor = index + 1
        while cursor < tokens.count, cursor <= index + 5 {
            let token = tokens[cursor]
            if token.kind == .number {
                guard let value = token.value, !counts.consumed.contains(cursor), cursor + 1 < tokens.count else {
                    return
                }
                let unit = tokens[cursor + 1].text
                if Self.monthUnits.contains(unit), value < 48 {
                    counts.ages.append(value / 12)
                } else if Self.ageUnits.contains(unit) || unit == ")", value <= 3 {
                    counts.ages.append(value)
                } else {
                    return
                }
                counts.consumed.insert(cursor)
                return
            }
            guard ["(", "of", "aged", "age", ",", "-", "who", "is", "about", "around", "just"].contains(token.text)
            else {
                return
            }
            cursor += 1
        }
    }
}
