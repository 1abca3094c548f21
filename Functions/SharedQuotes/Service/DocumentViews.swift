public import Runtime
public import SharedPlatform

/// How a tenant's documents look and what they say about the tenant: built from ``TenantSettings``.
public struct DocumentBranding: Sendable, Equatable {
    public var companyName: String
    /// `#RRGGBB`.
    public var primaryColor: String
    public var secondaryColor: String
    public var accentColor: String
    /// PNG bytes of the logo, when the tenant has one stored; `nil` draws the company name only.
    public var logoPNG: [UInt8]?
    /// Contact lines for headers and footers (support address, sender address), without empty entries.
    public var contactLines: [String]
    public var emailSignature: String
    /// Quote terms (`quotes.terms`).
    public var terms: String
    /// `banking.*` keys that are set (bank_name, account_name, account_number, branch_code, swift_code, reference_prefix).
    public var banking: [String: String]

    public init(companyName: String, primaryColor: String = "#2E86AB", secondaryColor: String = "#4ECDC4",
                accentColor: String = "#F18F01", logoPNG: [UInt8]? = nil, contactLines: [String] = [],
                emailSignature: String = "", terms: String = "", banking: [String: String] = [:]) {
        self.companyName = companyName
        self.primaryColor = primaryColor
        self.secondaryColor = secondaryColor
        self.accentColor = accentColor
        self.logoPNG = logoPNG
        self.contactLines = contactLines
        self.emailSignature = emailSignature
        self.terms = terms
        self.banking = banking
    }

    public init(_ settings: TenantSettings) {
        self.init(companyName: settings.displayName, primaryColor: settings.primaryColor,
                  secondaryColor: settings.secondaryColor, accentColor: settings.accentColor,
                  contactLines: [settings.supportAddress, settings.fromAddress].compactMap { $0 }.reduce(into: []) {
                      if !$0.contains($1) { $0.append($1) }
                  },
                  emailSignature: settings.emailSignature, terms: settings.terms, banking: settings.banking)
    }
}

/// Everything a quote PDF or email shows, already decided (no I/O, no config lookups).
public struct QuoteView: Sendable, Equatable {
    public var quoteID: String
    public var status: String
    public var customerName: String
    public var customerEmail: String
    public var customerPhone: String?
    public var destination: String?
    public var checkIn: Day?
    public var checkOut: Day?
    public var nights: Int?
    public var adults: Int
    /// Every traveller under 18, infants included.
    public var children: Int
    public var childrenAges: [Int]
    public var rooms: Int
    /// Generated: alternatives (each with its own total). Items: one option of components.
    public var options: [QuoteOption]
    public var createdOn: Day
    /// From the tenant's `quotes.validity_days`.
    public var validUntil: Day
    public var consultantName: String?
    public var consultantEmail: String?
    /// The customer's own words (shown as "Your request"), may be empty.
    public var message: String
    /// A signed link to view the quote online, when one was made for this email.
    public var shareURL: String?

    public init(quoteID: String, status: String, customerName: String, customerEmail: String, customerPhone: String?,
                destination: String?, checkIn: Day?, checkOut: Day?, nights: Int?, adults: Int, children: Int,
                childrenAges: [Int], rooms: Int, options: [QuoteOption], createdOn: Day, validUntil: Day,
                consultantName: String? = nil, consultantEmail: String? = nil, message: String = "", shareURL: String? = nil) {
        self.quoteID = quoteID
        self.status = status
        self.customerName = customerName
        self.customerEmail = customerEmail
        self.customerPhone = customerPhone
        self.destination = destination
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.nights = nights
        self.adults = adults
        self.children = children
        self.childrenAges = childrenAges
        self.rooms = rooms
        self.options = options
        self.createdOn = createdOn
        self.validUntil = validUntil
        self.consultantName = consultantName
        self.consultantEmail = consultantEmail
        self.message = message
        self.shareURL = shareURL
    }
}

/// One invoice line: amounts in minor units of the invoice currency.
public struct InvoiceItem: Sendable, Equatable, Codable {
    public var description: String
    public var quantity: Int
    public var unit_price: Int64
    /// `unit_price × quantity`.
    public var amount: Int64

    public init(description: String, quantity: Int, unit_price: Int64, amount: Int64) {
        self.description = description
        self.quantity = quantity
        self.unit_price = unit_price
        self.amount = amount
    }
}

/// A traveller named on an invoice.
public struct InvoiceTraveler: Sendable, Equatable, Codable {
    public var name: String
    /// `adult`, `child`, `infant`.
    public var type: String
    public var date_of_birth: Day?
    public var passport: String?
    public var nationality: String?

    public init(name: String, type: String, date_of_birth: Day? = nil, passport: String? = nil, nationality: String? = nil) {
        self.name = name
        self.type = type
        self.date_of_birth = date_of_birth
        self.passport = passport
        self.nationality = nationality
    }
}

/// Everything an invoice PDF or email shows.
public struct InvoiceView: Sendable, Equatable {
    public var invoiceID: String
    public var status: String
    public var issuedOn: Day
    public var dueDate: Day
    public var customerName: String
    public var customerEmail: String
    public var customerPhone: String?
    public var destination: String?
    public var quoteID: String?
    public var currency: String
    public var items: [InvoiceItem]
    public var travelers: [InvoiceTraveler]
    public var subtotal: Money
    public var discountPercent: Double
    public var discount: Money
    public var taxPercent: Double
    public var tax: Money
    public var total: Money
    public var paid: Money
    /// `total − paid`.
    public var balance: Money
    public var notes: String

    public init(invoiceID: String, status: String, issuedOn: Day, dueDate: Day, customerName: String, customerEmail: String,
                customerPhone: String?, destination: String?, quoteID: String?, currency: String, items: [InvoiceItem],
                travelers: [InvoiceTraveler], subtotal: Money, discountPercent: Double, discount: Money, taxPercent: Double,
                tax: Money, total: Money, paid: Money, balance: Money, notes: String) {
        self.invoiceID = invoiceID
        self.status = status
        self.issuedOn = issuedOn
        self.dueDate = dueDate
        self.customerName = customerName
        self.customerEmail = customerEmail
        self.customerPhone = customerPhone
        self.destination = destination
        self.quoteID = quoteID
        self.currency = currency
        self.items = items
        self.travelers = travelers
        self.subtotal = subtotal
        self.discountPercent = discountPercent
        self.discount = discount
        self.taxPercent = taxPercent
        self.tax = tax
        self.total = total
        self.paid = paid
        self.balance = balance
        self.notes = notes
    }
}
