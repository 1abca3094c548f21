internal import Runtime
internal import SharedPlatform

/// The pieces of a template context shared by the quote and invoice emails, and the formatting they use.
///
/// Every value here is plain text: the Mustache renderer escapes it for HTML. The one pre-escaped value,
/// `signature_html`, is escaped line by line first and only then joined with `<br>`; no other key ends in `_html`,
/// the suffix tenant HTML templates may write unescaped.
enum EmailContext {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `12 April 2027`.
    static func longDate(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        return "\(dayOfMonth) \(months[month - 1]) \(year)"
    }

    /// `12 April 2027 – 19 April 2027`, or one date when only one is known, or `null`.
    static func dateRange(_ start: Day?, _ end: Day?) -> JSONValue {
        switch (start, end) {
        case (let start?, let end?): .string("\(longDate(start)) – \(longDate(end))")
        case (let start?, nil): .string(longDate(start))
        case (nil, let end?): .string(longDate(end))
        case (nil, nil): .null
        }
    }

    static func date(_ day: Day?) -> JSONValue { day.map { .string(longDate($0)) } ?? .null }

    static func isoDate(_ day: Day?) -> JSONValue { day.map { .string($0.description) } ?? .null }

    /// `R 10,500.00`.
    static func money(_ money: Money?) -> JSONValue { money.map { .string($0.formatted) } ?? .null }

    static func string(_ text: String?) -> JSONValue {
        guard let text, !text.isEmpty else { return .null }
        return .string(text)
    }

    static func number(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }

    /// A percentage without a trailing `.0`: `15`, `7.5`.
    static func percent(_ value: Double) -> String {
        if value.rounded() == value, value.magnitude < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// `2 adults`, `1 adult, 2 children`.
    static func travellers(adults: Int, children: Int) -> String {
        var parts = ["\(adults) \(adults == 1 ? "adult" : "adults")"]
        if children > 0 { parts.append("\(children) \(children == 1 ? "child" : "children")") }
        return parts.joined(separator: ", ")
    }

    /// `7 nights`, `1 night`, or `null`.
    static func nights(_ count: Int?) -> JSONValue {
        guard let count, count > 0 else { return .null }
        return .string("\(count) \(count == 1 ? "night" : "nights")")
    }

    /// The members every email shares: `company`, `colors`, `signature`, `signature_lines`, `signature_html`.
    static func branding(_ branding: DocumentBranding) -> [String: JSONValue] {
        // Lines without trailing spaces; blank lines before and after the signature dropped.
        var lines = branding.emailSignature.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { String($0.reversed().drop(while: \.isWhitespace).reversed()) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        let contact = branding.contactLines.filter { !$0.isEmpty }
        return [
            "company": .object([
                "name": .string(branding.companyName),
                "contact_lines": .array(contact.map(JSONValue.string)),
                "contact": string(contact.joined(separator: " · ")),
            ]),
            "colors": .object([
                "primary": .string(colour(branding.primaryColor, fallback: "#2E86AB")),
                "secondary": .string(colour(branding.secondaryColor, fallback: "#4ECDC4")),
                "accent": .string(colour(branding.accentColor, fallback: "#F18F01")),
            ]),
            "signature": string(lines.joined(separator: "\n")),
            "signature_lines": .array(lines.map(JSONValue.string)),
            "signature_html": string(lines.map(MustacheTemplate.htmlEscaped).joined(separator: "<br>")),
        ]
    }

    /// `text` when it is `#RRGGBB` (safe inside a `style` attribute), else `fallback`.
    static func colour(_ text: String, fallback: String) -> String {
        let bytes = Array(text.utf8)
        let isHex: (UInt8) -> Bool = {
            (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0)
        }
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#"), bytes.dropFirst().allSatisfy(isHex) else {
            return fallback
        }
        return text
    }

    /// `url` when it is an `http(s)://` URL without spaces or control characters (safe as an `href`), else `null`.
    static func link(_ url: String?) -> JSONValue {
        guard let url else { return .null }
        let lower = url.lowercased()
        let hasScheme = lower.hasPrefix("https://") || lower.hasPrefix("http://")
        let clean = !url.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
        return hasScheme && clean && url.utf8.count <= 2048 ? .string(url) : .null
    }
}
