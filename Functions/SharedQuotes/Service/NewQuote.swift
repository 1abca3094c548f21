internal import FoundationEssentials
public import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// A quote about to be stored: customer, trip facts and options. ``insert(status:consultantID:options:validUntil:on:)``
/// gives it a fresh `QT-YYYYMMDD-XXXXXX` id.
public struct NewQuote: Sendable {
    /// Trip facts of an item quote (all optional: a quote for a transfer has no hotel nights).
    public struct Trip: Sendable {
        public var destination: String?
        public var checkIn: Day?
        public var checkOut: Day?
        public var adults: Int
        public var children: Int
        public var childrenAges: [Int]
        public var message: String

        public init(destination: String? = nil, checkIn: Day? = nil, checkOut: Day? = nil, adults: Int = 0, children: Int = 0,
                    childrenAges: [Int] = [], message: String = "") {
            self.destination = destination
            self.checkIn = checkIn
            self.checkOut = checkOut
            self.adults = adults
            self.children = children
            self.childrenAges = childrenAges
            self.message = message
        }
    }

    var customerName: String
    var customerEmail: String
    var customerPhone: String?
    var trip: Trip
    var rooms: Int
    var budget: Budget?
    var requestedHotel: String?
    var kind: String
    var options: [QuoteOption]
    var totals: [Money]?
    var currency: String

    init(inquiry: Inquiry, kind: String, options: [QuoteOption], totals: [Money]?, currency: String) {
        customerName = inquiry.name
        customerEmail = inquiry.email
        customerPhone = inquiry.phone
        trip = Trip(destination: inquiry.destination, checkIn: inquiry.checkIn, checkOut: inquiry.checkOut,
                    adults: inquiry.adults, children: inquiry.children, childrenAges: inquiry.childrenAges,
                    message: inquiry.message)
        rooms = inquiry.rooms
        budget = inquiry.budget
        requestedHotel = inquiry.requestedHotel
        self.kind = kind
        self.options = options
        self.totals = totals
        self.currency = currency
    }

    init(customer: (name: String, email: String, phone: String?), trip: Trip, kind: String, options: [QuoteOption],
         totals: [Money]?, currency: String) {
        customerName = customer.name
        customerEmail = customer.email
        customerPhone = customer.phone
        self.trip = trip
        rooms = 1
        self.kind = kind
        self.options = options
        self.totals = totals
        self.currency = currency
    }

    /// Inserts the row and returns its UUID; a (rare) id collision is retried with a fresh id (``Identifiers``).
    func insert(status: String, consultantID: String?, options: QuoteService.Options, validUntil: Day,
                on connection: PGConnection) throws -> String {
        let encoder = JSON.encoder()
        let optionsJSON = String(decoding: try encoder.encode(self.options), as: UTF8.self)
        let totalsJSON = try totals.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let budgetJSON = try budget.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let ages = "{" + trip.childrenAges.map(String.init).joined(separator: ",") + "}"
        var nights: Int?
        if let checkIn = trip.checkIn, let checkOut = trip.checkOut { nights = checkIn.days(until: checkOut) }
        return try Identifiers.insertWithFreshID(make: { Identifiers.quoteID(on: .today()) }) { quoteID in
            try connection.query("""
                INSERT INTO quotes (tenant_id, quote_id, status, kind, source, consultant_id, created_by, customer_name,
                                    customer_email, customer_phone, destination, check_in, check_out, nights, adults,
                                    children, children_ages, rooms, budget, requested_hotel, message, options, totals,
                                    currency, valid_until, ticket_id)
                VALUES (current_setting('app.tenant_id'), \(quoteID), \(status), \(kind), \(options.source),
                        \(consultantID)::uuid, \(options.createdBy)::uuid, \(customerName), \(customerEmail), \(customerPhone),
                        \(trip.destination), \(trip.checkIn)::date, \(trip.checkOut)::date, \(nights), \(trip.adults),
                        \(trip.children), \(ages)::integer[], \(rooms), \(budgetJSON)::jsonb, \(requestedHotel),
                        \(trip.message), \(optionsJSON)::jsonb, \(totalsJSON)::jsonb, \(currency), \(validUntil)::date,
                        \(options.ticketID))
                ON CONFLICT (tenant_id, quote_id) DO NOTHING
                RETURNING id::text AS id
                """).first?.string("id")
        }
    }
}

extension QuoteOption {
    /// A generated option: one item per traveller kind (hotel stay for N people at the per-person price).
    init(priced: PricedOption, checkIn: Day, checkOut: Day) {
        let labels = ["adult_sharing": "Adult sharing", "adult_single": "Adult single", "child": "Child", "infant": "Infant"]
        let items = priced.lines.map { line in
            QuoteItem(type: "hotel", name: priced.hotel,
                      description: "\(priced.roomType), \(priced.mealPlan) — \(labels[line.kind] ?? line.kind)",
                      quantity: line.count, unit_price: line.unit, total: line.total, nights: priced.nights,
                      check_in: checkIn, check_out: checkOut)
        }
        func unit(_ kind: String) -> Money? { priced.lines.first { $0.kind == kind }?.unit }
        self.init(hotel: priced.hotel, hotel_id: priced.hotelID, rating: priced.rating, room_type: priced.roomType,
                  meal_plan: priced.mealPlan, basis: priced.basis, nights: priced.nights, rate_ids: priced.rateIDs,
                  per_person: PerPerson(adult_sharing: unit("adult_sharing"), adult_single: unit("adult_single"),
                                        child: unit("child"), infant: unit("infant")),
                  items: items, total: priced.total, totals: [priced.total], within_budget: priced.withinBudget,
                  requested: priced.requested)
    }

    /// An item quote's single option: totals per currency, `total` only when one currency.
    init(items: [QuoteItem]) {
        var sums: [String: Int64] = [:]
        var order: [String] = []
        for item in items {
            if sums[item.total.currency] == nil { order.append(item.total.currency) }
            sums[item.total.currency, default: 0] += item.total.amount
        }
        let totals = order.map { Money(sums[$0] ?? 0, $0) }
        self.init(hotel: nil, hotel_id: nil, rating: nil, room_type: nil, meal_plan: nil, basis: "items", nights: nil,
                  rate_ids: [], per_person: PerPerson(), items: items, total: totals.count == 1 ? totals[0] : nil,
                  totals: totals, within_budget: nil, requested: false)
    }
}
