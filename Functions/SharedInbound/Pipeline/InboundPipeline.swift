public import Logging
public import Quoting
internal import Runtime
public import RuntimePostgres
internal import SharedPlatform

/// How the trip in one mail was extracted: the facts and `llm` or `rules`.
public struct TripExtraction: Sendable, Equatable {
    public var trip: ExtractedTrip
    public var method: String

    public init(trip: ExtractedTrip, method: String) {
        self.trip = trip
        self.method = method
    }

    /// The rule-based extractor (``TripExtractor``).
    public static func rules(_ input: ExtractionInput) -> TripExtraction {
        TripExtraction(trip: TripExtractor.extract(input), method: "rules")
    }
}

/// The `inbound.process` job's work (SPEC §1): a stored inbound message becomes a routed, extracted, ticketed and
/// — per the tenant's `inbound.mode` — quoted or answered email, exactly once.
///
/// Steps, each in its own transaction so no transaction waits on the extractor (which may call a model):
/// 1. platform: lock the row (`processed`/`ignored` → nothing to do), mark `processing`, rebuild the message
///    (unreadable → `dead`), drop automatic mail (``InboundLoopGuard`` → `ignored`), route it (``TenantResolver``;
///    no tenant → `unroutable` with what was tried);
/// 2. the tenant's settings and today's date in its time zone; extraction, outside any transaction;
/// 3. tenant (RLS): ticket, CRM, mode (quote / draft / reply asking for missing facts), notifications — all in
///    ONE transaction, so a crash leaves either nothing or a ticket a re-run finds (`created == false`);
/// 4. platform: mark `processed`.
/// Any thrown error leaves the message `processing` for the queue to retry; see ``markDead(_:reason:database:)``.
public struct InboundPipeline {
    /// The actor recorded on tickets, quotes and activities.
    public static let actor = "system:inbound"

    /// What became of a message.
    public enum Outcome: Sendable, Equatable {
        /// Ticketed for `tenant`; `created` is false when a previous run had already committed the ticket.
        case processed(tenant: String, ticketID: String, created: Bool, result: String)
        /// Already `processed` or `ignored`; nothing was done.
        case alreadyDone(status: String)
        case ignored(reason: String)
        case unroutable(explanation: String)
        /// Cannot ever be processed (unreadable); the message is `dead`.
        case dead(reason: String)
        /// No such message (deleted); nothing to do.
        case notFound
    }

    /// `INBOUND_EMAIL_DOMAIN`, for `<subuser>@<domain>` routing.
    public var inboundDomain: String?
    /// Signs the quote link put in auto-sent emails; nil sends none.
    public var links: ShareLinks?
    /// The extractor: rules, or a model with validation and the rules as fallback (the worker's).
    public var extract: (ExtractionInput) -> TripExtraction

    public init(
        inboundDomain: String? = nil, links: ShareLinks? = nil,
        extract: @escaping (ExtractionInput) -> TripExtraction = TripExtraction.rules
    ) {
        self.inboundDomain = inboundDomain
        self.links = links
        self.extract = extract
    }

    /// Processes message `id` (a uuid) on `database`.
    /// - Throws: database errors and anything unexpected, for the job queue to retry.
    public func process(_ id: String, database: Database, logger: Logger) throws -> Outcome {
        let routed: Routed
        switch try database.asPlatform({ try prepare(id, on: $0) }) {
        case .finished(let outcome): return outcome
        case .routed(let value): routed = value
        }
        let tenant = routed.resolution.tenantID
        let settings = try database.withTenant(tenant) { try TenantSettings.load(on: $0) }
        let today =
            (try? database.transaction { connection -> Day? in
                try connection.query("SELECT ((now() AT TIME ZONE \(settings.timezone))::date)::text AS day").first?[
                    "day"
                ]
                .flatMap { Day($0) }
            }) ?? nil
        let sender = routed.message.replyTo ?? routed.message.from
        let input = ExtractionInput(
            subject: routed.message.subject, body: routed.message.text, fromName: sender?.name,
            fromEmail: sender?.address,
            destinations: settings.destinations.filter(\.enabled).map {
                TenantDestination(name: $0.name, aliases: $0.aliases)
            },
            defaultCurrency: settings.pricingCurrency, today: today ?? .today())
        let extraction = extract(input)
        let work = TenantWork(
            recordID: id, message: routed.message, extraction: extraction, settings: settings,
            today: input.today, links: links)
        let handled = try database.withTenant(tenant) { try work.run(on: $0) }
        try database.asPlatform { try InboundRecord.mark(id, status: "processed", tenant: tenant, error: nil, on: $0) }
        logger.info(
            "inbound message processed",
            metadata: [
                "tenant.id": .string(tenant), "inbound.route": .string(routed.resolution.strategy.rawValue),
                "ticket.id": .string(handled.ticketID), "ticket.created": .stringConvertible(handled.created),
                "inbound.parse_method": .string(extraction.method), "inbound.result": .string(handled.result),
            ])
        return .processed(tenant: tenant, ticketID: handled.ticketID, created: handled.created, result: handled.result)
    }

    /// Marks message `id` `dead` with `reason` (the job's last attempt failed, or the failure is permanent), unless it
    /// was processed meanwhile. `reason` must hold no secrets and no mail content.
    public static func markDead(_ id: String, reason: String, database: Database) throws {
        try database.asPlatform { connection in
            try connection.query(
                """
                UPDATE inbound_messages SET status = 'dead', last_error = \(String(reason.prefix(2000))), updated_at = now()
                WHERE id = \(id)::uuid AND status NOT IN ('processed', 'ignored')
                """)
        }
    }

    /// A message routed to a tenant.
    struct Routed {
        let message: InboundMessage
        let resolution: TenantResolution
    }

    enum Prepared {
        case finished(Outcome)
        case routed(Routed)
    }
}
