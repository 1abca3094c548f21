public import Runtime
internal import SharedPlatform

/// The pure decisions about one routed mail: who the customer is, how urgent the ticket is, and which facts pricing
/// still needs.
public enum InboundTriage {
    /// The person to answer.
    public struct Customer: Sendable, Equatable {
        /// May be empty when neither the mail nor its sender gave a name.
        public var name: String
        /// A valid, lower-cased address, or nil when there is none to answer.
        public var email: String?
        public var phone: String?

        public init(name: String, email: String?, phone: String?) {
            self.name = name
            self.email = email
            self.phone = phone
        }
    }

    /// The facts pricing needs, in the order a reply asks for them.
    public static let pricingFacts = ["destination", "dates", "travellers"]

    /// The customer: the body's name and email when it gives them, else the `Reply-To` mailbox, else `From`.
    public static func customer(_ message: InboundMessage, trip: ExtractedTrip) -> Customer {
        let sender = message.replyTo ?? message.from
        let email = [trip.email, sender?.address].compactMap { $0 }.lazy
            .compactMap { try? Validate.email($0) }.first
        let name =
            [trip.name, message.replyTo?.name, message.from?.name].compactMap { $0 }
            .map { String($0.trimmingWhitespace.prefix(200)) }.first { !$0.isEmpty } ?? ""
        return Customer(name: name, email: email, phone: trip.phone)
    }

    /// `high` for a travel inquiry with a destination and dates, `normal` for one with gaps, `low` otherwise.
    public static func priority(_ trip: ExtractedTrip) -> String {
        guard trip.isTravelInquiry else { return "low" }
        return trip.destination != nil && hasDates(trip) ? "high" : "normal"
    }

    /// Of ``pricingFacts``, those `trip` lacks (none for mail that is not a travel inquiry).
    public static func missing(_ trip: ExtractedTrip) -> [String] {
        guard trip.isTravelInquiry else { return [] }
        var missing: [String] = []
        if trip.destination == nil { missing.append("destination") }
        if !hasDates(trip) { missing.append("dates") }
        if trip.adults == nil { missing.append("travellers") }
        return missing
    }

    /// A check-in with a check-out or a number of nights.
    static func hasDates(_ trip: ExtractedTrip) -> Bool {
        trip.checkIn != nil && (trip.checkOut != nil || trip.nights != nil)
    }

    /// The pricing fact a quote-validation error is about (`inquiry.check_in` → `dates`), or nil for other fields.
    public static func fact(forField field: String?) -> String? {
        switch field?.split(separator: ".").dropFirst().first ?? "" {
        case "destination": return "destination"
        case "check_in", "check_out", "nights": return "dates"
        case "adults", "children", "children_ages", "rooms": return "travellers"
        default: return nil
        }
    }

    /// The ticket for a routed mail (`inboundMessage` is the `inbound_messages` row, for at most one ticket).
    public static func ticket(
        _ message: InboundMessage, trip: ExtractedTrip, method: String, customer: Customer,
        inboundMessage: String
    ) -> NewTicket {
        NewTicket(
            source: "email", priority: priority(trip), customerName: customer.name, customerEmail: customer.email,
            customerPhone: customer.phone, subject: message.subject.trimmingWhitespace,
            message: String(message.text.prefix(100_000)), isTravelInquiry: trip.isTravelInquiry,
            parsed: trip.json, parseMethod: method, missing: missing(trip), inboundMessage: inboundMessage,
            messageID: message.messageID)
    }

    /// The quote request for `trip` as the quotes API would receive it (validated by `InquiryBody.validated`).
    public static func inquiry(_ trip: ExtractedTrip, customer: Customer, message: InboundMessage) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func number(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        let name =
            customer.name.isEmpty ? String(customer.email?.split(separator: "@").first ?? "Customer") : customer.name
        var body: [String: JSONValue] = [
            "name": .string(String(name.prefix(100))), "email": text(customer.email), "phone": text(customer.phone),
            "destination": text(trip.destination), "check_in": text(trip.checkIn?.description),
            "check_out": text(trip.checkOut?.description), "nights": number(trip.checkOut == nil ? trip.nights : nil),
            "adults": number(trip.adults), "requested_hotel": text(trip.requestedHotel),
            "message": .string(String(message.text.prefix(4000))),
        ]
        if let children = trip.children ?? (trip.childrenAges.isEmpty ? nil : trip.childrenAges.count) {
            body["children"] = number(children)
            body["children_ages"] = .array(trip.childrenAges.map { .number(Double($0)) })
        }
        if let budget = trip.budget { body["budget"] = budget.json }
        return .object(body)
    }
}
