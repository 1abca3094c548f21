public import Runtime

/// The quote lifecycle (SPEC §2), enforced by every path that changes a quote's status:
///
/// ```
/// draft    → quoted | cancelled
/// quoted   → sent | accepted | declined | expired | cancelled
/// sent     → viewed | accepted | declined | expired | cancelled
/// viewed   → accepted | declined | expired | cancelled
/// accepted → converted | cancelled
/// declined → quoted          expired → quoted
/// converted, cancelled: terminal
/// ```
///
/// `converted` is reached only by converting to an invoice (which records the invoice), `sent` only by really
/// sending the email, `viewed` by the share link or a consultant. Sending a draft passes through `quoted`.
public enum QuoteStatus {
    public static let all = ["draft", "quoted", "sent", "viewed", "accepted", "declined", "expired", "converted", "cancelled"]

    static let transitions: [String: Set<String>] = [
        "draft": ["quoted", "cancelled"],
        "quoted": ["sent", "accepted", "declined", "expired", "cancelled"],
        "sent": ["viewed", "accepted", "declined", "expired", "cancelled"],
        "viewed": ["accepted", "declined", "expired", "cancelled"],
        "accepted": ["converted", "cancelled"],
        "declined": ["quoted"],
        "expired": ["quoted"],
    ]

    /// Whether `from → to` is a legal step.
    public static func allows(_ from: String, _ to: String) -> Bool { transitions[from]?.contains(to) ?? false }

    /// The statuses reachable from `status` in one step (empty for terminal ones).
    public static func next(_ status: String) -> [String] { (transitions[status] ?? []).sorted() }

    /// 409 `invalid_transition` naming the legal next steps.
    public static func refusal(_ from: String, _ to: String) -> HTTPError {
        let allowed = next(from)
        let tail = allowed.isEmpty ? "\(from) is final." : "From \(from) it can move to: \(allowed.joined(separator: ", "))."
        return HTTPError(.conflict, code: "invalid_transition", message: "A quote cannot move from \(from) to \(to). \(tail)")
    }
}
