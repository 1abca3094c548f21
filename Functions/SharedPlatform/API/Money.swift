internal import Runtime

/// An amount of money: integer minor units (cents) and an ISO 4217 code — `{"amount": 1234550, "currency": "ZAR"}`
/// on the wire (SPEC §7). Never a float.
public struct Money: Sendable, Hashable, Codable {
    public var amount: Int64
    public var currency: String

    public init(_ amount: Int64, _ currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// Decimal places of `currency`'s minor unit (ISO 4217): 0 for JPY/KRW/…, 3 for BHD/KWD/…, otherwise 2.
    public static func minorDigits(_ currency: String) -> Int {
        switch currency {
        case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF",
             "XOF", "XPF": 0
        case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND": 3
        default: 2
        }
    }

    /// Parses a major-unit amount such as `10500`, `10500.5`, `10500.00` or `10,500.00` into minor units of
    /// `currency`; `nil` for anything else (signs, exponents, more decimals than the currency has, overflow).
    public static func parseMajor(_ text: some StringProtocol, currency: String) -> Int64? {
        let digits = minorDigits(currency)
        var whole: Int64 = 0, fraction: Int64 = 0, fractionDigits = 0, seenDot = false, seenDigit = false
        for character in text.trimmingWhitespace {
            if character == "," && !seenDot { continue }
            if character == "." {
                guard !seenDot, digits > 0 else { return nil }
                seenDot = true
                continue
            }
            guard let value = character.wholeNumberValue, character.isASCII else { return nil }
            seenDigit = true
            if seenDot {
                fractionDigits += 1
                guard fractionDigits <= digits else { return nil }
                fraction = fraction * 10 + Int64(value)
            } else {
                let (product, overflow) = whole.multipliedReportingOverflow(by: 10)
                guard !overflow, product <= Int64.max / 1000 - Int64(value) else { return nil }
                whole = product + Int64(value)
            }
        }
        guard seenDigit else { return nil }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        for _ in fractionDigits..<digits { fraction *= 10 }
        return whole * scale + fraction
    }

    /// The amount in major units with grouping, e.g. `10 500.00` (no symbol; see ``formatted``).
    public var majorText: String {
        let digits = Self.minorDigits(currency)
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let magnitude = amount.magnitude
        let whole = magnitude / UInt64(scale), fraction = magnitude % UInt64(scale)
        var grouped = ""
        for (index, character) in String(whole).reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        var text = (amount < 0 ? "-" : "") + String(grouped.reversed())
        if digits > 0 {
            let padded = String(fraction)
            text += "." + String(repeating: "0", count: digits - padded.count) + padded
        }
        return text
    }

    /// For people: the currency's symbol when it has a well-known one, otherwise its code — `R 10,500.00`,
    /// `$9,000.00`, `€1,200.00`, `CHF 300.00`.
    public var formatted: String {
        switch currency {
        case "USD": "$" + majorText
        case "EUR": "€" + majorText
        case "GBP": "£" + majorText
        case "ZAR": "R " + majorText
        case "JPY": "¥" + majorText
        case "INR": "₹" + majorText
        case "NGN": "₦" + majorText
        case "KES": "KSh " + majorText
        default: currency + " " + majorText
        }
    }
}
