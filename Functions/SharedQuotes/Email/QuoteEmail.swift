public import Runtime
internal import SharedPlatform

/// The email that sends a quote: subject, text and HTML from Mustache templates — the built-in ones, or the
/// tenant's (`templates.quote_email_subject|_text|_html`, see ``EmailTemplates`` for when they are used).
///
/// **Template variables** (all text; dates read like `12 April 2027`, `…_iso` ones like `2027-04-12`; money like
/// `R 10,500.00`; a missing fact is `null`, so `{{#x}}…{{/x}}` shows a line only when there is something to show):
/// - `customer.name`, `customer.email`, `customer.phone`
/// - `quote.id`, `quote.status`, `quote.created_on`, `quote.created_on_iso`
/// - `trip.destination`, `trip.check_in`, `trip.check_out`, `trip.check_in_iso`, `trip.check_out_iso`,
///   `trip.dates` (`12 April 2027 – 19 April 2027`), `trip.nights` (number), `trip.nights_text` (`7 nights`),
///   `trip.adults`, `trip.children` (infants included), `trip.children_ages` (`4, 9`), `trip.rooms`,
///   `trip.multiple_rooms` (boolean), `trip.travellers` (`2 adults, 1 child`)
/// - `options` (list), each: `number` (1, 2, …), `title` (`Option 1`, or `Your quote` for an item quote),
///   `hotel`, `rating` (`4`, `3.5`), `stars` (`★★★★`), `room_type`, `meal_plan`, `nights`, `nights_text`,
///   `basis` (`package`, `per_night`, `items`), `is_items` (boolean), `requested` (the hotel the customer asked
///   for), `within_budget` (boolean or null), `per_person` (list of `label`, `amount`: `Per adult sharing`,
///   `R 12,000.00`), `items` (list of `type`, `name`, `description`, `quantity`, `unit_price`, `total`, `dates`,
///   `nights`), `total` (null when the items are in several currencies), `totals` (list, one per currency),
///   `total_text` (the total, or the totals joined with ` + `)
/// - `option_count`, `multiple_options` (boolean)
/// - `valid_until`, `valid_until_iso`
/// - `share_url` (a link to view the quote online; null when there is none)
/// - `consultant.name`, `consultant.email` (`consultant` is null when no one is assigned)
/// - `message` (the customer's own words, may be null), `terms` (the tenant's quote terms)
/// - `company.name`, `company.contact_lines` (list), `company.contact` (lines joined with ` · `)
/// - `colors.primary`, `colors.secondary`, `colors.accent` (`#RRGGBB`, always valid inside a `style`)
/// - `signature` (with line breaks), `signature_lines` (list), `signature_html` (already escaped, lines joined
///   with `<br>`: the one variable an HTML template writes unescaped, `{{{signature_html}}}`)
public enum QuoteEmail {
    /// The quote email for `quote`.
    ///
    /// - Parameter templates: the tenant's `templates` config section (nil, or `null` entries: built-in parts).
    /// - Throws: only if a built-in template fails to parse (a programming error caught by the tests).
    public static func render(_ quote: QuoteView, branding: DocumentBranding, templates: JSONValue?) throws
        -> RenderedEmail
    {
        try builtIn.get().render(context(quote, branding: branding), overrides: templates)
    }

    /// The built-in templates, parsed once.
    static let builtIn = Result { () throws(MustacheError) in
        try EmailTemplates(key: "quote_email", subject: subjectTemplate, text: textTemplate, html: htmlTemplate)
    }

