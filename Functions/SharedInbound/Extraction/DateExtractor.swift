internal import Runtime

/// Finds the stay's check-in, check-out and nights in tokenised text.
///
/// Rules:
/// - Ranges win over single dates: `10-17 September 2027`, `10 to 17 Sept`, `3rd to the 6th of June 2027`,
///   `vom 3. bis 10. Juli 2027`, `du 3 au 10 juillet 2027`, `del 3 al 10 de julio`, `July 3-10`,
///   `15 Aug - 22 Aug`, `28 Dec - 4 Jan`, `2027-08-15 to 2027-08-22`, `between 1 and 8 March`.
/// - Otherwise single dates: one after a check-out word (check-out, returning, return, back, until, depart/
///   departing when an arrival word is also used) is the check-out; one after a check-in word or the first
///   other date is the check-in; the next later date (within 90 nights) is the check-out.
/// - Years: a date without a year is its next occurrence on or after `today`; a range's missing year comes from
///   its other end, and an end before its start moves to the next year ("28 Dec - 4 Jan"). A date whose stated
///   year puts it before `today` is not a travel date (a birthday, the date a reply was sent).
/// - Nights: "7 nights" (also nächte, nuits, noches, noites, nagte, nachten), "a week" (7), "two weeks" /
///   "a fortnight" (14). A check-in plus nights gives the check-out; both dates give the nights.
struct DateExtractor {
    let tokens: [Token]
    let today: Day

    struct Stay: Sendable, Equatable {
        var checkIn: Day?
        var checkOut: Day?
        var nights: Int?
    }

    static let connectors: Set<String> = [
        "-", "to", "till", "til", "until", "through", "thru", "bis", "au", "al",
        "a", "tot", "ate", "and", "und", "et", "y", "e", "en", "&",
    ]
    static let pairConnectors: Set<String> = ["and", "und", "et", "y", "e", "en", "&"]
    static let pairOpeners: Set<String> = ["between", "zwischen", "entre", "tussen"]
    static let startWords: Set<String> = [
        "arrive", "arriving", "arrival", "arrivee", "anreise", "llegada", "leaving",
        "leave", "starting", "start", "from", "checkin", "in", "on",
    ]
    static let endWords: Set<String> = [
        "checkout", "out", "returning", "return", "back", "until", "till", "abreise",
        "departing", "departure", "depart", "home",
    ]

    func stay() -> Stay {
        var ranges: [(DateAtom, DateAtom)] = [], singles: [(DateAtom, String?)] = []
        var index = 0
        while index < tokens.count {
            if let (start, end, next) = range(at: index) {
                ranges.append((start, end))
                index = next
            } else if let (atom, next) = atom(at: index) {
                singles.append((atom, label(before: index)))
                index = next
            } else {
                index += 1
            }
        }
        var stay = Stay()
        if let (start, end) = ranges.lazy.compactMap({ resolve(range: $0) }).first {
            stay.checkIn = start
            stay.checkOut = end
        } else {
            pick(singles, into: &stay)
        }
        let stated = nights()
        if let checkIn = stay.checkIn, let checkOut = stay.checkOut {
            stay.nights = checkIn.days(until: checkOut)
        } else if let checkIn = stay.checkIn, let stated {
            stay.checkOut = checkIn.adding(days: stated)
            stay.nights = stated
        } else {
            stay.nights = stated
        }
        return stay
    }

    private func pick(_ singles: [(DateAtom, String?)], into stay: inout Stay) {
        let hasArrival = singles.contains { ["arrive", "arriving", "arrival", "checkin"].contains($0.1 ?? "") }
        func isEnd(_ label: String?) -> Bool {
            guard let label, Self.endWords.contains(label) else { return false }
            return !["departing", "departure", "depart"].contains(label) || hasArrival
        }
        var resolved: [(Day, Bool)] = []
        for (atom, label) in singles {
            if let day = resolve(atom) { resolved.append((day, isEnd(label))) }
        }
        guard let first = resolved.firstIndex(where: { !$0.1 }) else {
            stay.checkOut = nil
            return
        }
        let checkIn = resolved[first].0
        stay.checkIn = checkIn
        let later = resolved.filter { $0.0 > checkIn && checkIn.days(until: $0.0) <= 90 }
        stay.checkOut = (later.first(where: { $0.1 }) ?? later.first)?.0
    }

    /// The label word just before a date ("check-out" → "checkout"), if any, looking back at most 4 tokens.
    private func label(before index: Int) -> String? {
        var cursor = index - 1
        while cursor >= 0 && cursor >= index - 4 {
            let token = tokens[cursor]
            if token.kind == .newline { return nil }
            if token.isWord("in") || token.isWord("out"), cursor >= 2, tokens[cursor - 2].isWord("check") {
                return token.text == "in" ? "checkin" : "checkout"
            }
            if token.kind == .word && (Self.startWords.contains(token.text) || Self.endWords.contains(token.text))
                && token.text != "in" && token.text != "out" && token.text != "on"
            {
                return token.text
            }
            cursor -= 1
        }
        return nil
    }

    /// The year-resolved day of a single date; nil when its stated year puts it before today.
    func resolve(_ atom: DateAtom) -> Day? {
        if let year = atom.year {
            guard let day = Day(year: year, month: atom.month, day: atom.day), day >= today else { return nil }
            return day
        }
        let thisYear = today.year
        for year in [thisYear, thisYear + 1] {
            if let day = Day(year: year, month: atom.month, day: atom.day), day >= today { return day }
        }
        return Day(year: thisYear + 2, month: atom.month, day: atom.day)
    }

    /// Both ends of a range with the years settled; nil when it lies before today or is longer than a year.
    func resolve(range: (DateAtom, DateAtom)) -> (Day, Day)? {
        var (start, end) = range
        if start.year == nil, let year = end.year {
            start.year = (start.month, start.day) > (end.month, end.day) ? year - 1 : year
        }
        guard let startDay = resolve(start) else { return nil }
        if end.year == nil { end.year = startDay.year }
        guard var endDay = Day(year: end.year ?? startDay.year, month: end.month, day: end.day) else { return nil }
        if endDay <= startDay, let next = Day(year: startDay.year + 1, month: end.month, day: end.day) { endDay = next }
        guard endDay > startDay, startDay.days(until: endDay) <= 366 else { return nil }
        return (startDay, endDay)
    }
}
