public import Runtime

/// The ticket lifecycle (SPEC §1), enforced by every path that changes a ticket's status — the API, the worker's
/// auto-send and the accept action alike (the original's "resolve after quote" bypassed it):
///
/// ```
/// open        → in_progress | closed
/// in_progress → resolved | closed
/// resolved    → closed
/// closed: terminal
/// ```
public enum TicketStatus {
    public static let all = ["open", "in_progress", "resolved", "closed"]
    public static let priorities = ["low", "normal", "high", "urgent"]

    static let transitions: [String: Set<String>] = [
        "open": ["in_progress", "closed"],
        "in_progress": ["resolved", "closed"],
        "resolved": ["closed"],
    ]

    /// Whether `from → to` is a legal step.
    public static func allows(_ from: String, _ to: String) -> Bool { transitions[from]?.contains(to) ?? false }

    /// The statuses reachable from `status` in one step (empty for `closed`).
    public static func next(_ status: String) -> [String] { (transitions[status] ?? []).sorted() }

    /// The steps that lead from `from` to `to` along legal transitions, shortest first (`open → resolved` is
    /// `[in_progress, resolved]`); nil when `to` cannot be reached. Automatic resolution walks this path so every
    /// step is logged.
    public static func path(from: String, to: String) -> [String]? {
        if from == to { return [] }
        var queue: [(String, [String])] = [(from, [])], seen: Set<String> = [from]
        while !queue.isEmpty {
            let (status, steps) = queue.removeFirst()
            for next in next(status) where !seen.contains(next) {
                if next == to { return steps + [next] }
                seen.insert(next)
                queue.append((next, steps + [next]))
            }
        }
        return nil
    }

    /// 409 `invalid_transition` naming the legal next steps.
    public static func refusal(_ from: String, _ to: String) -> HTTPError {
        let allowed = next(from)
        let tail = allowed.isEmpty ? "\(from) is final." : "From \(from) it can move to: \(allowed.joined(separator: ", "))."
        return HTTPError(.conflict, code: "invalid_transition", message: "A ticket cannot move from \(from) to \(to). \(tail)")
    }
}