    /// The template context of `quote` (the variables listed on ``QuoteEmail``).
    public static func context(_ quote: QuoteView, branding: DocumentBranding) -> JSONValue {
        var members = EmailContext.branding(branding)
        members["customer"] = .object([
            "name": .string(quote.customerName), "email": .string(quote.customerEmail),
            "phone": EmailContext.string(quote.customerPhone),
        ])
        members["quote"] = .object([
            "id": .string(quote.quoteID), "status": .string(quote.status),
            "created_on": EmailContext.date(quote.createdOn), "created_on_iso": EmailContext.isoDate(quote.createdOn),
        ])
        members["trip"] = .object([
            "destination": EmailContext.string(quote.destination),
            "check_in": EmailContext.date(quote.checkIn), "check_out": EmailContext.date(quote.checkOut),
            "check_in_iso": EmailContext.isoDate(quote.checkIn), "check_out_iso": EmailContext.isoDate(quote.checkOut),
            "dates": EmailContext.dateRange(quote.checkIn, quote.checkOut),
            "nights": EmailContext.number(quote.nights), "nights_text": EmailContext.nights(quote.nights),
            "adults": .number(Double(quote.adults)), "children": .number(Double(quote.children)),
            "children_ages": EmailContext.string(quote.childrenAges.map(String.init).joined(separator: ", ")),
            "rooms": .number(Double(quote.rooms)), "multiple_rooms": .bool(quote.rooms > 1),
            "travellers": .string(EmailContext.travellers(adults: quote.adults, children: quote.children)),
        ])
        let options = quote.options.enumerated().map { option($1, number: $0 + 1, single: quote.options.count == 1) }
        members["options"] = .array(options)
        members["option_count"] = .number(Double(options.count))
        members["multiple_options"] = .bool(options.count > 1)
        members["valid_until"] = EmailContext.date(quote.validUntil)
        members["valid_until_iso"] = EmailContext.isoDate(quote.validUntil)
        members["share_url"] = EmailContext.link(quote.shareURL)
        members["consultant"] =
            quote.consultantName == nil && quote.consultantEmail == nil
            ? .null
            : .object([
                "name": EmailContext.string(quote.consultantName),
                "email": EmailContext.string(quote.consultantEmail),
            ])
        members["message"] = EmailContext.string(quote.message)
        members["terms"] = EmailContext.string(branding.terms)
        return .object(members)
    }

    /// One entry of `options`.
    static func option(_ option: QuoteOption, number: Int, single: Bool) -> JSONValue {
        let isItems = option.basis == "items"
        let perPerson: [(String, Money?)] = [
            ("Per adult sharing", option.per_person.adult_sharing),
            ("Per adult (single room)", option.per_person.adult_single),
            ("Per child", option.per_person.child), ("Per infant", option.per_person.infant),
        ]
        let totals = option.totals.isEmpty ? (option.total.map { [$0] } ?? []) : option.totals
        let rating = option.rating.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
        return .object([
            "number": .number(Double(number)),
            "title": .string(isItems && single ? "Your quote" : "Option \(number)"),
            "hotel": EmailContext.string(option.hotel),
            "rating": rating.map { JSONValue.string(EmailContext.percent(($0 * 10).rounded() / 10)) } ?? .null,
            "stars": rating.map { JSONValue.string(String(repeating: "★", count: min(7, max(1, Int($0))))) } ?? .null,
            "room_type": EmailContext.string(option.room_type),
            "meal_plan": EmailContext.string(option.meal_plan),
            "nights": EmailContext.number(option.nights), "nights_text": EmailContext.nights(option.nights),
            "basis": .string(option.basis), "is_items": .bool(isItems), "requested": .bool(option.requested),
            "within_budget": option.within_budget.map(JSONValue.bool) ?? .null,
            "per_person": .array(
                perPerson.compactMap { label, money -> JSONValue? in
                    money.map { JSONValue.object(["label": .string(label), "amount": .string($0.formatted)]) }
                }),
            "items": .array(option.items.map(item)),
            "total": EmailContext.money(option.total),
            "totals": .array(totals.map { .string($0.formatted) }),
            "total_text": EmailContext.string(totals.map(\.formatted).joined(separator: " + ")),
        ])
    }

    static func item(_ item: QuoteItem) -> JSONValue {
        .object([
            "type": .string(item.type), "name": .string(item.name),
            "description": EmailContext.string(item.description),
            "quantity": .number(Double(item.quantity)), "unit_price": .string(item.unit_price.formatted),
            "total": .string(item.total.formatted), "nights": EmailContext.number(item.nights),
            "dates": EmailContext.dateRange(item.check_in, item.check_out),
        ])
    }
}
