internal import Quoting
internal import Runtime
internal import SharedPlatform

/// Input checks shared by the invoice routes; each throws a 422 naming the field.
extension InvoiceHandlers {
    /// Largest unit price accepted: 10¹³ minor units (a hundred billion in a two-decimal currency).
    static let maxUnitPrice: Int64 = 10_000_000_000_000

    /// Invoice lines from the request: 1–200 items, description 1–500 characters, quantity 1–10 000, unit price
    /// 0…``maxUnitPrice`` minor units; `amount = quantity × unit_price`.
    static func lines(_ items: [ItemBody]) throws(HTTPError) -> [InvoiceItem] {
        guard (1...200).contains(items.count) else { throw .invalid("items", "items must hold 1 to 200 lines.") }
        var result: [InvoiceItem] = []
        for (index, item) in items.enumerated() {
            let field = "items[\(index)]"
            let description = try Validate.text(item.description, field: field + ".description", length: 1...500)
            guard (1...10_000).contains(item.quantity) else {
                throw .invalid(field + ".quantity", "quantity must be an integer from 1 to 10000.")
            }
            guard (0...maxUnitPrice).contains(item.unit_price) else {
                throw .invalid(field + ".unit_price",
                               "unit_price must be a whole number of minor units from 0 to \(maxUnitPrice).")
            }
            result.append(InvoiceItem(description: description, quantity: item.quantity, unit_price: item.unit_price,
                                      amount: item.unit_price * Int64(item.quantity)))
        }
        return result
    }

    /// The totals of `items`; 422 (`items`) if they would overflow.
    static func sums(_ items: [InvoiceItem], discount: Int, tax: Int) throws(HTTPError) -> Invoices.Totals {
        guard let totals = Invoices.totals(items: items, discountBasisPoints: discount, taxBasisPoints: tax) else {
            throw .invalid("items", "The invoice total is too large.")
        }
        return totals
    }

    /// A percentage 0–100 with at most two decimals, in basis points (12.5 → 1250).
    static func basisPoints(_ percent: Double, field: String) throws(HTTPError) -> Int {
        let scaled = percent * 100
        guard percent.isFinite, (0...10_000).contains(scaled.rounded()), abs(scaled - scaled.rounded()) < 1e-6 else {
            throw .invalid(field, "\(field) must be a number from 0 to 100 with at most two decimals.")
        }
        return Int(scaled.rounded())
    }

    /// 1–365 days (`due_days`).
    static func days(_ value: Int) throws(HTTPError) -> Int {
        guard (1...365).contains(value) else {
            throw .invalid("due_days", "due_days must be an integer from 1 to 365.")
        }
        return value
    }

    /// An ISO 4217 code (`zar` is read as `ZAR`).
    static func currencyCode(_ text: String) throws(HTTPError) -> String {
        let code = text.trimmingASCIIWhitespace().uppercased()
        guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
            throw .invalid("currency", "currency must be an ISO 4217 code such as ZAR.")
        }
        return code
    }

    /// Trimmed text of at most `max` characters; `nil` when absent or empty.
    static func optionalText(_ text: String?, field: String, max: Int) throws(HTTPError) -> String? {
        guard let text = text?.trimmingASCIIWhitespace(), !text.isEmpty else { return nil }
        return try Validate.text(text, field: field, length: 1...max)
    }

    /// `items` as stored in `invoices.items`.
    static func itemsJSON(_ items: [InvoiceItem]) throws -> String {
        String(decoding: try JSON.encode(items), as: UTF8.self)
    }

    /// The travellers of a `PATCH …/travelers` body: a JSON array, or an object with a `travelers` array.
    static func travelerList(_ request: Request) throws -> [InvoiceTraveler] {
        struct Wrapped: Decodable { let travelers: [InvoiceTraveler] }
        let first = request.body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let list = first == UInt8(ascii: "[") ? try request.decode([InvoiceTraveler].self)
            : try request.decode(Wrapped.self).travelers
        return try validTravelers(list)
    }

    /// At most 50 travellers: name 1–200 characters, type `adult`, `child` or `infant`, passport ≤ 50 and
    /// nationality ≤ 100 characters.
    static func validTravelers(_ list: [InvoiceTraveler]) throws(HTTPError) -> [InvoiceTraveler] {
        guard list.count <= 50 else { throw .invalid("travelers", "At most 50 travellers.") }
        var result: [InvoiceTraveler] = []
        for (index, traveler) in list.enumerated() {
            let field = "travelers[\(index)]"
            var clean = traveler
            clean.name = try Validate.text(traveler.name, field: field + ".name", length: 1...200)
            clean.type = try Validate.choice(traveler.type, field: field + ".type", from: ["adult", "child", "infant"])
            clean.passport = try optionalText(traveler.passport, field: field + ".passport", max: 50)
            clean.nationality = try optionalText(traveler.nationality, field: field + ".nationality", max: 100)
            result.append(clean)
        }
        return result
    }
}
