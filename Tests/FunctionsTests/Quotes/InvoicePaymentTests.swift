import Quoting
import Runtime
import RuntimePostgres
import Testing

/// The invoice status machine, payments and the overdue job against the real database.
@Suite(.enabled(if: IdentityHarness.enabled), .serialized)
struct InvoicePaymentTests {
    /// What `PATCH …/status` accepts, written out by hand. `partially_paid` is only reached by a payment.
    static let settable: [String: Set<String>] = [
        "draft": ["sent", "paid", "cancelled"],
        "sent": ["viewed", "paid", "overdue", "cancelled"],
        "viewed": ["paid", "overdue", "cancelled"],
        "partially_paid": ["paid", "overdue", "cancelled"],
        "overdue": ["paid", "cancelled"],
        "paid": [],
        "cancelled": [],
    ]

    @Test func theMachineMatchesTheTable() {
        for from in InvoiceStatus.allCases {
            for to in InvoiceStatus.allCases {
                #expect(from.canBeSet(to: to) == (Self.settable[from.rawValue]?.contains(to.rawValue) ?? false), "\(from) → \(to)")
            }
            #expect(from.acceptsPayments == ["sent", "viewed", "partially_paid", "overdue"].contains(from.rawValue))
        }
        for status in InvoiceStatus.collectable { #expect(status.canMove(to: .overdue)) }
        #expect(InvoiceStatus.sent.canMove(to: .partiallyPaid) && !InvoiceStatus.overdue.canMove(to: .partiallyPaid))
    }

    @Test func everyStatusChangeIsCheckedAndLegalOnesAreLogged() throws {
        let fixture = try CRMFixture("machine")
        defer { fixture.drop() }
        let invoice = try fixture.makeInvoice()
        let id = try #require(invoice["id"]?.string)
        for from in InvoiceStatus.names {
            for to in InvoiceStatus.names {
                try fixture.exec("DELETE FROM invoice_payments WHERE invoice_id = \(id)::uuid")
                try fixture.exec("""
                    UPDATE invoices SET status = \(from), paid_amount = CASE WHEN \(from) = 'partially_paid' THEN 100 ELSE 0 END
                    WHERE id = \(id)::uuid
                    """)
                let before = try fixture.activities("invoice", id).count
                let result = fixture.call(.patch, "/api/v1/invoices/\(id)/status", json: #"{"status":"\#(to)"}"#)
                let status = try fixture.scalar("SELECT status AS v FROM invoices WHERE id = \(id)::uuid")
                let log = try fixture.activities("invoice", id)
                if Self.settable[from]?.contains(to) == true {
                    #expect(result.status == 200, "\(from) → \(to): \(result.text)")
                    #expect(status == to)
                    #expect(log.contains { $0.kind == "status_change" && $0.from == from && $0.to == to }, "\(from) → \(to)")
                    if to == "paid" {
                        #expect(result.json["invoice"]?["paid"]?["amount"]?.number == 100_000)
                        #expect(result.json["invoice"]?["balance"]?["amount"]?.number == 0)
                        #expect(result.json["invoice"]?["payments"]?.array?.last?["reference"]?.string == "status change")
                    }
                } else {
                    #expect(result.status == 409 && result.errorCode == "invalid_transition", "\(from) → \(to): \(result.status)")
                    #expect(status == from)
                    #expect(log.count == before)
                    #expect(try fixture.scalar("SELECT count(*)::text AS v FROM invoice_payments WHERE invoice_id = \(id)::uuid") == "0")
                }
            }
        }
        #expect(fixture.call(.patch, "/api/v1/invoices/\(id)/status", json: #"{"status":"lost"}"#).status == 422)
    }

    @Test func partialPaymentsThenTheRestMakeItPaid() throws {
        let fixture = try CRMFixture("payments")
        defer { fixture.drop() }
        let id = try #require(try fixture.makeInvoice()["invoice_id"]?.string)  // 2 × 500.00 = 1 000.00
        let early = fixture.call(.post, "/api/v1/invoices/\(id)/payments", json: #"{"amount":100}"#)
        #expect(early.status == 409 && early.errorCode == "invalid_transition")
        #expect(fixture.call(.patch, "/api/v1/invoices/\(id)/status", json: #"{"status":"sent"}"#).status == 200)

        let partial = fixture.call(.post, "/api/v1/invoices/\(id)/payments",
                                   json: #"{"amount":40000,"method":"eft","reference":"EFT-1","payment_date":"\#(Day.today().adding(days: -2))"}"#)
        #expect(partial.status == 201, "\(partial.text)")
        #expect(partial.json["payment"]?["amount"]?["amount"]?.number == 40_000)
        #expect(partial.json["payment"]?["amount"]?["currency"]?.string == "ZAR")
        #expect(partial.json["invoice"]?["status"]?.string == "partially_paid")
        #expect(partial.json["invoice"]?["balance"]?["amount"]?.number == 60_000)

        let over = fixture.call(.post, "/api/v1/invoices/\(id)/payments", json: #"{"amount":60001}"#)
        #expect(over.status == 422 && over.errorCode == "overpayment" && over.json["error"]?["field"]?.string == "amount")
        #expect(fixture.call(.post, "/api/v1/invoices/\(id)/payments", json: #"{"amount":0}"#).status == 422)
        #expect(fixture.call(.post, "/api/v1/invoices/\(id)/payments", json: #"{"amount":1,"method":"cheque"}"#).status == 422)
        let future = fixture.call(.post, "/api/v1/invoices/\(id)/payments", json: #"{"amount":1,"payment_date":"\#(Day.today().adding(days: 1))"}"#)
        #expect(future.status == 422 && future.json["error"]?["field"]?.string == "payment_date")

        let rest = fixture.call(.post, "/api/v1/invoices/\(id)/payments", json: #"{"amount":60000}"#)
        #expect(rest.status == 201)
        #expect(rest.json["invoice"]?["status"]?.string == "paid")
        #expect(rest.json["invoice"]?["paid"]?["amount"]?.number == 100_000)
        #expect(rest.json["invoice"]?["payments"]?.array?.count == 2)
        #expect(rest.json["payment"]?["method"]?.string == "bank_transfer")
        let row = try #require(try IdentityHarness.owner().query("""
            SELECT paid_amount, total, (paid_at IS NOT NULL) AS stamped FROM invoices WHERE invoice_id = \(id)
            """).first)
        #expect(row["paid_amount"] == row["total"] && row["stamped"] == "t")
        let uuid = try #require(rest.json["invoice"]?["id"]?.string)
        let log = try fixture.activities("invoice", uuid)
        #expect(log.filter { $0.kind == "payment" }.count == 2)
        #expect(log.contains { $0.from == "sent" && $0.to == "partially_paid" })
        #expect(log.contains { $0.from == "partially_paid" && $0.to == "paid" })
        let listed = fixture.call(.get, "/api/v1/invoices/\(id)/payments").json
        #expect(listed["total"]?.number == 2 && listed["data"]?.array?.first?["reference"]?.string == "EFT-1")

        let afterPaid = fixture.call(.post, "/api/v1/invoices/\(id)/payments", json: #"{"amount":1}"#)
        #expect(afterPaid.status == 409)
    }

    /// Acceptance: a payment on a cancelled invoice is refused and changes nothing.
    @Test func aPaymentOnACancelledInvoiceIsRefused() throws {
        let fixture = try CRMFixture("cancelled")
        defer { fixture.drop() }
        let id = try #require(try fixture.makeInvoice()["id"]?.string)
        #expect(fixture.call(.patch, "/api/v1/invoices/\(id)/status", json: #"{"status":"sent"}"#).status == 200)
        #expect(fixture.call(.post, "/api/v1/invoices/\(id)/payments", json: #"{"amount":100}"#).status == 201)
        #expect(fixture.call(.patch, "/api/v1/invoices/\(id)/status", json: #"{"status":"cancelled","note":"Trip off"}"#).status == 200)
        let refused = fixture.call(.post, "/api/v1/invoices/\(id)/payments", json: #"{"amount":100}"#)
        #expect(refused.status == 409 && refused.errorCode == "invoice_cancelled")
        #expect(try fixture.scalar("SELECT paid_amount::text AS v FROM invoices WHERE id = \(id)::uuid") == "100")
        #expect(try fixture.scalar("SELECT count(*)::text AS v FROM invoice_payments WHERE invoice_id = \(id)::uuid") == "1")
        #expect(fixture.call(.patch, "/api/v1/invoices/\(id)/status", json: #"{"status":"paid"}"#).status == 409)
    }

    /// A payment waits for the invoice row lock and then sees what the other transaction paid: no overpayment.
    @Test func concurrentPaymentsCannotOverpay() async throws {
        let fixture = try CRMFixture("race")
        defer { fixture.drop() }
        let id = try #require(try fixture.makeInvoice()["id"]?.string)  // 1 000.00
        #expect(fixture.call(.patch, "/api/v1/invoices/\(id)/status", json: #"{"status":"sent"}"#).status == 200)
        let other = try IdentityHarness.owner()
        try other.query("BEGIN")
        try other.query("SELECT 1 FROM invoices WHERE id = \(id)::uuid FOR UPDATE")
        let token = fixture.token
        let payment = Task.detached { () throws -> Int in
            try CRMFixture.harness().call(.post, "/api/v1/invoices/\(id)/payments", token: token,
                                          json: #"{"amount":60000}"#).status
        }
        // Wait until the payment is blocked on the lock (a lock request not granted), so it has not read yet.
        var waiting = false
        for _ in 0..<100 where !waiting {
            try await Task.sleep(for: .milliseconds(100))
            waiting = try IdentityHarness.owner().query("SELECT 1 FROM pg_locks WHERE NOT granted").rowCount > 0
        }
        #expect(waiting)
        try other.query("UPDATE invoices SET paid_amount = 50000, status = 'partially_paid' WHERE id = \(id)::uuid")
        try other.query("COMMIT")
        #expect(try await payment.value == 422)
        #expect(try fixture.scalar("SELECT paid_amount::text AS v FROM invoices WHERE id = \(id)::uuid") == "50000")
    }

    @Test func overdueInvoicesAreMarkedAndPartPaymentsKeepThemLate() throws {
        let fixture = try CRMFixture("overdue")
        defer { fixture.drop() }
        var ids: [String: String] = [:]
        for (label, status, due) in [("sent", "sent", -1), ("viewed", "viewed", -5), ("part", "partially_paid", -1),
                                     ("today", "sent", 0), ("draft", "draft", -9), ("paid", "paid", -9)] {
            let id = try #require(try fixture.makeInvoice()["id"]?.string)
            try fixture.exec("""
                UPDATE invoices SET status = \(status), due_date = current_date + \(due)::integer,
                       paid_amount = CASE \(status) WHEN 'partially_paid' THEN 100 WHEN 'paid' THEN total ELSE 0 END
                WHERE id = \(id)::uuid
                """)
            ids[label] = id
        }
        let moved = try fixture.withTenant { try InvoiceMaintenance.markOverdue(on: $0, today: Day.today()) }
        #expect(moved == 3)
        for (label, expected) in [("sent", "overdue"), ("viewed", "overdue"), ("part", "overdue"), ("today", "sent"),
                                  ("draft", "draft"), ("paid", "paid")] {
            let id = try #require(ids[label])
            #expect(try fixture.scalar("SELECT status AS v FROM invoices WHERE id = \(id)::uuid") == expected, "\(label)")
        }
        let log = try fixture.activities("invoice", try #require(ids["part"]))
        #expect(log.last.map { $0.kind == "status_change" && $0.from == "partially_paid" && $0.to == "overdue"
                               && $0.actor == "system:overdue" } == true)
        #expect(try fixture.withTenant { try InvoiceMaintenance.markOverdue(on: $0, today: Day.today()) } == 0)

        let late = try #require(ids["sent"])
        let part = fixture.call(.post, "/api/v1/invoices/\(late)/payments", json: #"{"amount":100}"#)
        #expect(part.status == 201 && part.json["invoice"]?["status"]?.string == "overdue")
        let rest = fixture.call(.post, "/api/v1/invoices/\(late)/payments", json: #"{"amount":99900}"#)
        #expect(rest.json["invoice"]?["status"]?.string == "paid")
    }
}
