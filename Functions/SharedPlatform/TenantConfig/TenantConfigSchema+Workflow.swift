internal import Runtime

extension TenantConfigSchema {
    static let quotesDefaults: JSONValue = .object([
        "validity_days": .number(14), "auto_send": .bool(false), "follow_up_days": .number(3),
        "terms": .string(defaultTerms),
    ])

    /// The terms printed on a quote until the tenant writes its own.
    static let defaultTerms = """
        Prices are per the options shown, subject to availability at the time of booking. A deposit secures the \
        booking; the balance is due before travel. Cancellation terms of the chosen hotel apply.
        """

    /// `quotes` — how generated quotes behave.
    /// - `validity_days`: whole number 1–365, default 14.
    /// - `auto_send`: boolean, default `false`.
    /// - `follow_up_days`: whole number 0–90 (0 = no follow-up), default 3.
    /// - `terms`: the terms printed on quote PDFs, at most 5000 characters (may be empty).
    static func validateQuotes(_ value: JSONValue, at path: String) throws(HTTPError) -> JSONValue {
        var quotes = try TenantConfigObject(value, at: path, keys: ["validity_days", "auto_send", "follow_up_days", "terms"])
        try quotes.integer("validity_days", in: 1...365)
        try quotes.bool("auto_send")
        try quotes.integer("follow_up_days", in: 0...90)
        try quotes.string("terms", length: 0...5000)
        return quotes.result
    }

    static let inboundModes = ["ticket", "draft", "auto_send"]
    static let inboundDefaults: JSONValue = .object(["mode": .string("ticket"), "ask_for_missing": .bool(true)])

    /// `inbound` — what happens to an inbound travel enquiry.
    /// - `mode`: `ticket` (default: a ticket for a person), `draft` (a quote saved as draft) or `auto_send`.
    /// - `ask_for_missing`: boolean, default `true` (reply asking for missing dates or travellers).
    static func validateInbound(_ value: JSONValue, at path: String) throws(HTTPError) -> JSONValue {
        var inbound = try TenantConfigObject(value, at: path, keys: ["mode", "ask_for_missing"])
        try inbound.choice("mode", among: inboundModes)
        try inbound.bool("ask_for_missing")
        return inbound.result
    }

    static let agentNames = ["inbound", "helpdesk", "outbound"]
    static let agentsDefaults: JSONValue = .object([
        "inbound": .object(["enabled": .bool(false), "name": .string("Inbound assistant")]),
        "helpdesk": .object(["enabled": .bool(true), "name": .string("Helpdesk assistant")]),
        "outbound": .object(["enabled": .bool(false), "name": .string("Outbound assistant")]),
    ])

    /// `agents` — the AI assistants: `inbound`, `helpdesk`, `outbound`, each `{enabled, name}`.
    /// - `enabled`: boolean (defaults: inbound off, helpdesk on, outbound off).
    /// - `name`: 1–60 characters, how the assistant introduces itself.
    static func validateAgents(_ value: JSONValue, at path: String) throws(HTTPError) -> JSONValue {
        var agents = try TenantConfigObject(value, at: path, keys: agentNames)
        for name in agentNames {
            let member = try agents.member(name, expected: "an object")
            var agent = try TenantConfigObject(member, at: agents.path(name), keys: ["enabled", "name"])
            try agent.bool("enabled")
            try agent.string("name", length: 1...60)
            agents.set(name, agent.result)
        }
        return agents.result
    }

    static let knowledgeDefaults: JSONValue = .object([
        "categories": .array(["general", "destinations", "policies", "faq"].map(JSONValue.string))
    ])

    /// `knowledge` — the helpdesk's document library.
    /// - `categories`: at most 50 strings of 1–60 characters, unique ignoring case;
    ///   default `["general", "destinations", "policies", "faq"]`.
    static func validateKnowledge(_ value: JSONValue, at path: String) throws(HTTPError) -> JSONValue {
        var knowledge = try TenantConfigObject(value, at: path, keys: ["categories"])
        let categoriesPath = knowledge.path("categories")
        var seen: Set<String> = []
        var categories: [JSONValue] = []
        for (index, element) in try knowledge.array("categories", maxCount: 50).enumerated() {
            let elementPath = "\(categoriesPath)[\(index)]"
            let category = try TenantConfigObject.string(element, at: elementPath, length: 1...60)
            guard seen.insert(category.lowercased()).inserted else {
                throw .invalid(elementPath, "Duplicate category \"\(category)\".")
            }
            categories.append(.string(category))
        }
        knowledge.set("categories", .array(categories))
        return knowledge.result
    }
}
