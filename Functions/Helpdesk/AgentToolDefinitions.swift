internal import Integrations
internal import Runtime

/// The agent's four tools as OpenAI function definitions (JSON Schema parameters), SPEC §3 "Agent".
///
/// Not `strict`: optional arguments (`check_out` or `nights`, `budget`, `priority`) stay optional, and the
/// handlers validate every value themselves (``AgentToolbox``).
enum AgentToolDefinitions {
    static let searchKnowledgeBase = "search_knowledge_base"
    static let startQuote = "start_quote"
    static let platformHelp = "platform_help"
    static let routeToHuman = "route_to_human"

    /// All four, in a fixed order.
    static let all: [ToolDefinition] = [
        ToolDefinition(
            name: searchKnowledgeBase,
            description: "Search the agency's knowledge base (hotels, destinations, policies, FAQs). Returns the best "
                + "passages with their titles; answer only from them.",
            parameters: object(["query": string("What to look for, in the user's words.")], required: ["query"])),
        ToolDefinition(
            name: startQuote,
            description: "Create a DRAFT quote for a customer (priced from the agency's rates, not sent). Ask the user "
                + "for missing facts first; the result names any field that is missing or invalid.",
            parameters: object([
                "name": string("The customer's full name."),
                "email": string("The customer's email address."),
                "destination": string("One of the agency's destinations."),
                "check_in": string("Arrival date, YYYY-MM-DD."),
                "check_out": string("Departure date, YYYY-MM-DD (or give nights)."),
                "nights": integer("Number of nights, when check_out is not known."),
                "adults": integer("Adults (default 2)."),
                "children": integer("Children under 18."),
                "children_ages": .object(["type": .string("array"), "items": .object(["type": .string("integer")]),
                                          "description": .string("Each child's age.")]),
                "budget": object(["amount": integer("Budget in minor units (cents)."),
                                  "currency": string("ISO 4217 code, e.g. ZAR.")], required: ["amount"]),
            ], required: ["name", "email", "destination", "check_in"])),
        ToolDefinition(
            name: platformHelp,
            description: "How to use the travel platform itself (quotes, invoices, CRM, settings): searches the "
                + "platform's how-to guides.",
            parameters: object(["question": string("The how-to question.")], required: ["question"])),
        ToolDefinition(
            name: routeToHuman,
            description: "Hand the conversation to a human colleague: opens a support ticket. Use when the user asks "
                + "for a person, or when the tools cannot answer.",
            parameters: object([
                "summary": string("What the user needs, in one or two sentences."),
                "customer_name": string("The customer's name, if known."),
                "customer_email": string("The customer's email, if known."),
                "priority": .object(["type": .string("string"),
                                     "enum": .array(["low", "normal", "high", "urgent"].map(JSONValue.string))]),
            ], required: ["summary"])),
    ]

    private static func object(_ properties: [String: JSONValue], required: [String]) -> JSONValue {
        .object(["type": .string("object"), "properties": .object(properties),
                 "required": .array(required.map(JSONValue.string))])
    }

    private static func string(_ description: String) -> JSONValue {
        .object(["type": .string("string"), "description": .string(description)])
    }

    private static func integer(_ description: String) -> JSONValue {
        .object(["type": .string("integer"), "description": .string(description)])
    }
}
