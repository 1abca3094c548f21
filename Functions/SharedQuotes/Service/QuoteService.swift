internal import Runtime
public import RuntimePostgres
public import SharedPlatform

/// Quote creation: the one code path behind `POST /api/v1/quotes/generate`, `POST /api/v1/quotes` and the inbound
/// worker's draft/auto-send modes. Every call runs on the caller's tenant transaction, so the quote, its client,
/// its activities and its email (outbox row + job) commit together or not at all.
public enum QuoteService {
    /// How a quote is created beyond its content.
    public struct Options: Sendable {
        /// Email the quote (PDF attached) at once; ignored for drafts.
        public var sendEmail: Bool
        /// Store as `draft` (for review) instead of `quoted`.
        public var saveAsDraft: Bool
        /// Round-robin a consultant (``Consultants``); otherwise `consultantID` (may be nil).
        public var assignConsultant: Bool
        public var consultantID: String?
        /// `api`, `inbound`, `helpdesk`.
        public var source: String
        /// The inbound ticket the quote answers (`TKT-…`).
        public var ticketID: String?
        /// Who acts: `user:<uuid>` or `system:<job>` (activities).
        public var actor: String
        /// The user creating it, when a user does.
        public var createdBy: String?
        /// Signs the link put in the email; nil sends no link.
        public var links: ShareLinks?
        /// Extra headers of the quote email: `In-Reply-To`/`References` when it answers a customer's mail.
        public var mailHeaders: [String: String]

        public init(sendEmail: Bool = true, saveAsDraft: Bool = false, assignConsultant: Bool = true,
                    consultantID: String? = nil, source: String = "api", ticketID: String? = nil, actor: String,
                    createdBy: String? = nil, links: ShareLinks? = nil, mailHeaders: [String: String] = [:]) {
            self.mailHeaders = mailHeaders
            self.sendEmail = sendEmail
            self.saveAsDraft = saveAsDraft
            self.assignConsultant = assignConsultant
            self.consultantID = consultantID
            self.source = source
            self.ticketID = ticketID
            self.actor = actor
            self.createdBy = createdBy
            self.links = links
        }
    }

    /// A created quote and what happened to its email.
    public struct Created: Sendable {
        public let quote: QuoteRecord
        /// The outbox id of the quote email, when one was queued.
        public let outboxID: Int64?
        /// Why no email was queued although one was asked for (e.g. no sender configured).
        public let emailError: String?
    }

    /// The result of pricing an inquiry.
    public enum Generated: Sendable {
        case created(Created)
        /// No rate covers the stay; nothing was stored.
        case noAvailability([PricingAlternative])
    }

    /// Prices `inquiry` from the tenant's rates and stores the quote (up to 3 alternative options).
    public static func generate(_ inquiry: Inquiry, options: Options, settings: TenantSettings,
                                on connection: PGConnection) throws -> Generated {
        let rates = try RateStore.load(destination: inquiry.destination, on: connection)
        let policy = PricingPolicy(marginBasisPoints: settings.marginBasisPoints, roundTo: settings.roundTo, maxOptions: 3)
        switch PricingEngine.price(inquiry.pricingRequest, rates: rates, policy: policy) {
        case .noAvailability(let alternatives):
            return .noAvailability(alternatives)
        case .options(let priced):
            let quoteOptions = priced.map { QuoteOption(priced: $0, checkIn: inquiry.checkIn, checkOut: inquiry.checkOut) }
            let draft = NewQuote(inquiry: inquiry, kind: "generate", options: quoteOptions, totals: nil,
                                 currency: priced.first?.total.currency ?? settings.pricingCurrency)
            return .created(try store(draft, options: options, settings: settings, on: connection))
        }
    }

    /// Stores a quote built from line items (one option whose items are components; totals per currency).
    public static func create(items: [QuoteItem], customer: (name: String, email: String, phone: String?),
                              trip: NewQuote.Trip, options: Options, settings: TenantSettings,
                              on connection: PGConnection) throws -> Created {
        let option = QuoteOption(items: items)
        let draft = NewQuote(customer: customer, trip: trip, kind: "items", options: [option], totals: option.totals,
                             currency: option.total?.currency ?? items.first?.total.currency ?? settings.pricingCurrency)
        return try store(draft, options: options, settings: settings, on: connection)
    }

    static func store(_ draft: NewQuote, options: Options, settings: TenantSettings, on connection: PGConnection) throws -> Created {
        let consultant = options.assignConsultant ? try Consultants.next(on: connection)?.id : options.consultantID
        let status = options.saveAsDraft ? "draft" : "quoted"
        let uuid = try draft.insert(status: status, consultantID: consultant, options: options,
                                    validUntil: Day.today().adding(days: settings.validityDays), on: connection)
        try Activity.record(on: connection, tenantID: settings.tenantID, subject: "quote", id: uuid, kind: "created",
                            to: status, actor: options.actor, detail: Activity.detail(["source": .string(options.source)]))
        _ = try Clients.upsertForQuote(on: connection, tenantID: settings.tenantID, name: draft.customerName,
                                       email: draft.customerEmail, phone: draft.customerPhone, quoteUUID: uuid,
                                       consultantID: consultant, actor: options.actor)
        var outboxID: Int64?
        var emailError: String?
        if options.sendEmail && !options.saveAsDraft {
            do {
                outboxID = try QuoteMailer.send(quoteUUID: uuid, resend: false, settings: settings, actor: options.actor,
                                                links: options.links, headers: options.mailHeaders, on: connection)
            } catch let error as HTTPError where error.status == 409 {
                emailError = error.message
            }
        }
        guard let quote = try QuoteRecord.load(uuid, on: connection) else { throw HTTPError.notFound() }
        return Created(quote: quote, outboxID: outboxID, emailError: emailError)
    }
}
