import InboundMail
import Runtime

/// Shared fixtures for the extractor tests: a fixed "today" and the tenant's destinations.
enum ExtractFixtures {
    static let today = Day(year: 2027, month: 1, day: 15) ?? Day(ordinal: 0)

    static let destinations: [TenantDestination] = [
        TenantDestination(name: "Zanzibar", aliases: ["Unguja", "Stone Town", "Nungwi"]),
        TenantDestination(name: "Mauritius"),
        TenantDestination(name: "Cape Town", aliases: ["CPT", "Kaapstad"]),
        TenantDestination(name: "Victoria Falls", aliases: ["Vic Falls"]),
        TenantDestination(name: "Maldives"),
        TenantDestination(name: "Kruger", aliases: ["Kruger Park", "Kruger National Park"]),
        TenantDestination(name: "Bali"),
        TenantDestination(name: "Santorini"),
    ]

    static func extract(
        _ body: String, subject: String = "", fromName: String? = nil,
        fromEmail: String? = nil, currency: String = "ZAR"
    ) -> ExtractedTrip {
        TripExtractor.extract(
            ExtractionInput(
                subject: subject, body: body, fromName: fromName, fromEmail: fromEmail,
                destinations: destinations, defaultCurrency: currency, today: today))
    }

    static func day(_ text: String) -> Day? { Day(text) }
}
