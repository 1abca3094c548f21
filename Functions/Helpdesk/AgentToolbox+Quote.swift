internal import Quoting
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension AgentToolbox {
    /// `start_quote`: the arguments become an ``InquiryBody``, validated like `POST /api/v1/quotes/generate`, and
    /// priced into a **draft** quote (source `helpdesk`, never emailed) through ``QuoteService``.
    ///
    /// Result `{"quote_id","status":"draft","total"}`; `{"status":"no_availability","alternatives":[…]}` when no
    /// rate covers the stay; `{"error","field"}` naming the first missing or invalid fact (`field` without the
    /// `inquiry.` prefix, matching the tool's parameter names).
    func startQuote(_ arguments: [String: JSONValue]) throws -> Outcome {
        let body = try Self.inquiryBody(arguments)
        let settings = try tenantSettings()
        let inquiry: Inquiry
        do throws(HTTPError) {
            inquiry = try body.validated(settings: settings)
        } catch {
            let field = error.field.map { $0.hasPrefix("inquiry.") ? String($0.dropFirst(8)) : $0 }
            return Self.failure(error.message, field: field)
        }
        let options = QuoteService.Options(sendEmail: false, saveAsDraft: true, source: "helpdesk",
                                           actor: "user:" + principal.userID, createdBy: principal.userID)
        let generated = try context.services.database.withTenant(principal.tenantID, deadline: context.deadline) {
            try QuoteService.generate(inquiry, options: options, settings: settings, on: $0)
        }
        switch generated {
        case .created(let created):
            let quote = created.quote
            actions.quote_id = quote.quote_id
            var members: [String: JSONValue] = ["quote_id": .string(quote.quote_id), "status": .string(quote.status),
                                                "destination": .string(inquiry.destination),
                                                "options": .number(Double(quote.options.count))]
            if let total = quote.options.first?.total { members["total"] = Self.money(total) }
            let total = quote.options.first?.total.map { " (\($0.currency) \(Self.major($0)))" } ?? ""
            return Outcome(content: Self.json(members), summary: "draft quote \(quote.quote_id) created" + total)
        case .noAvailability(let alternatives):
            let listed: [JSONValue] = alternatives.prefix(3).map { alternative in
                .object(["hotel": .string(alternative.hotel), "check_in": .string(alternative.checkIn.description),
                         "check_out": .string(alternative.checkOut.description),
                         "total": Self.money(alternative.total)])
            }
            return Outcome(content: Self.json(["status": .string("no_availability"), "alternatives": .array(listed)]),
                           summary: "no availability for \(inquiry.destination) on those dates")
        }
    }

    /// The tool arguments as the quotes API's inquiry body (types and sizes checked here, rules by `validated`).
    static func inquiryBody(_ arguments: [String: JSONValue]) throws -> InquiryBody {
        var budget: InquiryBody.BudgetBody?
        if let value = arguments["budget"], value != .null {
            guard let members = value.object else {
                throw AgentArguments.Invalid(field: "budget", message: "budget must be an object {amount, currency}")
            }
            // BudgetBody has no public memberwise initializer: build it the way the quotes API does, from JSON.
            var checked: [String: JSONValue] = [:]
            checked["amount"] = try AgentArguments.integer(members, "amount", in: 1...1_000_000_000_000)
                .map { .number(Double($0)) }
            checked["currency"] = try AgentArguments.optionalText(members, "currency", max: 3).map(JSONValue.string)
            checked["per_person"] = members["per_person"]?.bool.map(JSONValue.bool)
            budget = try? JSON.decode(InquiryBody.BudgetBody.self, from: JSON.encode(JSONValue.object(checked)))
        }
        return InquiryBody(
            name: try AgentArguments.optionalText(arguments, "name", max: 100),
            email: try AgentArguments.optionalText(arguments, "email", max: 254),
            destination: try AgentArguments.optionalText(arguments, "destination", max: 100),
            check_in: try AgentArguments.optionalText(arguments, "check_in", max: 10),
            check_out: try AgentArguments.optionalText(arguments, "check_out", max: 10),
            nights: try AgentArguments.integer(arguments, "nights", in: 1...60),
            adults: try AgentArguments.integer(arguments, "adults", in: 1...20),
            children: try AgentArguments.integer(arguments, "children", in: 0...10),
            children_ages: try AgentArguments.integers(arguments, "children_ages", count: 10, in: 0...17),
            budget: budget, message: "Created by the helpdesk agent.")
    }

    static func money(_ money: Money) -> JSONValue {
        .object(["amount": .number(Double(money.amount)), "currency": .string(money.currency)])
    }

    /// `12345678` minor units → `123456.78`.
    static func major(_ money: Money) -> String {
        let cents = money.amount % 100
        return "\(money.amount / 100)." + (cents < 10 ? "0" : "") + "\(abs(cents))"
    }
}
