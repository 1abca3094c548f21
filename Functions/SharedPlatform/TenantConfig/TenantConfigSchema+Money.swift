internal import Runtime

extension TenantConfigSchema {
    static let bankingKeys = [
        "bank_name", "account_name", "account_number", "branch_code", "swift_code",
        "reference_prefix",
    ]
    static let bankingDefaults: JSONValue = .object(Dictionary(uniqueKeysWithValues: bankingKeys.map { ($0, .null) }))

    /// `banking` — the payment details printed on invoices.
    /// - `bank_name`, `account_name`, `account_number`, `branch_code`, `reference_prefix`: `null` (default) or
    ///   at most 100 characters.
    /// - `swift_code`: `null` or a SWIFT/BIC code, 8 or 11 upper-case letters and digits.
    static func validateBanking(_ value: JSONValue, at path: String) throws(HTTPError) -> JSONValue {
        var banking = try TenantConfigObject(value, at: path, keys: bankingKeys)
        for key in bankingKeys {
            if key == "swift_code" {
                try banking.nullable(key, format: swiftCode)
            } else {
                try banking.nullable(key, maxLength: 100)
            }
        }
        return banking.result
    }

    static func pricingDefaults(currency: String) -> JSONValue {
        .object(["margin_percent": .number(0), "currency": .string(currency), "round_to": .number(100)])
    }

    /// `pricing` — how rates become quoted prices.
    /// - `margin_percent`: number 0–100 added on top of rates, default 0.
    /// - `currency`: display currency, an ISO 4217 code of three upper-case letters (`ZAR`); default the
    ///   tenant's currency.
    /// - `round_to`: whole number of minor units each marked-up per-person price is rounded to (half up):
    ///   1 = exact cents, 100 (default) = whole units, 1000 = tens of units; one of 1, 5, 10, 50, 100, 500, 1000,
    ///   5000, 10000.
    static func validatePricing(_ value: JSONValue, at path: String) throws(HTTPError) -> JSONValue {
        var pricing = try TenantConfigObject(value, at: path, keys: ["margin_percent", "currency", "round_to"])
        try pricing.number("margin_percent", in: 0...100)
        try pricing.string("currency", format: currencyCode)
        let roundTo = try pricing.integer("round_to", in: 1...10000)
        guard [1, 5, 10, 50, 100, 500, 1000, 5000, 10000].contains(roundTo) else {
            throw .invalid(pricing.path("round_to"), "Must be one of 1, 5, 10, 50, 100, 500, 1000, 5000, 10000.")
        }
        return pricing.result
    }

    /// 8 or 11 characters of `[A-Z0-9]`.
    static func swiftCode(_ text: String, at path: String) throws(HTTPError) -> String {
        guard [8, 11].contains(text.utf8.count), text.utf8.allSatisfy(isUpperAlphanumeric) else {
            throw .invalid(path, "Must be a SWIFT/BIC code: 8 or 11 upper-case letters and digits.")
        }
        return text
    }

    /// Three upper-case ASCII letters (the shape of ISO 4217; the code list itself is not checked).
    static func currencyCode(_ text: String, at path: String) throws(HTTPError) -> String {
        guard text.utf8.count == 3, text.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
        else {
            throw .invalid(path, "Must be an ISO 4217 currency code: three upper-case letters, like ZAR.")
        }
        return text
    }
}
