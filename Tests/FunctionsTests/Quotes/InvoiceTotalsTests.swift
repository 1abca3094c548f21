import Quoting
import Runtime
import Testing

/// The pure parts under invoices and the CRM: totals with integer half-up rounding, and human-facing ids.
@Suite struct InvoiceTotalsTests {
    static func items(_ lines: [(Int, Int64)]) -> [InvoiceItem] {
        lines.map { InvoiceItem(description: "x", quantity: $0.0, unit_price: $0.1, amount: Int64($0.0) * $0.1) }
    }

    /// (lines, discount bp, tax bp) → (subtotal, discount, tax, total), each worked out by hand.
    @Test(arguments: [
        ([(1, 10_000)], 0, 0, 10_000, 0, 0, 10_000),
        ([(2, 12_345), (1, 99_999)], 1_250, 1_500, 124_689, 15_586, 16_365, 125_468),
        ([(1, 101)], 5_000, 1_000, 101, 51, 5, 55),               // 50.5 → 51 (half up); 5.0
        ([(1, 3)], 5_000, 5_000, 3, 2, 1, 2),                     // 1.5 → 2; 0.5 → 1
        ([(1, 99)], 0, 1_550, 99, 0, 15, 114),                    // 15.345 → 15
        ([(3, 333)], 10_000, 1_500, 999, 999, 0, 0),              // 100 % discount
        ([(1, 1_000)], 0, 10_000, 1_000, 0, 1_000, 2_000),        // 100 % tax
        ([(4, 25)], 1, 1, 100, 0, 0, 100),                        // 0.01 → 0
        ([(1, 50)], 100, 0, 50, 1, 0, 49),                        // 0.5 → 1
    ] as [([(Int, Int64)], Int, Int, Int64, Int64, Int64, Int64)])
    func totals(lines: [(Int, Int64)], discount: Int, tax: Int, subtotal: Int64, discounted: Int64, taxed: Int64,
                total: Int64) throws {
        let result = try #require(Invoices.totals(items: Self.items(lines), discountBasisPoints: discount,
                                                  taxBasisPoints: tax))
        #expect(result == Invoices.Totals(subtotal: subtotal, discount: discounted, tax: taxed, total: total))
    }

    @Test func totalsThatWouldOverflowAreRefused() {
        #expect(Invoices.totals(items: Self.items([(1, Int64.max), (1, 1)]), discountBasisPoints: 0, taxBasisPoints: 0) == nil)
        #expect(Invoices.totals(items: Self.items([(1, Int64.max / 2)]), discountBasisPoints: 10, taxBasisPoints: 0) == nil)
    }

    @Test func identifiersHaveTheOriginalShapes() {
        let day = Day(year: 2027, month: 4, day: 12)
        let quote = Identifiers.quoteID(on: day ?? Day.today())
        let invoice = Identifiers.invoiceID(on: day ?? Day.today())
        let client = Identifiers.clientID()
        let hex = Set("0123456789ABCDEF")
        #expect(quote.hasPrefix("QT-20270412-") && quote.count == 18 && quote.suffix(6).allSatisfy(hex.contains))
        #expect(invoice.hasPrefix("INV-20270412-") && invoice.count == 19 && invoice.suffix(6).allSatisfy(hex.contains))
        #expect(client.hasPrefix("CLI-") && client.count == 12 && client.suffix(8).allSatisfy(hex.contains))
        #expect(Set((0..<50).map { _ in Identifiers.clientID() }).count > 1)
    }

    @Test func freshIDsAreRetriedOnCollisionOnly() throws {
        var tried: [String] = []
        var counter = 0
        let value = try Identifiers.insertWithFreshID(make: { counter += 1; return "id\(counter)" }) { id -> String? in
            tried.append(id)
            return tried.count < 3 ? nil : "row for \(id)"
        }
        #expect(value == "row for id3" && tried == ["id1", "id2", "id3"])
        #expect(throws: Identifiers.Exhausted.self) {
            try Identifiers.insertWithFreshID(attempts: 4, make: { "same" }) { _ -> Int? in nil }
        }
        struct Boom: Error {}
        var calls = 0
        #expect(throws: Boom.self) {
            try Identifiers.insertWithFreshID(make: { "x" }) { _ -> Int? in
                calls += 1
                throw Boom()
            }
        }
        #expect(calls == 1)
    }
}
