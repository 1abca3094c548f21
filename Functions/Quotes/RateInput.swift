internal import Runtime
internal import SharedPlatform

/// One rate row that passed every rule, ready to write (from JSON or from a CSV line).
///
/// Invariants: `destination` is the tenant's canonical name; texts are trimmed; `validFrom ≤ validTo`; `nights`
/// is nil or 1…60; `currency` is `[A-Z]{3}` and every amount is in its minor units; `adultSharing > 0`,
/// `single > 0`, `child ≥ 0`, `infant ≥ 0`. `rating` nil means "leave the hotel's rating as it is".
struct RateInput: Sendable, Equatable {
    var destination: String
    var hotel: String
    var rating: Double?
    var roomType: String
    var mealPlan: String
    var validFrom: Day
    var validTo: Day
    var nights: Int?
    var currency: String
    var adultSharing: Int64
    var single: Int64?
    var child: Int64?
    var infant: Int64?
    var isActive: Bool

    /// The key under which an import updates an existing row instead of adding one (room and meal ignore case).
    var duplicateKey: String {
        [hotelKey, roomType.lowercased(), mealPlan.lowercased(), validFrom.description, validTo.description,
         nights.map(String.init) ?? "-", currency].joined(separator: "\u{1F}")
    }

    /// The hotel this row belongs to: destination and name, ignoring case.
    var hotelKey: String { destination.lowercased() + "\u{1F}" + hotel.lowercased() }

    /// The rating as the `numeric(2,1)` column takes it.
    var ratingText: String? { rating.map { RateRules.ratingText($0) } }
}

/// The rules of one rate row, each a throwing check that names its field (HTTP 422).
enum RateRules {
    /// Trimmed text of `length` characters on one line: no line breaks or other control characters, which would
    /// break the quote PDF and e-mails that print it.
    static func line(_ text: String, field: String, length: ClosedRange<Int>) throws(HTTPError) -> String {
        let value = try Validate.text(text, field: field, length: length)
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalid(field, "\(field) must be a single line without control characters.")
        }
        return value
    }

    /// A hotel's name: 1–200 characters on one line.
    static func hotel(_ text: String, field: String = "hotel") throws(HTTPError) -> String {
        try line(text, field: field, length: 1...200)
    }

    /// `room_type` and `meal_plan`: 1–100 characters on one line.
    static func label(_ text: String, field: String) throws(HTTPError) -> String {
        try line(text, field: field, length: 1...100)
    }

    /// 0–7 with at most one decimal (hotel stars, or 6–7 for the few "super" ratings).
    static func rating(_ value: Double?, field: String = "rating") throws(HTTPError) -> Double? {
        guard let value else { return nil }
        guard value.isFinite, (0...7).contains(value), abs(value * 10 - (value * 10).rounded()) < 1e-9 else {
            throw .invalid(field, "\(field) must be a number from 0 to 7 with at most one decimal.")
        }
        return value
    }

    /// A CSV rating: empty, or a decimal such as `4` or `4.5`.
    static func rating(text: String, field: String = "rating") throws(HTTPError) -> Double? {
        let text = text.trimmingASCIIWhitespace()
        guard !text.isEmpty else { return nil }
        guard text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }), let value = Double(text) else {
            throw .invalid(field, "\(field) must be a number from 0 to 7 with at most one decimal.")
        }
        return try rating(value, field: field)
    }

    static func ratingText(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func day(text: String, field: String) throws(HTTPError) -> Day {
        guard let day = Day(text.trimmingASCIIWhitespace()) else { throw .invalid(field, "\(field) must be a date YYYY-MM-DD.") }
        return day
    }

    static func window(from: Day, to: Day) throws(HTTPError) {
        guard from <= to else { throw .invalid("valid_to", "valid_to must not be before valid_from.") }
    }

    static func nights(_ value: Int?) throws(HTTPError) -> Int? {
        guard let value else { return nil }
        guard (1...60).contains(value) else {
            throw .invalid("nights", "nights must be empty (a per-night rate) or a whole number from 1 to 60 (a package).")
        }
        return value
    }

    static func nights(text: String) throws(HTTPError) -> Int? {
        let text = text.trimmingASCIIWhitespace()
        guard !text.isEmpty else { return nil }
        guard text.utf8.count <= 3, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text) else {
            return try nights(0)
        }
        return try nights(value)
    }

    static func currency(_ text: String, field: String = "currency") throws(HTTPError) -> String {
        let code = text.trimmingASCIIWhitespace()
        guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
            throw .invalid(field, "\(field) must be an ISO 4217 code of three capital letters, such as ZAR.")
        }
        return code
    }

    /// Checks an amount in minor units: `> 0` for `adult_sharing` and `single`, `≥ 0` for `child` and `infant`.
    static func amount(_ value: Int64, field: String) throws(HTTPError) -> Int64 {
        let positive = field == "adult_sharing" || field == "single"
        guard positive ? value > 0 : value >= 0 else {
            throw .invalid(field, "\(field) must be \(positive ? "more than zero" : "zero or more").")
        }
        return value
    }

    /// An optional amount in minor units (nil: no such price).
    static func optionalAmount(_ value: Int64?, field: String) throws(HTTPError) -> Int64? {
        guard let value else { return nil }
        return try amount(value, field: field)
    }

    /// A CSV amount in major units (`10500.00`, `10,500`) of `currency`; empty is nil, except for `adult_sharing`.
    static func amount(text: String, field: String, currency: String) throws(HTTPError) -> Int64? {
        let text = text.trimmingASCIIWhitespace()
        guard !text.isEmpty else {
            if field == "adult_sharing" { throw .invalid(field, "adult_sharing is required.") }
            return nil
        }
        guard let minor = Money.parseMajor(text, currency: currency) else {
            let decimals = Money.minorDigits(currency)
            let form = decimals == 0 ? "a whole amount (\(currency) has no minor unit), like 10500"
                : "an amount in major units with at most \(decimals) decimals, like 10500.\(String(repeating: "0", count: decimals))"
            throw .invalid(field, "\(field) must be \(form).")
        }
        return try amount(minor, field: field)
    }
}
