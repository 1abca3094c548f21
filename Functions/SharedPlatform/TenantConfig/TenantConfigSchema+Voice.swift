internal import Runtime

extension TenantConfigSchema {
    /// The `voice` section of a new tenant: no number, no forwarding, a greeting naming the company.
    static func voiceDefaults(companyName: String) -> JSONValue {
        .object([
            "phone_number": .null,
            "forward_to": .null,
            "greeting": .string(defaultGreeting(companyName: companyName)),
            "vapi_assistant_id": .null,
        ])
    }

    /// "Thank you for calling <company>." — always within the 300-character greeting limit.
    static func defaultGreeting(companyName: String) -> String {
        let name = companyName.isEmpty ? "us" : String(companyName.prefix(200))
        return "Thank you for calling \(name)."
    }

    /// `voice` — the tenant's phone line (Twilio voice webhook, VAPI assistant).
    /// - `phone_number`: `null` or the E.164 number callers dial (`+27215550100`): the Twilio voice webhook finds
    ///   the tenant by it. Stored exactly as sent (no reformatting).
    /// - `forward_to`: `null` or an E.164 number the call is forwarded to after the greeting; `null` means the
    ///   caller hears that someone will call back.
    /// - `greeting`: 1–300 characters, said first (default "Thank you for calling <company>.").
    /// - `vapi_assistant_id`: `null` or the VAPI assistant answering `assistant-request` messages (1–100 of
    ///   `A–Z a–z 0–9 - _`, e.g. a UUID).
    static func validateVoice(_ value: JSONValue, at path: String) throws(HTTPError) -> JSONValue {
        var voice = try TenantConfigObject(
            value, at: path, keys: ["phone_number", "forward_to", "greeting", "vapi_assistant_id"])
        try voice.nullable("phone_number", format: e164)
        try voice.nullable("forward_to", format: e164)
        try voice.string("greeting", length: 1...300)
        try voice.nullable("vapi_assistant_id", format: providerID)
        return voice.result
    }

    /// An E.164 number: `+`, a non-zero digit, then 6–14 more digits (7–15 digits in all), nothing else.
    static func e164(_ text: String, at path: String) throws(HTTPError) -> String {
        let digits = Array(text.utf8.dropFirst())
        guard text.hasPrefix("+"), (7...15).contains(digits.count), digits.first != UInt8(ascii: "0"),
            digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else {
            throw .invalid(path, "Must be an E.164 phone number such as +27215550100 (no spaces).")
        }
        return text
    }

    /// A provider's opaque ID: 1–100 of `A–Z a–z 0–9 - _`.
    static func providerID(_ text: String, at path: String) throws(HTTPError) -> String {
        guard (1...100).contains(text.utf8.count), text.utf8.allSatisfy({ byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }) else {
            throw .invalid(path, "Must be 1 to 100 characters of A-Z, a-z, 0-9, - and _.")
        }
        return text
    }
}
