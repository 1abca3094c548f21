internal import RuntimePDF
internal import SharedPlatform

extension QuotePDF {
    /// Generated options as numbered alternatives; an item quote's option as an item table with per-currency totals.
    static func drawOptions(_ options: [QuoteOption], _ style: DocumentStyle, _ flow: PDFFlow) {
        let alternatives = options.filter { $0.basis != "items" }.count
        if options.isEmpty {
            style.heading("Your quote", flow)
            flow.text("The options for this quote are still being prepared.", font: DocumentStyle.body,
                      color: style.muted, spacingAfter: 14)
            return
        }
        var number = 0
        for option in options {
            if option.basis == "items" {
                drawItems(option, style, flow)
                continue
            }
            if number == 0 {
                style.heading(alternatives > 1 ? "Your options" : "Your quote", flow, keepWith: 120)
                if alternatives > 1 {
                    flow.text("Choose one option; prices are per option, for the whole stay.", font: DocumentStyle.body,
                              color: style.muted, spacingAfter: 10)
                }
            }
            number += 1
            drawAlternative(option, number: number, style, flow)
        }
    }

    /// One alternative: a title bar, its facts, the per-person breakdown and its total, kept on one page when it fits.
    static func drawAlternative(_ option: QuoteOption, number: Int, _ style: DocumentStyle, _ flow: PDFFlow) {
        var title = "Option \(number)"
        if let hotel = option.hotel, !hotel.isEmpty { title += ": \(hotel)" }
        if let rating = option.rating, rating > 0, rating <= 10 { title += " (\(ratingText(rating))★)" }
        var facts: [String] = []
        if let room = option.room_type, !room.isEmpty { facts.append("Room: \(room)") }
        if let meals = option.meal_plan, !meals.isEmpty { facts.append("Meal plan: \(meals)") }
        facts.append("Basis: " + basisText(option))
        var notes: [String] = []
        if option.requested { notes.append("Your requested hotel.") }
        if option.within_budget == false { notes.append("Above the budget you gave us.") }
        let table = DocumentTable(columns: [
            .init(title: "Price breakdown", weight: 0.46), .init(title: "Travellers", weight: 0.14, alignment: .center),
            .init(title: "Per person", weight: 0.2, alignment: .right),
            .init(title: "Amount", weight: 0.2, alignment: .right),
        ], style: style)
        let rows = breakdownRows(option)
        let total = totalText(option)
        let factsText = facts.joined(separator: "   ·   "), notesText = notes.joined(separator: " ")
        let document = flow.document
        let titleHeight = document.measureText(title, width: flow.width - 16, font: .bold(11)).height + 10
        let factsHeight = document.measureText(factsText, width: flow.width, font: DocumentStyle.body).height
        let estimate = titleHeight + 6 + factsHeight + (notes.isEmpty ? 0 : 14)
            + table.height(rows: rows, in: flow) + 40
        if estimate <= flow.pageContentHeight { flow.ensureSpace(estimate) } else { flow.ensureSpace(titleHeight + 80) }

        document.fillRect(x: flow.left, y: flow.y, width: flow.width, height: titleHeight, color: style.tint)
        document.fillRect(x: flow.left, y: flow.y, width: 3, height: titleHeight, color: style.primary)
        document.drawText(title, x: flow.left + 10, y: flow.y + 5, width: flow.width - 16, font: .bold(11),
                          color: style.primary.mixed(with: .black, 0.2))
        flow.space(titleHeight + 6)
        flow.text(factsText, font: DocumentStyle.body, color: style.text, spacingAfter: notes.isEmpty ? 6 : 2)
        if !notes.isEmpty { flow.text(notesText, font: DocumentStyle.small, color: style.muted, spacingAfter: 6) }
        if !rows.isEmpty { table.draw(rows: rows, in: flow) }
        flow.space(4)
        style.drawTotals([("Option \(number) total", total, true)], flow)
        flow.space(18)
    }

    /// An item quote: every component with its quantity, unit price and amount, then one total per currency.
    static func drawItems(_ option: QuoteOption, _ style: DocumentStyle, _ flow: PDFFlow) {
        style.heading("Quote items", flow, keepWith: 60)
        let table = DocumentTable(columns: [
            .init(title: "Type", weight: 0.11), .init(title: "Item", weight: 0.2),
            .init(title: "Details", weight: 0.31), .init(title: "Qty", weight: 0.08, alignment: .center),
            .init(title: "Unit price", weight: 0.15, alignment: .right),
            .init(title: "Amount", weight: 0.15, alignment: .right),
        ], style: style)
        let rows = option.items.map { item in
            var details = item.description
            if let checkIn = item.check_in {
                var dates = checkIn.formatted + (item.check_out.map { " – " + $0.formatted } ?? "")
                if let nights = item.nights { dates += nights == 1 ? " (1 night)" : " (\(nights) nights)" }
                details += (details.isEmpty ? "" : "\n") + dates
            }
            return [typeText(item.type), item.name, details, String(item.quantity), item.unit_price.formatted,
                    item.total.formatted]
        }
        table.draw(rows: rows, in: flow)
        flow.space(4)
        let totals = option.totals.isEmpty ? (option.total.map { [$0] } ?? []) : option.totals
        let labelled = totals.map { (totals.count > 1 ? "Total (\($0.currency))" : "Total", $0.formatted, true) }
        style.drawTotals(labelled, flow)
        flow.space(18)
    }

    /// The breakdown rows: the option's items (travellers × per-person price), else its per-person prices.
    static func breakdownRows(_ option: QuoteOption) -> [[String]] {
        if !option.items.isEmpty {
            return option.items.map { item in
                [item.description.isEmpty ? item.name : "\(item.name)\n\(item.description)", String(item.quantity),
                 item.unit_price.formatted, item.total.formatted]
            }
        }
        let perPerson = option.per_person
        return [("Adult sharing", perPerson.adult_sharing), ("Adult single", perPerson.adult_single),
                ("Child", perPerson.child), ("Infant", perPerson.infant)].compactMap { label, price in
            price.map { [label, "", $0.formatted, ""] }
        }
    }

    static func totalText(_ option: QuoteOption) -> String {
        if let total = option.total { return total.formatted }
        return option.totals.map(\.formatted).joined(separator: " + ")
    }

    static func basisText(_ option: QuoteOption) -> String {
        let nights = option.nights.map { $0 == 1 ? "1 night" : "\($0) nights" }
        switch option.basis {
        case "package": return "package price" + (nights.map { ", \($0)" } ?? "")
        case "per_night": return "nightly rates" + (nights.map { ", \($0)" } ?? "")
        default: return option.basis.replacingUnderscores() + (nights.map { ", \($0)" } ?? "")
        }
    }

    /// `4` for 4.0, `4.5` for 4.5.
    static func ratingText(_ rating: Double) -> String {
        let tenths = Int((rating * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    /// `Hotel` for `hotel`.
    static func typeText(_ type: String) -> String {
        type.prefix(1).uppercased() + type.dropFirst().replacingUnderscores()
    }
}

extension StringProtocol {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
