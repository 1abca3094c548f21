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
/// 2b. tenant read: the ticket this mail follows up (``FollowUp/find(_:tenantID:on:)``), if any — an open one
///    gets the mail appended (``FollowUpWork``) and, when it waited for facts, the extraction runs over all the
///    customer's messages; a resolved or closed one gets a new ticket noting it;
/// 3. tenant (RLS): ticket, CRM, mode (quote / draft / reply asking for missing facts), notifications — all in
///    ONE transaction, so a crash leaves either nothing or a ticket a re-run finds (`created == false`);
/// 4. platform: mark `processed`.
/// Any thrown error leaves the message `processing` for the queue to retry; see ``markDead(_:reason:database:)``.
public struct InboundPipeline {
    /// The actor recorded on tickets, quotes and activities.
    public static let actor = "system:inbound"

    /// What became of a message.
    public enum Outcome: Sendable, Equatable {
        /// Ticketed for `tenant`; `created` is false when a previous run had already committed the ticket (or, for a
        /// follow-up, appended the mail). `result` starts with `appended` when the mail joined an open ticket's
        /// conversation (`appended:quoted_sent` when that completed the facts and sent a quote).
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
        let followUp = try database.withTenant(tenant) {
            try FollowUp.find(routed.message, recordID: id, tenantID: tenant, on: $0)
        }
        let sender = routed.message.replyTo ?? routed.message.from
        let destinations = settings.destinations.filter(\.enabled).map {
            TenantDestination(name: $0.name, aliases: $0.aliases)
        }
        func input(_ body: String) -> ExtractionInput {
            ExtractionInput(
                subject: routed.message.subject, body: body, fromName: sender?.name, fromEmail: sender?.address,
                destinations: destinations, defaultCurrency: settings.pricingCurrency, today: today ?? .today())
        }
        let handled: TenantWork.Handled
        let method: String
        if let followUp, followUp.appended {
            handled = TenantWork.Handled(ticketID: followUp.ticketID, created: false, result: "appended")
            method = "none"
        } else if let followUp, followUp.isActive {
            let answers = !followUp.missing.isEmpty && ["draft", "auto_send"].contains(settings.inboundMode)
            // The customer's messages combined, oldest first, extracted outside any transaction.
            let extraction = answers
                ? extract(input((followUp.customerTexts + [routed.message.text]).joined(separator: "\n\n"))) : nil
            let work = FollowUpWork(
                recordID: id, message: routed.message, followUp: followUp, extraction: extraction,
                settings: settings, today: today ?? .today(), links: links)
            handled = try database.withTenant(tenant) { try work.run(on: $0) }
            method = extraction?.method ?? "none"
        } else {
            let extraction = extract(input(routed.message.text))
            let work = TenantWork(
                recordID: id, message: routed.message, extraction: extraction, settings: settings,
                today: today ?? .today(), links: links, followUpOf: followUp)
            handled = try database.withTenant(tenant) { try work.run(on: $0) }
            method = extraction.method
        }
        try database.asPlatform { try InboundRecord.mark(id, status: "processed", tenant: tenant, error: nil, on: $0) }
        logger.info(
            "inbound message processed",
            metadata: [
                "tenant.id": .string(tenant), "inbound.route": .string(routed.resolution.strategy.rawValue),
                "ticket.id": .string(handled.ticketID), "ticket.created": .stringConvertible(handled.created),
                "inbound.parse_method": .string(method), "inbound.result": .string(handled.result),
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
