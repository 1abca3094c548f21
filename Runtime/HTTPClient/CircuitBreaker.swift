internal import Synchronization

/// Per-provider circuit breakers for the whole process: after ``Configuration/failureThreshold`` consecutive
/// failures a provider's circuit opens and calls to it fail at once with ``HTTPClientError/Code/circuitOpen``, with
/// no I/O, for ``Configuration/coolDown``; then exactly one probe call is let through, and its outcome closes or
/// re-opens the circuit.
///
/// A failure is a transport failure (connection, timeout, transport) or a `5xx`/`429` response; any other response
/// is a success. Failures that happen before any I/O, and oversize responses, are neutral (see ``Outcome``).
///
/// Ownership and threading: build **one** at start-up and hand it to every worker thread's ``ProviderClient``; it
/// is the only shared object in the HTTP client. State lives under a `Mutex`, held only for a few comparisons and
/// never during I/O. Every ``Permit`` from ``acquire(_:host:)`` must be reported exactly once with
/// ``record(_:for:)`` (``ProviderClient`` does this); an unreported probe keeps its circuit half-open and
/// rejecting.
public final class CircuitBreaker: Sendable {
    /// Thresholds, shared by every provider of this breaker.
    public struct Configuration: Sendable, Equatable {
        /// Consecutive failures that open a closed circuit. Default 5.
        public var failureThreshold: Int
        /// How long an open circuit rejects calls before letting one probe through. Default 30 s.
        public var coolDown: Duration

        /// Creates a configuration; the defaults suit calls to external providers.
        public init(failureThreshold: Int = 5, coolDown: Duration = .seconds(30)) {
            self.failureThreshold = failureThreshold
            self.coolDown = coolDown
        }
    }

    /// A circuit's state, for logs and metrics.
    public enum State: String, Sendable, CustomStringConvertible {
        /// Calls pass; consecutive failures are counted.
        case closed
        /// Calls are rejected until the cool-down ends.
        case open
        /// The cool-down has ended: the next call is the probe, and calls during the probe are rejected.
        case halfOpen = "half_open"

        /// The raw value, e.g. `half_open`.
        public var description: String { rawValue }
    }

    /// How a call admitted by a ``Permit`` ended, as far as the provider's health is concerned.
    public enum Outcome: Sendable {
        /// The provider answered with a status below 500 other than 429.
        case success
        /// A transport failure, or a 5xx or 429 response.
        case failure
        /// Says nothing about the provider (e.g. the request was refused locally); only frees a probe slot.
        case neutral
    }

    /// Leave to send one request to one provider; report it with ``CircuitBreaker/record(_:for:)``.
    public struct Permit: Sendable {
        /// The provider it was granted for.
        public let provider: String
        let probe: UInt64?
        /// Whether this call is the half-open circuit's single probe.
        public var isProbe: Bool { probe != nil }
    }

    /// The thresholds in force.
    public let configuration: Configuration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let circuits = Mutex<[String: Circuit]>([:])

    /// - Parameters:
    ///   - configuration: thresholds for every provider.
    ///   - clock: the time source; tests inject a manual one to pass the cool-down without sleeping.
    /// - Throws: ``HTTPClientError/Code/invalidConfiguration`` for a threshold below 1 or a negative cool-down.
    public init(configuration: Configuration = .init(),
                clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) throws(HTTPClientError) {
        guard configuration.failureThreshold >= 1, configuration.coolDown >= .zero else {
            throw HTTPClientError(.invalidConfiguration, detail: "breaker threshold must be ≥ 1, cool-down ≥ 0")
        }
        self.configuration = configuration
        self.now = clock
    }

    /// Asks to send one request to `provider`.
    /// - Parameter host: named in the error, for logs.
    /// - Throws: ``HTTPClientError/Code/circuitOpen`` when the circuit is open, or half-open with its probe in flight.
    public func acquire(_ provider: String, host: String? = nil) throws(HTTPClientError) -> Permit {
        let now = self.now()
        let admission = circuits.withLock { $0[provider, default: Circuit()].admit(now: now) }
        switch admission {
        case .pass:
            return Permit(provider: provider, probe: nil)
        case .probe(let id):
            return Permit(provider: provider, probe: id)
        case .reject(let until):
            let wait = until.map { "open for another \(max(.zero, $0 - now).curlMilliseconds) ms" }
            throw HTTPClientError(.circuitOpen, host: host,
                                  detail: "circuit for provider '\(provider)' \(wait ?? "half-open, probe in flight")")
        }
    }

    /// Reports how the call admitted by `permit` ended.
    /// - Returns: the circuit's state afterwards.
    @discardableResult
    public func record(_ outcome: Outcome, for permit: Permit) -> State {
        let now = self.now()
        let configuration = configuration
        return circuits.withLock { circuits in
            circuits[permit.provider, default: Circuit()].record(outcome, probe: permit.probe, now: now,
                                                                 configuration: configuration)
            return circuits[permit.provider, default: Circuit()].state(now: now)
        }
    }

    /// The state of `provider`'s circuit (closed if it has never been used).
    public func state(of provider: String) -> State {
        let now = self.now()
        return circuits.withLock { $0[provider]?.state(now: now) ?? .closed }
    }

    /// The state of every provider used so far, for metrics.
    public var states: [String: State] {
        let now = self.now()
        return circuits.withLock { $0.mapValues { $0.state(now: now) } }
    }
}
