public import Runtime
internal import SharedPlatform

/// The email that sends an invoice: amount due, due date, the tenant's banking details and the payment reference,
/// from the built-in templates or the tenant's (`templates.invoice_email_subject|_text|_html`, see
/// ``EmailTemplates``).
///
/// **Template variables** (text as on ``QuoteEmail``: dates `12 April 2027` and `…_iso`, money `R 10,500.00`,
/// `null` for what is not there):
/// - `customer.name`, `customer.email`, `customer.phone`
/// - `invoice.id`, `invoice.status`, `invoice.issued_on`, `invoice.issued_on_iso`, `invoice.due_date`,
///   `invoice.due_date_iso`, `invoice.quote_id`, `invoice.destination`, `invoice.currency`, `invoice.subtotal`,
///   `invoice.discount` and `invoice.discount_percent` (null without a discount), `invoice.tax` and
///   `invoice.tax_percent` (null without tax), `invoice.total`, `invoice.paid` (null when nothing is paid yet),
///   `invoice.balance`, `invoice.notes`
/// - `invoice.items` (list of `description`, `quantity`, `unit_price`, `amount`), `invoice.travelers` (list of
///   `name`, `type`)
/// - `amount_due` (the balance), `is_paid` (boolean: nothing left to pay), `is_overdue` (boolean)
/// - `payment_reference` (`<banking.reference_prefix>-<invoice id>`, or the invoice id without a prefix)
/// - `banking.bank_name`, `banking.account_name`, `banking.account_number`, `banking.branch_code`,
///   `banking.swift_code` (each null when unset), `banking_lines` (list of `label`, `value` for the set ones),
///   `has_banking` (boolean)
/// - `company.*`, `colors.*`, `signature`, `signature_lines`, `signature_html` as on ``QuoteEmail``
public enum InvoiceEmail {
    /// The invoice email for `invoice`; `branding.banking` supplies the banking block and the reference prefix.
    ///
    /// - Parameter templates: the tenant's `templates` config section (nil, or `null` entries: built-in parts).
    /// - Throws: only if a built-in template fails to parse (a programming error caught by the tests).
    public static func render(_ invoice: InvoiceView, branding: DocumentBranding, templates: JSONValue?) throws
        -> RenderedEmail
    {
        try builtIn.get().render(context(invoice, branding: branding), overrides: templates)
    }

    /// The built-in templates, parsed once.
    static let builtIn = Result { () throws(MustacheError) in
        try EmailTemplates(key: "invoice_email", subject: subjectTemplate, text: textTemplate, html: htmlTemplate)
    }

    /// The banking keys shown, with their labels, in order.
    static let bankingLabels = [
        ("bank_name", "Bank"), ("account_name", "Account name"), ("account_number", "Account number"),
        ("branch_code", "Branch code"), ("swift_code", "SWIFT/BIC"),
    ]

    /// The template context of `invoice` (the variables listed on ``InvoiceEmail``).
    public static func context(_ invoice: InvoiceView, branding: DocumentBranding) -> JSONValue {
        var members = EmailContext.branding(branding)
        let money = { (amount: Int64) in Money(amount, invoice.currency).formatted }
        members["customer"] = .object([
            "name": .string(invoice.customerName), "email": .string(invoice.customerEmail),
            "phone": EmailContext.string(invoice.customerPhone),
        ])
        let hasDiscount = invoice.discount.amount != 0
        let hasTax = invoice.tax.amount != 0
        members["invoice"] = .object([
            "id": .string(invoice.invoiceID), "status": .string(invoice.status),
            "issued_on": EmailContext.date(invoice.issuedOn), "issued_on_iso": EmailContext.isoDate(invoice.issuedOn),
            "due_date": EmailContext.date(invoice.dueDate), "due_date_iso": EmailContext.isoDate(invoice.dueDate),
            "quote_id": EmailContext.string(invoice.quoteID), "destination": EmailContext.string(invoice.destination),
            "currency": .string(invoice.currency), "subtotal": .string(invoice.subtotal.formatted),
            "discount": hasDiscount ? .string(invoice.discount.formatted) : .null,
            "discount_percent": hasDiscount ? .string(EmailContext.percent(invoice.discountPercent)) : .null,
            "tax": hasTax ? .string(invoice.tax.formatted) : .null,
            "tax_percent": hasTax ? .string(EmailContext.percent(invoice.taxPercent)) : .null,
            "total": .string(invoice.total.formatted),
            "paid": invoice.paid.amount != 0 ? .string(invoice.paid.formatted) : .null,
            "balance": .string(invoice.balance.formatted), "notes": EmailContext.string(invoice.notes),
            "items": .array(
                invoice.items.map { item -> JSONValue in
                    .object([
                        "description": .string(item.description), "quantity": .number(Double(item.quantity)),
                        "unit_price": .string(money(item.unit_price)), "amount": .string(money(item.amount)),
                    ])
                }),
            "travelers": .array(
                invoice.travelers.map { JSONValue.object(["name": .string($0.name), "type": .string($0.type)]) }),
        ])
        members["amount_due"] = .string(invoice.balance.formatted)
        members["is_paid"] = .bool(invoice.balance.amount <= 0)
        members["is_overdue"] = .bool(invoice.status == "overdue")
        members["payment_reference"] = .string(
            InvoicePDF.paymentReference(invoiceID: invoice.invoiceID, branding: branding))
        members.merge(banking(branding.banking)) { $1 }
        return .object(members)
    }

    /// `banking` (every key, `null` when unset), `banking_lines` (the set ones, labelled) and `has_banking`.
    static func banking(_ banking: [String: String]) -> [String: JSONValue] {
        var keys: [String: JSONValue] = [:]
        var lines: [JSONValue] = []
        for (key, label) in bankingLabels {
            let value = banking[key]?.trimmingWhitespace ?? ""
            keys[key] = EmailContext.string(value)
            if !value.isEmpty { lines.append(.object(["label": .string(label), "value": .string(value)])) }
        }
        return ["banking": .object(keys), "banking_lines": .array(lines), "has_banking": .bool(!lines.isEmpty)]
    }
}
