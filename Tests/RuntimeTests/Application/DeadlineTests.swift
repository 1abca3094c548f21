import Runtime
import Testing

@Suite struct DeadlineTests {
    @Test func futureDeadlineHasTimeLeft() throws {
        let deadline = Deadline(after: .seconds(2))
        #expect(!deadline.isExpired)
        #expect(deadline.remaining > .milliseconds(1500) && deadline.remaining <= .seconds(2))
        #expect((1500...2000).contains(deadline.remainingMilliseconds))
        try deadline.check()
    }

    @Test func pastDeadlineIsExpired() {
        let deadline = Deadline(instant: .now - .seconds(1))
        #expect(deadline.isExpired)
        #expect(deadline.remaining == .zero)
        #expect(deadline.remainingMilliseconds == 1)
        let error = #expect(throws: HTTPError.self) { try deadline.check() }
        #expect(error?.status == 504)
        #expect(error?.code == .deadlineExceeded)
    }

    @Test func zeroDurationExpiresAtOnce() {
        #expect(Deadline(after: .zero).isExpired)
    }
}
