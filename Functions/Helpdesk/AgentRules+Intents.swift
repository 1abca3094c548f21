internal import InboundMail
internal import Runtime
internal import SharedPlatform

extension AgentRules {
    /// "speak to a person", "talk with a human", "connect me to an agent", "I want a consultant", "hand off" …
    static func isHandOff(_ lower: String) -> Bool {
        let people = ["person", "human", "agent", "consultant", "colleague", "someone", "somebody", "real person"]
        let verbs = ["speak to", "speak with", "talk to", "talk with", "chat with", "connect me", "transfer me",
                     "put me through", "i want a", "i need a", "get me a"]
        if lower.contains("hand off") || lower.contains("hand-off") || lower.contains("handoff") { return true }
        return verbs.contains { verb in
            guard let range = lower.firstRange(of: verb) else { return false }
            let rest = lower[range.upperBound...].prefix(40)
            return people.contains { rest.contains($0) }
        }
    }

    /// "how do I …", "how can I …", "how to …", "where do I …", "where can I find …".
    static func isHowTo(_ lower: String) -> Bool {
        ["how do i", "how can i", "how to ", "how does one", "where do i", "where can i", "how do we", "how can we"]
            .contains { lower.contains($0) }
    }

    /// The `start_quote` arguments read from `message`, or nil when it does not look like a quote request.
    static func quoteFacts(_ message: String, lower: String, settings: TenantSettings) -> [String: JSONValue]? {
        let destinations = settings.destinations.filter(\.enabled).map {
            TenantDestination(name: $0.name, aliases: $0.aliases)
        }
        let trip = TripExtractor.extract(ExtractionInput(
            subject: "", body: message, destinations: destinations, defaultCurrency: settings.pricingCurrency,
            today: .today()))
        let asksForQuote = ["quote", "price for", "pricing for", "book "].contains { lower.contains($0) }
        guard asksForQuote || (trip.isTravelInquiry && trip.destination != nil) else { return nil }
        var facts: [String: JSONValue] = [:]
        facts["name"] = trip.name.map(JSONValue.string)
        facts["email"] = trip.email.map(JSONValue.string)
        facts["destination"] = trip.destination.map(JSONValue.string)
        facts["check_in"] = trip.checkIn.map { .string($0.description) }
        facts["check_out"] = trip.checkOut.map { .string($0.description) }
        if trip.checkOut == nil { facts["nights"] = trip.nights.map { .number(Double($0)) } }
        facts["adults"] = trip.adults.map { .number(Double($0)) }
        let children = trip.children ?? 0
        if children > 0 { facts["children"] = .number(Double(children)) }
        if !trip.childrenAges.isEmpty { facts["children_ages"] = .array(trip.childrenAges.map { .number(Double($0)) }) }
        if let budget = trip.budget {
            facts["budget"] = .object(["amount": .number(Double(budget.amount)), "currency": .string(budget.currency),
                                       "per_person": .bool(budget.perPerson)])
        }
        return facts
    }

    /// The facts a draft quote needs that `facts` lacks, in words.
    static func missing(_ facts: [String: JSONValue]) -> [String] {
        var missing: [String] = []
        if facts["name"] == nil { missing.append("the customer's name (e.g. \"Name: Jane Doe\")") }
        if facts["email"] == nil { missing.append("the customer's email address") }
        if facts["destination"] == nil { missing.append("the destination") }
        if facts["check_in"] == nil { missing.append("the check-in date") }
        if facts["check_out"] == nil && facts["nights"] == nil {
            missing.append("the check-out date or number of nights")
        }
        return missing
    }
}
