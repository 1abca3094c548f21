public import Runtime

/// What the trip extractor reads: one inbound mail, already decoded to plain text, plus the tenant's facts.
///
/// Limits: the body is cut to 100 KB and the subject to 1 KB before scanning (see ``TripExtractor``).
public struct ExtractionInput: Sendable {
    public var subject: String
    /// Plain text; the MIME layer has already decoded charsets, transfer encodings and HTML.
    public var body: String
    public var fromName: String?
    public var fromEmail: String?
    /// The tenant's destinations; may be empty (then the destination is always nil).
    public var destinations: [TenantDestination]
    /// ISO 4217 code used for budgets that state no currency.
    public var defaultCurrency: String
    /// The day the mail was received: a date without a year means its next occurrence on or after this day.
    public var today: Day

    public init(
        subject: String, body: String, fromName: String? = nil, fromEmail: String? = nil,
        destinations: [TenantDestination], defaultCurrency: String, today: Day
    ) {
        self.subject = subject
        self.body = body
        self.fromName = fromName
        self.fromEmail = fromEmail
        self.destinations = destinations
        self.defaultCurrency = defaultCurrency
        self.today = today
    }
}

/// One of the tenant's destinations: its canonical name (what the extractor returns) and other names for it.
public struct TenantDestination: Sendable, Hashable {
    public var name: String
    public var aliases: [String]

    public init(name: String, aliases: [String] = []) {
        self.name = name
        self.aliases = aliases
    }
}
