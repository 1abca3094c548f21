internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

/// `POST /api/v1/quotes` — a quote from line items a consultant assembled (hotel, activity, flight, transfer,
/// package). Items are components of one offer, so totals are summed per currency (never across currencies).
enum QuoteItemHandlers {
    struct ItemBody: Decodable {
        let type: String?
        let name: String?
        let description: String?
        let quantity: Int?
        let unit_price: Money?
        let nights: Int?
        let check_in: String?
        let check_out: String?
    }

    struct CustomerBody: Decodable {
        let name: String?
        let email: String?
        let phone: String?
    }

    struct Body: Decodable {
        let customer: CustomerBody?
        let destination: String?
        let check_in: String?
        let check_out: String?
        let adults: Int?
        let children: Int?
        let children_ages: [Int]?
        let message: String?
        let items: [ItemBody]?
        let send_email: Bool?
        let save_as_draft: Bool?
        let assign_consultant: Bool?
    }

    static let itemTypes = ["hotel", "activity", "flight", "transfer", "package"]

    static func create(_ request: Request, _ context: PlatformContext) throws -> Response {
        let principal = try Authenticator.authenticate(request, context)
        let body = try request.decode(Body.self)
        let name = try Validate.text(body.customer?.name ?? "", field: "customer.name", length: 1...100)
        let email = try Validate.email(body.customer?.email ?? "", field: "customer.email")
        let phone = try body.customer?.phone.map { try Validate.text($0, field: "customer.phone", length: 0...40) }
        let raw = body.items ?? []
        guard (1...100).contains(raw.count) else { throw HTTPError.invalid("items", "Give 1 to 100 items.") }
        let items = try raw.enumerated().map { index, item in try validated(item, at: "items[\(index)]") }
        let checkIn = try day(body.check_in, field: "check_in")
        let checkOut = try day(body.check_out, field: "check_out")
        if let checkIn, let checkOut, checkOut <= checkIn { throw HTTPError.invalid("check_out", "Must be after check_in.") }
        let adults = body.adults ?? 0, ages = body.children_ages ?? [], children = body.children ?? ages.count
        guard (0...50).contains(adults) else { throw HTTPError.invalid("adults", "Must be from 0 to 50.") }
        guard (0...50).contains(children), ages.count <= children, ages.allSatisfy({ (0...17).contains($0) }) else {
            throw HTTPError.invalid("children_ages", "Up to 50 children, each aged 0 to 17, no more ages than children.")
        }
        let destination = try body.destination.map { try Validate.text($0, field: "destination", length: 0...100) }
        let message = try Validate.text(body.message ?? "", field: "message", length: 0...5000)
        let trip = NewQuote.Trip(destination: destination.flatMap { $0.isEmpty ? nil : $0 }, checkIn: checkIn,
                                 checkOut: checkOut, adults: adults, children: children, childrenAges: ages, message: message)
        let options = QuoteService.Options(sendEmail: body.send_email ?? true, saveAsDraft: body.save_as_draft ?? false,
                                           assignConsultant: body.assign_consultant ?? false,
                                           consultantID: principal.userID, actor: QuoteHandlers.actor(principal),
                                           createdBy: principal.userID, links: QuoteHandlers.links(context))
        let created = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) { connection in
            try QuoteService.create(items: items, customer: (name, email, phone.flatMap { $0.isEmpty ? nil : $0 }), trip: trip,
                                    options: options, settings: try TenantSettings.load(on: connection), on: connection)
        }
        return try .json(QuoteHandlers.CreatedBody(quote: created.quote, email: QuoteHandlers.outcome(created, asked: options)),
                         status: 201)
    }

    static func validated(_ item: ItemBody, at path: String) throws -> QuoteItem {
        let type = try Validate.choice(item.type ?? "", field: path + ".type", from: itemTypes)
        let name = try Validate.text(item.name ?? "", field: path + ".name", length: 1...200)
        let description = try Validate.text(item.description ?? "", field: path + ".description", length: 0...1000)
        let quantity = item.quantity ?? 1
        guard (1...1000).contains(quantity) else { throw HTTPError.invalid(path + ".quantity", "Must be from 1 to 1000.") }
        guard let price = item.unit_price else { throw HTTPError.invalid(path + ".unit_price", "Required: {\"amount\",\"currency\"}.") }
        guard price.amount >= 0, price.amount <= 1_000_000_000_00 else {
            throw HTTPError.invalid(path + ".unit_price.amount", "Must be from 0 to 100,000,000,000 in minor units.")
        }
        guard price.currency.utf8.count == 3, price.currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw HTTPError.invalid(path + ".unit_price.currency", "Must be an ISO 4217 code such as ZAR.")
        }
        if let nights = item.nights, !(1...365).contains(nights) {
            throw HTTPError.invalid(path + ".nights", "Must be from 1 to 365.")
        }
        return QuoteItem(type: type, name: name, description: description, quantity: quantity, unit_price: price,
                         total: Money(price.amount * Int64(quantity), price.currency), nights: item.nights,
                         check_in: try day(item.check_in, field: path + ".check_in"),
                         check_out: try day(item.check_out, field: path + ".check_out"))
    }

    static func day(_ text: String?, field: String) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(text) else { throw HTTPError.invalid(field, "Must be a date YYYY-MM-DD.") }
        return day
    }
}
