import Quoting
import Runtime
import SharedPlatform

/// Quotes, invoices and branding for the email tests.
enum EmailFixtures {
    static let branding = DocumentBranding(
        companyName: "Acme Travel", primaryColor: "#1A2B3C", secondaryColor: "#4ECDC4", accentColor: "#F18F01",
        contactLines: ["help@acme.example", "quotes@acme.example"],
        emailSignature: "Kind regards,\nThe <Acme> Team\n",
        banking: [
            "bank_name": "First National Bank", "account_name": "Acme Travel (Pty) Ltd",
            "account_number": "62812345678",
            "branch_code": "250655", "swift_code": "FIRNZAJJ", "reference_prefix": "ACME",
        ])

    static func day(_ text: String) -> Day {
        Day(text) ?? Day(ordinal: 0)
    }

    static func zar(_ major: Int64) -> Money { Money(major * 100, "ZAR") }

    /// A generated option: adults sharing (+ a child) with the per-person prices and the total.
    static func option(
        _ hotel: String, rating: Double?, adult: Int64, child: Int64?, total: Int64,
        requested: Bool = false
    ) -> QuoteOption {
        QuoteOption(
            hotel: hotel, hotel_id: nil, rating: rating, room_type: "Deluxe Sea View", meal_plan: "Half board",
            basis: "package", nights: 7, rate_ids: [],
            per_person: PerPerson(adult_sharing: zar(adult), child: child.map(zar)),
            items: [], total: zar(total), totals: [zar(total)], within_budget: true, requested: requested)
    }

    static func quote(
        customer: String = "Zoë Ñúñez", destination: String? = "Zanzibar",
        options: [QuoteOption]? = nil, shareURL: String? = "https://acme.example/q/abc.def"
    ) -> QuoteView {
        QuoteView(
            quoteID: "QT-20270401-A1B2C3", status: "draft", customerName: customer,
            customerEmail: "zoe@example.com", customerPhone: "+27 82 555 0101", destination: destination,
            checkIn: day("2027-04-12"), checkOut: day("2027-04-19"), nights: 7, adults: 2, children: 1,
            childrenAges: [9], rooms: 1,
            options: options ?? [
                option("Zanzibar Beach Resort", rating: 4, adult: 10_000, child: 5_000, total: 25_000, requested: true),
                option("Spice Island Lodge", rating: 3.5, adult: 12_600, child: 6_300, total: 31_500),
                option("Stone Town Palace", rating: 5, adult: 16_080, child: 8_040, total: 40_200),
            ],
            createdOn: day("2027-04-01"), validUntil: day("2027-04-15"),
            consultantName: "Thandi Mokoena", consultantEmail: "thandi@acme.example",
            message: "We'd love a sea view.", shareURL: shareURL)
    }

    /// An item quote whose items are in two currencies (no single total).
    static var multiCurrencyQuote: QuoteView {
        let items = [
            QuoteItem(
                type: "hotel", name: "Cape Grace", quantity: 2, unit_price: zar(5_000), total: zar(10_000),
                nights: 2, check_in: day("2027-04-12"), check_out: day("2027-04-14")),
            QuoteItem(
                type: "flight", name: "CPT → ZNZ return", description: "Economy, 2 seats", quantity: 2,
                unit_price: Money(60_000, "USD"), total: Money(120_000, "USD")),
        ]
        let option = QuoteOption(
            hotel: nil, hotel_id: nil, rating: nil, room_type: nil, meal_plan: nil, basis: "items", nights: nil,
            rate_ids: [], per_person: PerPerson(), items: items, total: nil,
            totals: [zar(10_000), Money(120_000, "USD")], within_budget: nil, requested: false)
        return quote(options: [option])
    }

    static func invoice(
        status: String = "sent", paid: Int64 = 0, discount: Int64 = 0, tax: Int64 = 0,
        notes: String = ""
    ) -> InvoiceView {
        let items = [
            InvoiceItem(
                description: "Zanzibar Beach Resort, 7 nights, 2 adults sharing", quantity: 2,
                unit_price: 1_000_000, amount: 2_000_000),
            InvoiceItem(description: "Child (9)", quantity: 1, unit_price: 500_000, amount: 500_000),
        ]
        let total = 2_500_000 - discount + tax
        return InvoiceView(
            invoiceID: "INV-20270402-D4E5F6", status: status, issuedOn: day("2027-04-02"), dueDate: day("2027-04-09"),
            customerName: "Zoë Ñúñez", customerEmail: "zoe@example.com", customerPhone: nil, destination: "Zanzibar",
            quoteID: "QT-20270401-A1B2C3", currency: "ZAR", items: items,
            travelers: [InvoiceTraveler(name: "Zoë Ñúñez", type: "adult")],
            subtotal: Money(2_500_000, "ZAR"), discountPercent: discount == 0 ? 0 : 10,
            discount: Money(discount, "ZAR"),
            taxPercent: tax == 0 ? 0 : 15, tax: Money(tax, "ZAR"), total: Money(total, "ZAR"),
            paid: Money(paid, "ZAR"), balance: Money(total - paid, "ZAR"), notes: notes)
    }

    /// The number of times `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int {
        text.split(separator: needle, omittingEmptySubsequences: false).count - 1
    }
}
