/// The moment by which a request must be answered.
///
/// The runtime cannot stop a thread, so the deadline is cooperative: the database layer turns the remaining
/// time into `statement_timeout`, the HTTP client into its total timeout, and long loops call ``check()``.
public struct Deadline: Sendable {
    public let instant: ContinuousClock.Instant

    public init(after duration: Duration) { self.instant = .now + duration }
    public init(instant: ContinuousClock.Instant) { self.instant = instant }

    /// Time left; zero once expired.
    public var remaining: Duration { max(.zero, instant - .now) }
    public var isExpired: Bool { ContinuousClock.now >= instant }

    /// Remaining time in whole milliseconds, at least 1 (for timeouts where 0 means "none").
    public var remainingMilliseconds: Int {
        let (seconds, attoseconds) = remaining.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    /// - Throws: ``HTTPError`` 504 `deadline_exceeded` once the deadline has passed.
    public func check() throws(HTTPError) {
        if isExpired {
            throw HTTPError(.gatewayTimeout, code: .deadlineExceeded, message: "The request took too long and was stopped.")
        }
    }
}
