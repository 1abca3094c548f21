public import Runtime

/// What the worker asks a language model for when one is configured: a strict JSON schema mirroring
/// ``ExtractedTrip``'s snake_case document (decoded as ``TripCandidate``), a system prompt carrying today's date and
/// the tenant's destination names, and the mail as the user message.
public enum TripExtractionPrompt {
    /// The `json_schema.name` of the request.
    public static let schemaName = "trip_extraction"

    /// The strict schema: every property required, unknown facts `null`, no other properties.
    public static let schema: JSONValue = {
        func nullable(_ type: String, _ description: String) -> JSONValue {
            .object(["type": .array([.string(type), .string("null")]), "description": .string(description)])
        }
        let budget: JSONValue = .object([
            "type": .string("object"), "additionalProperties": .bool(false),
            "required": .array(["amount", "currency", "per_person"].map(JSONValue.string)),
            "properties": .object([
                "amount": .object([
                    "type": .string("integer"),
                    "description": .string("Minor units (cents) of currency: 15000 EUR is 1500000."),
                ]),
                "currency": .object(["type": .string("string"), "description": .string("ISO 4217 code, e.g. ZAR.")]),
                "per_person": .object(["type": .string("boolean")]),
            ]),
        ])
        let properties: [String: JSONValue] = [
            "is_travel_inquiry": .object([
                "type": .string("boolean"),
                "description": .string("True when the sender asks about a trip or stay."),
            ]),
            "name": nullable("string", "The customer's name as they sign or introduce themselves."),
            "email": nullable("string", "An email address the customer gives in the text."),
            "phone": nullable("string", "A phone number the customer gives."),
            "destination": nullable("string", "Exactly one of the listed destination names, or null."),
            "check_in": nullable("string", "Arrival date YYYY-MM-DD."),
            "check_out": nullable("string", "Departure date YYYY-MM-DD."),
            "nights": nullable("integer", "Number of nights."),
            "adults": nullable("integer", "Adults travelling."),
            "children": nullable("integer", "Travellers under 18, infants included."),
            "children_ages": .object([
                "type": .string("array"), "items": .object(["type": .string("integer")]),
                "description": .string("Stated ages of the children, in order; [] when none."),
            ]),
            "infants": nullable("integer", "How many children are under 2."),
            "budget": .object(["anyOf": .array([budget, .object(["type": .string("null")])])]),
            "requested_hotel": nullable("string", "A hotel the customer names."),
            "special_requests": nullable("string", "Wishes such as sea view or dietary needs, joined by '; '."),
        ]
        return .object([
            "type": .string("object"), "additionalProperties": .bool(false),
            "required": .array(properties.keys.sorted().map(JSONValue.string)),
            "properties": .object(properties),
        ])
    }()

    /// The system prompt: the task, today's date (for dates without a year) and the tenant's destinations.
    public static func system(for input: ExtractionInput) -> String {
        let places = input.destinations.map { place in
            place.aliases.isEmpty ? place.name : "\(place.name) (also: \(place.aliases.joined(separator: ", ")))"
        }
        return """
            You read one email sent to a travel agency and extract the trip it asks about as JSON.
            Today is \(input.today). A date without a year is its next occurrence on or after today.
            The agency's destinations: \(places.isEmpty ? "(none configured)" : places.joined(separator: "; ")).
            Use a destination's main name exactly as listed; use null when the mail names none of them.
            Never guess: a fact the mail does not state is null. Budgets without a currency are in \(input.defaultCurrency).
            """
    }

    /// The user message: sender, subject and body (the body cut to 20,000 characters).
    public static func user(for input: ExtractionInput) -> String {
        var lines: [String] = []
        if let name = input.fromName { lines.append("From name: \(name)") }
        if let email = input.fromEmail { lines.append("From address: \(email)") }
        lines.append("Subject: \(input.subject.prefix(1000))")
        lines.append("")
        lines.append(String(input.body.prefix(20_000)))
        return lines.joined(separator: "\n")
    }
}
