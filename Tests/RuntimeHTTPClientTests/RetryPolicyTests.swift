import RuntimeHTTPClient
import RuntimeTesting
import Testing

@Suite struct RetryPolicyTests {
    @Test func defaultsMatchTheDesign() {
        let policy = RetryPolicy()
        #expect(policy.maxAttempts == 3)
        #expect(policy.baseDelay == .milliseconds(200))
        #expect(policy.maxDelay == .seconds(5))
        #expect(policy.maxRetryAfter == .seconds(10))
        #expect(!policy.retriesInternalServerError)
    }

    @Test func onlyTransientStatusesAreRetried() {
        let policy = RetryPolicy()
        for status in [429, 502, 503, 504] { #expect(policy.retries(status: status), "\(status)") }
        for status in [200, 201, 301, 400, 401, 403, 404, 409, 422, 500, 501] {
            #expect(!policy.retries(status: status), "\(status)")
        }
        #expect(RetryPolicy(retriesInternalServerError: true).retries(status: 500))
    }

    @Test func onlyTransportFailuresAreRetried() {
        let policy = RetryPolicy()
        for code: HTTPClientError.Code in [.connectionFailed, .timeout, .transport] {
            #expect(policy.retries(error: code), "\(code)")
        }
        for code: HTTPClientError.Code in [.invalidURL, .insecureURL, .invalidRequest, .invalidConfiguration,
                                           .responseTooLarge, .circuitOpen,] {
            #expect(!policy.retries(error: code), "\(code)")
        }
    }

    @Test func idempotentMethodsOrAMarkAllowRetries() {
        for method in ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"] {
            #expect(HTTPClientRequest(method: method, url: "/").isRetrySafe, "\(method)")
        }
        for method in ["POST", "PATCH"] { #expect(!HTTPClientRequest(method: method, url: "/").isRetrySafe) }
        #expect(HTTPClientRequest(method: "POST", url: "/", isMarkedRetrySafe: true).isRetrySafe)
    }

    /// Full jitter: every wait lies in 0 ... min(5 s, 200 ms × 2^(n−1)) and the samples spread over that range.
    @Test func backoffIsFullJitterUnderADoublingCappedCeiling() {
        let policy = RetryPolicy()
        var random = SeededRandom(seed: 42)
        let ceilings: [Duration] = [.milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600),
                                    .milliseconds(3200), .seconds(5), .seconds(5), .seconds(5),]
        for (index, ceiling) in ceilings.enumerated() {
            let samples = (0..<500).map { _ in policy.backoff(afterAttempt: index + 1, using: &random) }
            #expect(samples.allSatisfy { $0 >= .zero && $0 <= ceiling }, "attempt \(index + 1)")
            #expect(samples.contains { $0 < ceiling * 0.1 }, "attempt \(index + 1) low end")
            #expect(samples.contains { $0 > ceiling * 0.9 }, "attempt \(index + 1) high end")
        }
        #expect(policy.backoff(afterAttempt: 10_000, using: &random) <= .seconds(5))
    }

    @Test func retryAfterDeltaSeconds() throws {
        #expect(RetryPolicy.retryAfter("1", nowEpochSeconds: 0) == .seconds(1))
        #expect(RetryPolicy.retryAfter(" 120 ", nowEpochSeconds: 0) == .seconds(120))
        #expect(RetryPolicy.retryAfter("0", nowEpochSeconds: 0) == .zero)
        #expect(try #require(RetryPolicy.retryAfter("99999999999999999999", nowEpochSeconds: 0)) > .seconds(1_000_000))
    }

    /// RFC 9110's three date forms; 784111777 is Sun, 06 Nov 1994 08:49:37 GMT.
    @Test(arguments: ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])
    func retryAfterHTTPDate(_ value: String) {
        #expect(RetryPolicy.retryAfter(value, nowEpochSeconds: 784_111_777 - 30) == .seconds(30))
        #expect(RetryPolicy.retryAfter(value, nowEpochSeconds: 784_111_777 + 30) == .zero)
    }

    @Test(arguments: ["", "  ", "soon", "-5", "1.5", "+3"])
    func retryAfterGarbageIsIgnored(_ value: String) {
        #expect(RetryPolicy.retryAfter(value, nowEpochSeconds: 1_445_412_480) == nil)
    }
}
