extension CircuitBreaker {
    /// One provider's breaker as a pure state machine: events in, decisions out; no I/O, no locks, no clock reads
    /// (the time is passed in), so every transition is a one-line test.
    ///
    /// closed(failures) --failure, failures + 1 = threshold--> open(until: now + coolDown)
    /// open(until) --admit at or after `until`--> halfOpen(probe: id), that caller gets the probe
    /// halfOpen(probe: id) --admit--> rejected;  --probe success--> closed(0);  --probe failure--> open
    /// halfOpen(probe: id) --probe neutral--> halfOpen(probe: nil), the next caller gets a new probe
    ///
    /// Outcomes of permits handed out in an earlier phase (calls still in flight when the circuit opened, or an old
    /// probe) are ignored, so only the one probe decides whether a half-open circuit closes.
    struct Circuit: Sendable, Equatable {
        enum Phase: Sendable, Equatable {
            case closed(failures: Int)
            case open(until: ContinuousClock.Instant)
            /// `probe` is the id of the probe in flight, nil when none is.
            case halfOpen(probe: UInt64?)
        }

        /// What ``admit(now:)`` decided.
        enum Admission: Sendable, Equatable {
            /// Closed: go ahead.
            case pass
            /// Half-open: go ahead as the one probe with this id; report its outcome.
            case probe(UInt64)
            /// Open until `until`, or (nil) half-open with the probe in flight.
            case reject(until: ContinuousClock.Instant?)
        }

        private(set) var phase: Phase = .closed(failures: 0)
        private var lastProbe: UInt64 = 0

        /// A caller wants to send a request at `now`.
        mutating func admit(now: ContinuousClock.Instant) -> Admission {
            switch phase {
            case .closed:
                return .pass
            case .open(let until) where now < until:
                return .reject(until: until)
            case .open, .halfOpen(probe: nil):
                lastProbe += 1
                phase = .halfOpen(probe: lastProbe)
                return .probe(lastProbe)
            case .halfOpen:
                return .reject(until: nil)
            }
        }

        /// A call admitted earlier finished with `outcome`; `probe` is the id it was admitted with, nil for `.pass`.
        mutating func record(_ outcome: Outcome, probe: UInt64?, now: ContinuousClock.Instant,
                             configuration: Configuration) {
            switch (phase, probe) {
            case (.closed(let failures), nil):
                switch outcome {
                case .success:
                    phase = .closed(failures: 0)
                case .failure where failures + 1 >= configuration.failureThreshold:
                    phase = .open(until: now + configuration.coolDown)
                case .failure:
                    phase = .closed(failures: failures + 1)
                case .neutral:
                    break
                }
            case (.halfOpen(let current?), let id?) where current == id:
                switch outcome {
                case .success: phase = .closed(failures: 0)
                case .failure: phase = .open(until: now + configuration.coolDown)
                case .neutral: phase = .halfOpen(probe: nil)
                }
            default:
                break
            }
        }

        /// The state as seen at `now`: an open circuit whose cool-down has passed reports half-open.
        func state(now: ContinuousClock.Instant) -> State {
            switch phase {
            case .closed: return .closed
            case .open(let until): return now < until ? .open : .halfOpen
            case .halfOpen: return .halfOpen
            }
        }
    }
}
