internal import SharedPlatform
/// Finds the stated budget: an amount in minor units, its currency, and whether it is per person.
///
/// Rules:
/// - An amount is digits with `,`/`.`/space thousands groups (`60,000`, `60 000`, `15.000`), an optional
///   decimal part (`4.5`), and an optional `k`/`thousand`/`grand` (×1,000) or `m`/`million` (×1,000,000).
/// - Currency: a marker right before (`R`, `$`, `US$`, `€`, `£`, `ZAR`, `USD` …) or right after (`USD`, `EUR`,
///   `rand`, `dollars`, `euros`, `pounds`). `$` and "dollars" mean USD.
/// - Which amount: the first one within 8 tokens after a budget word (budget, spend, afford, max, up to …) on
///   the same line, with or without a currency (none → the tenant's default, and then it must be at least
///   100); else the first amount with a currency marker. "R50,000 - R60,000" / "between $8k and $10k" → the
///   upper bound.
/// - Never money: a number that is part of a date, a phone number (leading 0 or `+`), a star rating
///   ("5 star", "4*"), or a count of nights, people or rooms.
/// - "per person", "pp", "p.p.", "pps", "each", "per head", "per adult" near the amount → per person;
///   otherwise ("total", "for everyone", nothing) → total.
struct BudgetExtractor {
    let tokens: [Token]
    let defaultCurrency: String

    static let symbols: [String: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₦": "NGN"]
    static let codes: Set<String> = [
        "zar", "usd", "eur", "gbp", "aud", "cad", "nzd", "chf", "kes", "ngn", "bwp",
        "nad", "mur", "aed", "tzs", "inr", "jpy", "sek", "nok", "dkk", "cny", "sgd",
    ]
    static let names: [String: String] = [
        "rand": "ZAR", "dollars": "USD", "dollar": "USD", "bucks": "USD",
        "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound": "GBP",
    ]
    static let budgetWords: Set<String> = [
        "budget", "spend", "afford", "max", "maximum", "upto", "budgeted",
        "around", "approximately", "approx", "about", "under", "below", "cost",
        "price", "begroting", "budjet", "ca", "presupuesto", "orcamento",
    ]
    static let notMoney: Set<String> = [
        "star", "stars", "nights", "night", "adults", "adult", "people", "children",
        "kids", "rooms", "room", "pax", "days", "weeks", "years", "persons", "guests",
        "am", "pm", "h", "km", "minutes", "hours", "of", "x",
    ]

    struct Amount {
        var major: Int64
        var micro: Int64  // fraction of the major unit, in millionths
        var currency: String?
        var end: Int
    }

    func budget() -> ExtractedBudget? {
        var fallback: (Amount, Int)?
        var index = 0
        while index < tokens.count {
            guard let amount = amount(at: index) else {
                index += 1
                continue
            }
            let inContext = hasBudgetWord(before: index)
            if inContext, amount.currency != nil || amount.major >= 100 {
                return finish(upperBound(of: amount), at: index)
            }
            if fallback == nil, amount.currency != nil { fallback = (amount, index) }
            index = max(index + 1, amount.end)
        }
        return fallback.flatMap { finish(upperBound(of: $0.0), at: $0.1) }
    }

    private func finish(_ amount: Amount, at index: Int) -> ExtractedBudget? {
        let currency = amount.currency ?? defaultCurrency
        var scale: Int64 = 1
        for _ in 0..<Money.minorDigits(currency) { scale *= 10 }
        let (whole, overflow) = amount.major.multipliedReportingOverflow(by: scale)
        guard !overflow, amount.major > 0 else { return nil }
        let minor = whole + amount.micro * scale / 1_000_000
        return ExtractedBudget(
            amount: minor, currency: currency, perPerson: isPerPerson(around: index, end: amount.end))
    }

    /// "R50,000 - R60,000", "$8k to $10k": the second amount, with the first's currency when it states none.
    private func upperBound(of amount: Amount) -> Amount {
        guard amount.end < tokens.count, ["-", "to", "and"].contains(tokens[amount.end].text) else { return amount }
        for start in [amount.end + 1, amount.end + 2] where start < tokens.count {
            if let second = self.amount(at: start), second.major >= amount.major || second.currency != nil {
                var upper = second
                upper.currency = second.currency ?? amount.currency
                if upper.major < amount.major { return amount }
                return upper
            }
        }
        return amount
    }

    private func hasBudgetWord(before index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= 0, cursor >= index - 8 {
            let token = tokens[cursor]
            if token.kind == .newline && cursor < index - 2 { return false }
            if token.kind == .word, Self.budgetWords.contains(token.text) { return true }
            if token.isWord("to"), cursor > 0, tokens[cursor - 1].isWord("up") { return true }
            cursor -= 1
        }
        return false
    }

    private func isPerPerson(around index: Int, end: Int) -> Bool {
        var cursor = end
        while cursor < tokens.count, cursor < end + 6 {
            let text = tokens[cursor].text
            if tokens[cursor].kind == .newline || text == "total" { return false }
            if ["pp", "pps", "pppn", "each", "pp.", "ppp"].contains(text) { return true }
            if ["per", "a", "por", "pro", "par"].contains(text), cursor + 1 < tokens.count,
                ["person", "head", "adult", "pax", "traveller", "traveler", "persoon", "persona", "personne"]
                    .contains(tokens[cursor + 1].text)
            {
                return true
            }
            if text == "p", cursor + 2 < tokens.count, tokens[cursor + 1].isSymbol("."), tokens[cursor + 2].isWord("p")
            {
                return true
            }
            cursor += 1
        }
        var back = index - 1
        while back >= 0, back >= index - 6, tokens[back].kind != .newline {
            if tokens[back].isWord("per"), back + 1 < tokens.count, tokens[back + 1].isWord("person") { return true }
            if tokens[back].isWord("pp") || tokens[back].isWord("each") { return true }
            back -= 1
        }
        return false
    }
}
