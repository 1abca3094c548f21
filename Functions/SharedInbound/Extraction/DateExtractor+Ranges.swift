/// Date ranges and stated lengths of stay (rules in ``DateExtractor``).
extension DateExtractor {
    static let nightWords: Set<String> = [
        "nights", "night", "nacht", "nachte", "nuits", "nuit", "noches", "noche",
        "noites", "noite", "nagte", "nag", "nachten", "notti",
    ]
    static let weekWords: Set<String> = [
        "week", "weeks", "woche", "wochen", "semaine", "semaines", "semana",
        "semanas", "weke", "weken",
    ]
    static let articleOne: Set<String> = ["a", "an", "one", "eine", "une", "una", "uma", "een", "n"]
    static let afterBareDay: Set<String> = ["for", "and", "with", "please", "inclusive", "we", "if", "or", "but"]

    /// A range starting at `index`: (start, end, index after it).
    func range(at index: Int) -> (DateAtom, DateAtom, Int)? {
        if let (start, afterStart) = atom(at: index), let next = connector(at: afterStart, rangeStart: index) {
            if let (end, afterEnd) = atom(at: next) { return (start, end, afterEnd) }
            if let (day, afterDay) = dayNumber(at: next), endsClause(afterDay) {
                let (year, afterYear) = year(at: afterDay)
                var start = start
                if start.year == nil { start.year = year }
                var end = DateAtom(day: day, month: start.month, year: start.year)
                if day < start.day { end.month = start.month % 12 + 1 }
                return (start, end, afterYear)
            }
            return nil
        }
        if let (day, afterDay) = dayNumber(at: index), let next = connector(at: afterDay, rangeStart: index),
            let (end, afterEnd) = atom(at: next)
        {
            var start = DateAtom(day: day, month: end.month, year: end.year)
            if day > end.day {
                start.month = end.month == 1 ? 12 : end.month - 1
                if end.month == 1, let year = end.year { start.year = year - 1 }
            }
            return (start, end, afterEnd)
        }
        if index < tokens.count, let month = MonthNames.month(tokens[index]) {
            var cursor = index + 1
            if cursor < tokens.count, tokens[cursor].isSymbol(".") { cursor += 1 }
            guard let (day, afterDay) = dayNumber(at: cursor), let next = connector(at: afterDay, rangeStart: index),
                let (endDay, afterEnd) = dayNumber(at: next)
            else { return nil }
            let (year, end) = year(at: afterEnd)
            guard endDay > day else { return nil }
            return (DateAtom(day: day, month: month, year: year), DateAtom(day: endDay, month: month, year: year), end)
        }
        return nil
    }

    /// The index after a range connector ("-", "to the", "bis", "au", "and" after "between" …), if one is at `index`.
    private func connector(at index: Int, rangeStart: Int) -> Int? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        guard (token.kind == .word || token.kind == .symbol), Self.connectors.contains(token.text) else { return nil }
        if Self.pairConnectors.contains(token.text) {
            var cursor = rangeStart - 1
            if cursor >= 0, tokens[cursor].isWord("the") { cursor -= 1 }
            guard cursor >= 0, Self.pairOpeners.contains(tokens[cursor].text) else { return nil }
        }
        var next = index + 1
        if next < tokens.count, tokens[next].isWord("the") || tokens[next].isWord("le") || tokens[next].isWord("zum") {
            next += 1
        }
        return next
    }

    /// Whether a bare day number ("to the 6th") ends the phrase, so it is not the count of something else.
    private func endsClause(_ index: Int) -> Bool {
        guard index < tokens.count else { return true }
        let token = tokens[index]
        return token.kind != .word || Self.afterBareDay.contains(token.text)
    }

    /// The first stated length of stay in nights ("7 nights", "a week", "two weeks", "a fortnight").
    func nights() -> Int? {
        for index in tokens.indices {
            let token = tokens[index]
            guard token.kind == .word else { continue }
            if token.text == "fortnight" { return 14 }
            guard index > 0 else { continue }
            var before = index - 1
            if tokens[before].isWord("full") || tokens[before].isWord("whole"), before > 0 { before -= 1 }
            let previous = tokens[before]
            let count = NumberWords.count(previous) ?? (Self.articleOne.contains(previous.text) ? 1 : nil)
            guard let count, count > 0 else { continue }
            if Self.nightWords.contains(token.text), count <= 60 {
                return count
            }
            if Self.weekWords.contains(token.text), count <= 8 { return count * 7 }
        }
        return nil
    }
}
