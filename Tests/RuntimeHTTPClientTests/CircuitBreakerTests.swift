import RuntimeHTTPClient
import RuntimeTesting
import Testing

/// A clock the test moves by hand, so cool-downs pass without sleeping.
final class ManualClock: Sendable {
    private let instant = Locked(ContinuousClock.now)
    var now: @Sendable () -> ContinuousClock.Instant { { [instant] in instant.value } }
    func advance(_ duration: Duration) { instant.withLock { $0 += duration } }
}

/// The error `body` throws, or nil.
func thrown<T>(_ body: () throws(HTTPClientError) -> T) -> HTTPClientError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

@Suite struct CircuitBreakerTests {
    let clock = ManualClock()

    func breaker(threshold: Int = 3, coolDown: Duration = .seconds(30)) throws -> CircuitBreaker {
        try CircuitBreaker(configuration: .init(failureThreshold: threshold, coolDown: coolDown), clock: clock.now)
    }

    func fail(_ breaker: CircuitBreaker, _ provider: String = "p", times: Int) throws {
        for _ in 0..<times { breaker.record(.failure, for: try breaker.acquire(provider)) }
    }

    @Test func defaults() throws {
        let configuration = try CircuitBreaker().configuration
        #expect(configuration.failureThreshold == 5)
        #expect(configuration.coolDown == .seconds(30))
    }

    @Test func opensAfterThresholdConsecutiveFailuresOnly() throws {
        let breaker = try breaker()
        try fail(breaker, times: 2)
        breaker.record(.success, for: try breaker.acquire("p"))
        try fail(breaker, times: 2)
        #expect(breaker.state(of: "p") == .closed)
        try fail(breaker, times: 1)
        #expect(breaker.state(of: "p") == .open)
        let error = try #require(thrown { () throws(HTTPClientError) in try breaker.acquire("p", host: "api.x") })
        #expect(error.code == .circuitOpen)
        #expect(error.description == "HTTPClientError(circuit_open, host: api.x)")
    }

    @Test func neutralOutcomesNeitherCountNorReset() throws {
        let breaker = try breaker()
        try fail(breaker, times: 2)
        breaker.record(.neutral, for: try breaker.acquire("p"))
        try fail(breaker, times: 1)
        #expect(breaker.state(of: "p") == .open)
    }

    @Test func providersHaveSeparateCircuits() throws {
        let breaker = try breaker()
        try fail(breaker, "a", times: 3)
        #expect(breaker.state(of: "a") == .open)
        #expect(breaker.state(of: "b") == .closed)
        #expect(try breaker.acquire("b").isProbe == false)
        #expect(breaker.states == ["a": .open, "b": .closed])
    }

    @Test func afterTheCoolDownExactlyOneProbeIsAdmitted() throws {
        let breaker = try breaker()
        try fail(breaker, times: 3)
        clock.advance(.seconds(29))
        #expect(thrown { () throws(HTTPClientError) in try breaker.acquire("p") }?.code == .circuitOpen)
        clock.advance(.seconds(1))
        #expect(breaker.state(of: "p") == .halfOpen)
        let probe = try breaker.acquire("p")
        #expect(probe.isProbe)
        for _ in 0..<5 {
            #expect(thrown { () throws(HTTPClientError) in try breaker.acquire("p") }?.code == .circuitOpen)
        }
        #expect(breaker.record(.success, for: probe) == .closed)
        #expect(try breaker.acquire("p").isProbe == false)
    }

    @Test func aFailedProbeReopensForAFullCoolDown() throws {
        let breaker = try breaker()
        try fail(breaker, times: 3)
        clock.advance(.seconds(30))
        #expect(breaker.record(.failure, for: try breaker.acquire("p")) == .open)
        clock.advance(.seconds(29))
        #expect(thrown { () throws(HTTPClientError) in try breaker.acquire("p") }?.code == .circuitOpen)
        clock.advance(.seconds(1))
        #expect(try breaker.acquire("p").isProbe)
    }

    /// A probe refused locally (say, a malformed request) tells nothing: the next caller probes instead.
    @Test func aNeutralProbeFreesTheSlot() throws {
        let breaker = try breaker()
        try fail(breaker, times: 3)
        clock.advance(.seconds(30))
        #expect(breaker.record(.neutral, for: try breaker.acquire("p")) == .halfOpen)
        let second = try breaker.acquire("p")
        #expect(second.isProbe)
        #expect(breaker.record(.success, for: second) == .closed)
    }

    /// Calls still in flight when the circuit opened must not close it, and a superseded probe counts for nothing.
    @Test func staleOutcomesAreIgnored() throws {
        let breaker = try breaker()
        let early = try breaker.acquire("p")
        try fail(breaker, times: 3)
        clock.advance(.seconds(30))
        let probe = try breaker.acquire("p")
        #expect(breaker.record(.success, for: early) == .halfOpen)
        #expect(breaker.record(.neutral, for: probe) == .halfOpen)
        let secondProbe = try breaker.acquire("p")
        #expect(breaker.record(.success, for: probe) == .halfOpen)
        #expect(breaker.record(.failure, for: secondProbe) == .open)
    }

    @Test func invalidConfigurationIsRefused() {
        #expect(thrown { () throws(HTTPClientError) in try CircuitBreaker(configuration: .init(failureThreshold: 0)) }?
            .code == .invalidConfiguration)
        #expect(thrown { () throws(HTTPClientError) in
            try CircuitBreaker(configuration: .init(coolDown: .seconds(-1)))
        }?.code == .invalidConfiguration)
    }
}
