internal import Runtime

/// Single written dates: the smallest pieces ``DateExtractor`` combines into stays.
///
/// Rules (each is a bounded look-ahead from one token, so the scan is linear):
/// - ISO `2027-08-15` (also with `/` or `.`).
/// - Numeric `15/08/2027`, `12.09.2027`, `12-09-2027`, two- or four-digit year: day first, unless the second
///   number is over 12 and the first is not, which can only be the US month-first order (`08/15/2027`).
/// - Day then month name: `12 April 2027`, `12th April`, `3. Juli`, `1er juillet`, `10 de julio de 2027`,
///   `6th of June`, with an optional four-digit year.
/// - Month name then day: `April 12th`, `April 12, 2027`, `Apr 12`.
/// A month with no day ("in March") is not a date: no day is invented.
struct DateAtom: Sendable, Equatable {
    var day: Int
    var month: Int
    var year: Int?
}

extension DateExtractor {
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "e", "eme"]
    static let fillers: Set<String> = ["of", "de", "del", "the", "do", "da", "van"]

    /// The date written at `index`, with the index just after it.
    func atom(at index: Int) -> (DateAtom, Int)? {
        numeric(at: index) ?? dayThenMonth(at: index) ?? monthThenDay(at: index)
    }

    private func numeric(at index: Int) -> (DateAtom, Int)? {
        guard index + 4 < tokens.count, tokens[index].kind == .number,
            tokens[index + 1].kind == .symbol, ["/", ".", "-"].contains(tokens[index + 1].text),
            tokens[index + 2].kind == .number, tokens[index + 3].text == tokens[index + 1].text,
            tokens[index + 4].kind == .number,
            !tokens[index + 1].spaceBefore, !tokens[index + 2].spaceBefore, !tokens[index + 3].spaceBefore,
            !tokens[index + 4].spaceBefore,
            let a = tokens[index].value, let b = tokens[index + 2].value, let c = tokens[index + 4].value
        else { return nil }
        let (la, lb, lc) = (tokens[index].text.count, tokens[index + 2].text.count, tokens[index + 4].text.count)
        if index + 6 < tokens.count, tokens[index + 5].text == tokens[index + 1].text, !tokens[index + 5].spaceBefore,
            tokens[index + 6].kind == .number, !tokens[index + 6].spaceBefore
        {
            return nil
        }  // 1.2.3.4: a version or IP
        if la == 4 && lb <= 2 && lc <= 2 { return valid(DateAtom(day: c, month: b, year: a), end: index + 5) }
        guard la <= 2, lb <= 2, lc == 2 || lc == 4 else { return nil }
        let year = lc == 2 ? 2000 + c : c
        if b > 12 && a <= 12 { return valid(DateAtom(day: b, month: a, year: year), end: index + 5) }
        return valid(DateAtom(day: a, month: b, year: year), end: index + 5)
    }

    /// A day number with its optional ordinal suffix or German "."; returns the day and the next index.
    func dayNumber(at index: Int) -> (Int, Int)? {
        guard index < tokens.count, tokens[index].kind == .number, tokens[index].text.count <= 2,
            let day = tokens[index].value, (1...31).contains(day)
        else { return nil }
        var next = index + 1
        if next < tokens.count, tokens[next].kind == .word, !tokens[next].spaceBefore {
            guard Self.ordinalSuffixes.contains(tokens[next].text) else { return nil }
            next += 1
        }
        if next < tokens.count, tokens[next].isSymbol("."), !tokens[next].spaceBefore,
            next + 1 < tokens.count, tokens[next + 1].kind != .number
        {
            next += 1
        }
        return (day, next)
    }

    private func dayThenMonth(at index: Int) -> (DateAtom, Int)? {
        guard let (day, afterDay) = dayNumber(at: index) else { return nil }
        var next = skipFillers(afterDay)
        guard next < tokens.count, let month = MonthNames.month(tokens[next]) else { return nil }
        next = skipAbbreviationDot(next + 1)
        let (year, end) = year(at: next)
        return valid(DateAtom(day: day, month: month, year: year), end: end)
    }

    private func monthThenDay(at index: Int) -> (DateAtom, Int)? {
        guard index < tokens.count, let month = MonthNames.month(tokens[index]) else { return nil }
        var next = skipAbbreviationDot(index + 1)
        if next < tokens.count, tokens[next].isWord("the") { next += 1 }
        guard let (day, afterDay) = dayNumber(at: next) else { return nil }
        if afterDay < tokens.count, tokens[afterDay].kind == .symbol, tokens[afterDay].text == ":" { return nil }
        let (year, end) = year(at: afterDay)
        return valid(DateAtom(day: day, month: month, year: year), end: end)
    }

    /// An optional `, 2027` / `de 2027` / `'27` after a date; returns the year (or nil) and the next index.
    func year(at index: Int) -> (Int?, Int) {
        var next = index
        if next < tokens.count, tokens[next].isSymbol(",") || tokens[next].isWord("de") || tokens[next].isWord("of") {
            next += 1
        }
        if next < tokens.count, tokens[next].kind == .number, tokens[next].text.count == 4,
            let year = tokens[next].value, (1900...2100).contains(year)
        {
            return (year, next + 1)
        }
        if next + 1 < tokens.count, tokens[next].isSymbol("'"), tokens[next + 1].kind == .number,
            tokens[next + 1].text.count == 2, let year = tokens[next + 1].value
        {
            return (2000 + year, next + 2)
        }
        return (nil, index)
    }

    func skipFillers(_ index: Int) -> Int {
        var next = index
        while next < tokens.count, next < index + 2, tokens[next].kind == .word,
            Self.fillers.contains(tokens[next].text)
        {
            next += 1
        }
        return next
    }

    private func skipAbbreviationDot(_ index: Int) -> Int {
        index < tokens.count && tokens[index].isSymbol(".") && !tokens[index].spaceBefore ? index + 1 : index
    }

    private func valid(_ atom: DateAtom, end: Int) -> (DateAtom, Int)? {
        guard (1...12).contains(atom.month), (1...31).contains(atom.day),
            atom.day <= Day.daysIn(month: atom.month, year: atom.year ?? 2028)
        else { return nil }
        return (atom, end)
    }
}
