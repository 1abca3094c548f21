internal import Runtime
public import RuntimePostgres
internal import SharedPlatform

/// Invoice rows as the API, the PDF and the e-mail read them, their totals, and their status changes.
///
/// The invariants every writer keeps: `items[].amount = quantity × unit_price`; `subtotal = Σ amount`;
/// `discount = round(subtotal × discount%)`, `tax = round((subtotal − discount) × tax%)` (integer half-up);
/// `total = subtotal − discount + tax`; `0 ≤ paid_amount ≤ total`; every status change passes ``InvoiceStatus``
/// and logs a `status_change` activity in the same transaction.
public enum Invoices {
    /// The select list of one invoice row (over ``from``), read by ``view(_:)`` and the API's JSON:
    /// `SELECT \(unsafe: Invoices.columns) \(unsafe: Invoices.from) WHERE i.tenant_id = … AND …`.
    public static let columns: StaticString = """
        i.id::text AS id, i.invoice_id, i.status, i.quote_id::text AS quote_uuid, q.quote_id AS quote_ref,
               i.client_id::text AS client_uuid, c.client_id AS client_ref, i.customer_name, i.customer_email,
               i.customer_phone, i.destination, i.currency, i.items::text AS items, i.travelers::text AS travelers,
               i.subtotal, (i.discount_percent * 100)::bigint AS discount_bp, i.discount_amount,
               (i.tax_percent * 100)::bigint AS tax_bp, i.tax_amount, i.total, i.paid_amount, i.notes,
               i.due_date::text AS due_date, (i.created_at AT TIME ZONE 'UTC')::date::text AS issued_on,
               to_char(i.sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS sent_at,
               to_char(i.viewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS viewed_at,
               to_char(i.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS paid_at,
               to_char(i.cancelled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS cancelled_at,
               to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
               to_char(i.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
        """

    /// The invoice (`i`) with its quote (`q`) and client (`c`), each possibly absent.
    public static let from: StaticString = """
        FROM invoices i
        LEFT JOIN quotes q ON q.tenant_id = i.tenant_id AND q.id = i.quote_id
        LEFT JOIN clients c ON c.tenant_id = i.tenant_id AND c.id = i.client_id
        """

    /// The invoice `reference` (an `INV-…` id, any case, or the row UUID) of `tenantID`, or nil. With `lock`, the
    /// invoice row is locked (`FOR UPDATE`) until the transaction ends.
    public static func find(on connection: PGConnection, tenantID: String, _ reference: String,
                            lock: Bool = false) throws -> PGRow? {
        let (uuid, code) = parse(reference)
        guard uuid != nil || code != nil else { return nil }
        if lock {
            return try connection.query("""
                SELECT \(unsafe: columns) \(unsafe: from)
                WHERE i.tenant_id = \(tenantID) AND (i.id = \(uuid)::uuid OR i.invoice_id = \(code)) FOR UPDATE OF i
                """).first
        }
        return try connection.query("""
            SELECT \(unsafe: columns) \(unsafe: from)
            WHERE i.tenant_id = \(tenantID) AND (i.id = \(uuid)::uuid OR i.invoice_id = \(code))
            """).first
    }

    /// Splits a path reference into (UUID, invoice id); both nil when it can be neither.
    static func parse(_ reference: String) -> (uuid: String?, code: String?) {
        if let uuid = try? Validate.uuid(reference) { return (uuid, nil) }
        let code = reference.uppercased()
        let bytes = Array(code.utf8)
        guard bytes.count == 19, code.hasPrefix("INV-"), bytes[12] == UInt8(ascii: "-"),
              bytes[4..<12].allSatisfy({ $0 >= 48 && $0 <= 57 }),
              bytes[13...].allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) }) else { return (nil, nil) }
        return (nil, code)
    }

    /// The document view of a row read with ``select``.
    /// - Throws: ``PGError`` `decodingFailed` for a row that is not one.
    public static func view(_ row: PGRow) throws -> InvoiceView {
        let currency = try row.string("currency")
        func money(_ column: String) throws -> Money { Money(Int64(try row.int(column)), currency) }
        guard let issued = Day(try row.string("issued_on")), let due = Day(try row.string("due_date")) else {
            throw PGError(.decodingFailed, serverMessage: "invoice dates are not YYYY-MM-DD")
        }
        let total = try money("total"), paid = try money("paid_amount")
        return InvoiceView(
            invoiceID: try row.string("invoice_id"), status: try row.string("status"), issuedOn: issued, dueDate: due,
            customerName: try row.string("customer_name"), customerEmail: try row.string("customer_email"),
            customerPhone: row["customer_phone"], destination: row["destination"], quoteID: row["quote_ref"],
            currency: currency, items: try stored([InvoiceItem].self, row, "items"),
            travelers: try stored([InvoiceTraveler].self, row, "travelers"), subtotal: try money("subtotal"),
            discountPercent: Double(try row.int("discount_bp")) / 100, discount: try money("discount_amount"),
            taxPercent: Double(try row.int("tax_bp")) / 100, tax: try money("tax_amount"), total: total, paid: paid,
            balance: Money(total.amount - paid.amount, currency), notes: try row.string("notes"))
    }

    /// Decodes the JSON column `column` as `T`.
    public static func stored<T: Decodable>(_ type: T.Type, _ row: PGRow, _ column: String) throws -> T {
        do {
            return try JSON.decode(T.self, from: Array(try row.string(column).utf8))
        } catch {
            throw PGError(.decodingFailed, serverMessage: "column \(column) does not hold the stored shape")
        }
    }

    /// Subtotal, discount, tax and total of an invoice (see the type's invariants).
    public struct Totals: Sendable, Equatable {
        public var subtotal: Int64
        public var discount: Int64
        public var tax: Int64
        public var total: Int64

        public init(subtotal: Int64, discount: Int64, tax: Int64, total: Int64) {
            self.subtotal = subtotal
            self.discount = discount
            self.tax = tax
            self.total = total
        }
    }

    /// The totals of `items` with a discount and tax in basis points (12.5 % = 1250, each 0…10 000); nil when an
    /// amount would overflow.
    public static func totals(items: [InvoiceItem], discountBasisPoints: Int, taxBasisPoints: Int) -> Totals? {
        var subtotal: Int64 = 0
        for item in items {
            let (sum, overflow) = subtotal.addingReportingOverflow(item.amount)
            guard !overflow else { return nil }
            subtotal = sum
        }
        func percent(_ amount: Int64, _ basisPoints: Int) -> Int64? {
            let (product, overflow) = amount.multipliedReportingOverflow(by: Int64(basisPoints))
            guard !overflow, product <= Int64.max - 5_000 else { return nil }
            return (product + 5_000) / 10_000
        }
        guard let discount = percent(subtotal, discountBasisPoints),
              let tax = percent(subtotal - discount, taxBasisPoints) else { return nil }
        return Totals(subtotal: subtotal, discount: discount, tax: tax, total: subtotal - discount + tax)
    }
}
