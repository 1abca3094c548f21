import Quoting
import Runtime
import SharedPlatform

/// Views and images for the PDF tests.
enum PDFFixtures {
    static let customer = "Zoë Ñúñez-Øster"
    static let created = Day(year: 2027, month: 3, day: 1) ?? Day(ordinal: 0)
    static let checkIn = Day(year: 2027, month: 4, day: 12) ?? Day(ordinal: 0)

    /// An 8 × 4 red PNG (RGB, 8 bits).
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x08, 0x00, 0x00, 0x00, 0x04, 0x08, 0x02, 0x00, 0x00, 0x00, 0x3C, 0xAF, 0xE9, 0xA7, 0x00, 0x00, 0x00,
        0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x38, 0x21, 0x67, 0x83, 0x15, 0x31, 0x50, 0x4F, 0x02, 0x00,
        0x26, 0xCD, 0x24, 0x41, 0x3A, 0x97, 0x5D, 0xC2, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42,
        0x60, 0x82,
    ]
    /// The start of a JPEG file.
    static let jpeg: [UInt8] =
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01] + Array(repeating: 0, count: 40)

    static func branding(terms: String = "Deposit of 30% secures the booking. Καλό ταξίδι! Счастливого пути!",
                         logo: [UInt8]? = nil) -> DocumentBranding {
        DocumentBranding(companyName: "Acme Travel Co", primaryColor: "#1F4E79", logoPNG: logo,
                         contactLines: ["hello@acme.example", "+27 21 555 0100"], terms: terms,
                         banking: ["bank_name": "First Test Bank", "account_number": "62001234567",
                                   "swift_code": "FTBAZAJJ"])
    }

    static func option(_ hotel: String, rating: Double, adult: Int64, child: Int64?, currency: String = "ZAR",
                       requested: Bool = false) -> QuoteOption {
        var items = [QuoteItem(type: "hotel", name: "Adult sharing", quantity: 2, unit_price: Money(adult, currency),
                               total: Money(adult * 2, currency))]
        if let child {
            items.append(QuoteItem(type: "hotel", name: "Child", description: "age 2 and over", quantity: 1,
                                   unit_price: Money(child, currency), total: Money(child, currency)))
        }
        let total = items.reduce(0) { $0 + $1.total.amount }
        return QuoteOption(hotel: hotel, hotel_id: nil, rating: rating, room_type: "Deluxe sea view",
                           meal_plan: "Half board", basis: "package", nights: 7, rate_ids: [],
                           per_person: PerPerson(adult_sharing: Money(adult, currency),
                                                 child: child.map { Money($0, currency) }),
                           items: items, total: Money(total, currency), totals: [Money(total, currency)],
                           within_budget: true, requested: requested)
    }

    static func quote(options: [QuoteOption], validDays: Int = 14, message: String = "") -> QuoteView {
        QuoteView(quoteID: "QT-20270329-a1b2c3", status: "quoted", customerName: customer,
                  customerEmail: "zoe@example.com", customerPhone: "+27 82 000 0000", destination: "Κέρκυρα (Corfu)",
                  checkIn: checkIn, checkOut: checkIn.adding(days: 7), nights: 7, adults: 2, children: 2,
                  childrenAges: [1, 9], rooms: 1, options: options, createdOn: created,
                  validUntil: created.adding(days: validDays), consultantName: "Пётр Иванов",
                  consultantEmail: "petr@acme.example", message: message)
    }

    static func threeOptions() -> [QuoteOption] {
        [option("Hôtel Mont-Blanc", rating: 5, adult: 1_250_000, child: 400_000, requested: true),
         option("Villa Άλφα", rating: 4, adult: 980_050, child: nil),
         option("Гостиница Москва", rating: 3.5, adult: 700_000, child: 250_000)]
    }

    static func itemQuote(count: Int) -> QuoteView {
        let items = (1...count).map { index in
            QuoteItem(type: index % 3 == 0 ? "activity" : "transfer", name: "Item \(index)",
                      description: "Component number \(index)", quantity: index % 4 + 1,
                      unit_price: Money(Int64(index) * 10_000, index % 2 == 0 ? "EUR" : "INR"),
                      total: Money(Int64(index * (index % 4 + 1)) * 10_000, index % 2 == 0 ? "EUR" : "INR"))
        }
        func total(_ currency: String) -> Money {
            Money(items.filter { $0.total.currency == currency }.reduce(0) { $0 + $1.total.amount }, currency)
        }
        let option = QuoteOption(hotel: nil, hotel_id: nil, rating: nil, room_type: nil, meal_plan: nil, basis: "items",
                                 nights: nil, rate_ids: [], per_person: PerPerson(), items: items, total: nil,
                                 totals: [total("EUR"), total("INR")], within_budget: nil, requested: false)
        return quote(options: [option])
    }

    static func invoice(items count: Int = 3, currency: String = "EUR",
                        notes: String = "Thank you for travelling with us.") -> InvoiceView {
        let items = (1...count).map { index in
            InvoiceItem(description: "Service \(index): Transfer Αθήνα → Пирей", quantity: 2,
                        unit_price: Int64(index) * 12_500, amount: Int64(index) * 25_000)
        }
        let subtotal = items.reduce(0) { $0 + $1.amount }
        let discount = subtotal / 10, tax = (subtotal - discount) * 15 / 100
        let total = subtotal - discount + tax, paid: Int64 = 10_000
        let travelers = [InvoiceTraveler(name: customer, type: "adult", passport: "X1234567"),
                         InvoiceTraveler(name: "Ἀλέξανδρος Øster", type: "child",
                                         date_of_birth: Day(year: 2018, month: 5, day: 3))]
        return InvoiceView(invoiceID: "INV-20270401-0042", status: "partially_paid", issuedOn: created,
                           dueDate: created.adding(days: 30), customerName: customer, customerEmail: "zoe@example.com",
                           customerPhone: nil, destination: "Corfu", quoteID: "QT-20270329-a1b2c3", currency: currency,
                           items: items, travelers: travelers, subtotal: Money(subtotal, currency),
                           discountPercent: 10, discount: Money(discount, currency),
                           taxPercent: 15, tax: Money(tax, currency), total: Money(total, currency),
                           paid: Money(paid, currency), balance: Money(total - paid, currency), notes: notes)
    }
}
