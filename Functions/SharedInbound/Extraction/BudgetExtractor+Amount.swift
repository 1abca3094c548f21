/// Reading one written amount with its currency marker (rules in ``BudgetExtractor``).
extension BudgetExtractor {
    /// The amount whose currency marker or first digit is at `index`.
    func amount(at index: Int) -> Amount? {
        var cursor = index
        var currency: String?
        if let code = prefixCurrency(at: cursor) {
            currency = code.0
            cursor = code.1
        }
        guard cursor < tokens.count, tokens[cursor].kind == .number, cursor == index || currency != nil else {
            return nil
        }
        if cursor > 0, cursor == index, isDateOrPhoneContext(before: cursor) { return nil }
        let first = tokens[cursor]
        if first.text.count > 1, first.text.hasPrefix("0") { return nil }
        guard var major = first.value.map(Int64.init) else { return nil }
        cursor += 1
        // Thousands groups: ",000" "000" (after a space) ".000" (not followed by more digits).
        while cursor + 1 < tokens.count, tokens[cursor + 1].kind == .number, tokens[cursor + 1].text.count == 3,
            major < 1_000_000_000
        {
            let separator = tokens[cursor]
            let spaced = tokens[cursor + 1].spaceBefore
            if separator.kind == .symbol, [",", ".", "'"].contains(separator.text), !separator.spaceBefore, !spaced {
                major = major * 1000 + Int64(tokens[cursor + 1].value ?? 0)
                cursor += 2
            } else {
                break
            }
        }
        if cursor < tokens.count, tokens[cursor].kind == .number, tokens[cursor].spaceBefore,
            tokens[cursor].text.count == 3, major < 1000, currency != nil
        {
            // "R 60 000"
            while cursor < tokens.count, tokens[cursor].kind == .number, tokens[cursor].text.count == 3,
                tokens[cursor].spaceBefore, major < 1_000_000_000
            {
                major = major * 1000 + Int64(tokens[cursor].value ?? 0)
                cursor += 1
            }
        }
        var micro: Int64 = 0
        if cursor + 1 < tokens.count, tokens[cursor].isSymbol(".") || tokens[cursor].isSymbol(","),
            !tokens[cursor].spaceBefore, tokens[cursor + 1].kind == .number, !tokens[cursor + 1].spaceBefore,
            tokens[cursor + 1].text.count <= 2, let fraction = tokens[cursor + 1].value
        {
            if tokens[cursor].text == "," && !(cursor + 2 < tokens.count && tokens[cursor + 2].isWord("k")) {
                // "4,5" without k is a list ("ages 4,5"), not a decimal.
            } else {
                micro = Int64(fraction) * (tokens[cursor + 1].text.count == 1 ? 100_000 : 10_000)
                cursor += 2
            }
        }
        if cursor < tokens.count, tokens[cursor].kind == .word {
            let suffix = tokens[cursor].text
            let spaced = tokens[cursor].spaceBefore
            let thousand = ["k", "thousand", "grand", "duisend", "tausend", "mille"].contains(suffix)
            let million =
                suffix == "million" || suffix == "miljoen" || (["m", "mil", "mio"].contains(suffix) && !spaced)
            if thousand || million {
                let multiplier: Int64 = thousand ? 1000 : 1_000_000
                let (scaled, overflow) = major.multipliedReportingOverflow(by: multiplier)
                guard !overflow, scaled < 1_000_000_000_000 else { return nil }
                major = scaled + micro * multiplier / 1_000_000
                micro = (micro * multiplier) % 1_000_000
                cursor += 1
            }
        }
        if cursor < tokens.count, tokens[cursor].kind == .word {
            let word = tokens[cursor].text
            if Self.notMoney.contains(word) || MonthNames.month(tokens[cursor]) != nil { return nil }
            if currency == nil, Self.codes.contains(word) || Self.names[word] != nil {
                currency = Self.names[word] ?? word.uppercased()
                cursor += 1
            }
        }
        if currency == nil, cursor < tokens.count, tokens[cursor].kind == .symbol,
            let symbol = Self.symbols[tokens[cursor].text]
        {
            currency = symbol  // "8000 €", "5000€"
            cursor += 1
        }
        if cursor < tokens.count, tokens[cursor].isSymbol("*") || tokens[cursor].isSymbol("/") { return nil }
        if currency == nil, cursor + 1 < tokens.count, ["-", ".", "/", ":"].contains(tokens[cursor].text),
            tokens[cursor + 1].kind == .number, !tokens[cursor + 1].spaceBefore
        {
            return nil
        }  // a date, time or phone
        if currency == nil, cursor < tokens.count, tokens[cursor].kind == .number { return nil }  // "555 1234"
        if currency == nil, index > 0, tokens[index - 1].kind == .number || MonthNames.month(tokens[index - 1]) != nil {
            return nil  // "555 1234", "August 2027"
        }
        if currency == nil, index > 1, tokens[index - 1].isSymbol(","), tokens[index - 2].kind == .number {
            return nil  // "April 12, 2027"
        }
        if cursor < tokens.count, tokens[cursor].isSymbol("-"), cursor + 1 < tokens.count,
            tokens[cursor + 1].isWord("star")
        {
            return nil
        }
        return Amount(major: major, micro: micro, currency: currency, end: cursor)
    }

    /// A currency marker at `index` ("R", "$", "US$", "€", "ZAR" …) → (code, index of the amount).
    private func prefixCurrency(at index: Int) -> (String, Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        var code: String?, next = index + 1
        if token.kind == .symbol, let symbol = Self.symbols[token.text] {
            code = symbol
        } else if token.kind == .word, token.raw == "R" {
            code = "ZAR"
        } else if token.kind == .word, token.text == "us", next < tokens.count, tokens[next].isSymbol("$") {
            code = "USD"
            next += 1
        } else if token.kind == .word, Self.codes.contains(token.text), token.raw.allSatisfy(\.isUppercase) {
            code = token.text.uppercased()
        }
        guard let code, next < tokens.count, tokens[next].kind == .number,
            !tokens[next].spaceBefore || token.kind == .word
        else { return nil }
        if index > 0, tokens[index - 1].kind == .word, !tokens[index].spaceBefore { return nil }  // "HR500"
        return (code, next)
    }

    /// Whether the number at `index` continues a date or phone number ("+27 82", "15/", "2027-").
    private func isDateOrPhoneContext(before index: Int) -> Bool {
        let previous = tokens[index - 1]
        guard !tokens[index].spaceBefore || previous.isSymbol("+") || previous.isSymbol("(") else { return false }
        return ["/", "-", ".", "+", "(", ":"].contains(previous.text) && previous.kind == .symbol
    }
}
