/// An invoice's status and the machine that moves it (seed inventory §2.9, kept consistent with payments and the
/// overdue job). Anything not listed is `409 invalid_transition` and changes nothing:
///
/// | from | to |
/// |---|---|
/// | draft | sent, paid, cancelled |
/// | sent | viewed, paid, partially_paid, overdue, cancelled |
/// | viewed | paid, partially_paid, overdue, cancelled |
/// | partially_paid | paid, overdue, cancelled |
/// | overdue | paid, cancelled |
/// | paid, cancelled | — (terminal) |
///
/// Differences from the inventory, on purpose: `partially_paid → overdue` exists because the overdue job must be
/// able to flag a part-paid invoice past its due date; `overdue → partially_paid` does not, because a part
/// payment leaves a late invoice late (it stays `overdue`, with a `payment` activity), so the job never has to
/// flip it back. `partially_paid` is reached only by recording a payment, never by a plain status change.
public enum InvoiceStatus: String, CaseIterable, Sendable, Codable {
    case draft
    case sent
    case viewed
    case partiallyPaid = "partially_paid"
    case paid
    case overdue
    case cancelled

    /// The statuses `self` may move to.
    public var successors: Set<InvoiceStatus> {
        switch self {
        case .draft: [.sent, .paid, .cancelled]
        case .sent: [.viewed, .paid, .partiallyPaid, .overdue, .cancelled]
        case .viewed: [.paid, .partiallyPaid, .overdue, .cancelled]
        case .partiallyPaid: [.paid, .overdue, .cancelled]
        case .overdue: [.paid, .cancelled]
        case .paid, .cancelled: []
        }
    }

    /// Whether the machine allows `self → target`.
    public func canMove(to target: InvoiceStatus) -> Bool { successors.contains(target) }

    /// Whether a plain status change (`PATCH …/status`) may ask for `target`: every edge of the machine except
    /// those into `partially_paid`, which only a payment produces.
    public func canBeSet(to target: InvoiceStatus) -> Bool { target != .partiallyPaid && canMove(to: target) }

    /// Statuses that take payments: issued and not settled. A draft must be sent first (or marked paid in full);
    /// paid and cancelled invoices take none.
    public var acceptsPayments: Bool { self == .sent || self == .viewed || self == .partiallyPaid || self == .overdue }

    /// Statuses the overdue job looks at (unpaid, issued).
    public static let collectable: [InvoiceStatus] = [.sent, .viewed, .partiallyPaid]

    /// The status names, for validation messages.
    public static var names: [String] { allCases.map(\.rawValue) }
}
