/// A CRM client's pipeline stage (SPEC §2 "CRM"): `QUOTED → NEGOTIATING → BOOKED → PAID → TRAVELLED`, plus
/// `LOST`.
///
/// The allowed moves (anything else is `409 invalid_transition` and changes nothing):
/// - forward along the chain, one step or several (`QUOTED → BOOKED`: a customer may book on the first quote);
/// - any stage except `TRAVELLED` → `LOST`;
/// - `LOST → QUOTED` or `LOST → NEGOTIATING` (reopening; the only way back);
/// - `TRAVELLED` is terminal; no other backward move; a stage never "moves" to itself.
public enum ClientStage: String, CaseIterable, Sendable, Codable {
    case quoted = "QUOTED"
    case negotiating = "NEGOTIATING"
    case booked = "BOOKED"
    case paid = "PAID"
    case travelled = "TRAVELLED"
    case lost = "LOST"

    /// The forward chain, in order (`LOST` is not on it).
    public static let chain: [ClientStage] = [.quoted, .negotiating, .booked, .paid, .travelled]

    /// Whether a client may move from `self` to `target`.
    public func canMove(to target: ClientStage) -> Bool {
        switch (self, target) {
        case (.travelled, _): false
        case (.lost, .quoted), (.lost, .negotiating): true
        case (.lost, _): false
        case (_, .lost): true
        default:
            (Self.chain.firstIndex(of: target) ?? 0) > (Self.chain.firstIndex(of: self) ?? Int.max)
        }
    }

    /// Every stage `self` may move to, in declaration order.
    public var successors: [ClientStage] { Self.allCases.filter { canMove(to: $0) } }

    /// The stage names, for validation messages.
    public static var names: [String] { allCases.map(\.rawValue) }
}
