internal import Glibc
internal import Logging
internal import Runtime

extension ProviderClient {
    /// The least time a retry must still have before the deadline after its wait; with less, the previous answer is
    /// returned rather than a certain timeout.
    static let minimumAttemptTime: Duration = .milliseconds(100)

    /// How one attempt bears on the provider's health: 5xx, 429 and transport failures count against it; answers
    /// below 500 count for it; local refusals and oversize bodies say nothing.
    static func outcome(of result: Result<HTTPClientResponse, HTTPClientError>) -> CircuitBreaker.Outcome {
        switch result {
        case .success(let response):
            return response.status >= 500 || response.status == 429 ? .failure : .success
        case .failure(let error):
            return error.code == .connectionFailed || error.code == .timeout || error.code == .transport
                ? .failure : .neutral
        }
    }

    /// How long to wait before sending again after `result` of attempt number `attempt`, or nil to stop: the answer
    /// is final, the provider asked for a longer pause than ``RetryPolicy/maxRetryAfter``, or the deadline would pass.
    func wait(after result: Result<HTTPClientResponse, HTTPClientError>, attempt: Int, deadline: Deadline?)
        -> Duration?
    {
        var wait: Duration
        switch result {
        case .success(let response):
            guard retry.retries(status: response.status) else { return nil }
            if let header = response.headers["retry-after"],
                let asked = RetryPolicy.retryAfter(header, nowEpochSeconds: Timestamp.epochSeconds())
            {
                guard asked <= retry.maxRetryAfter else { return nil }
                wait = asked
            } else {
                wait = retry.backoff(afterAttempt: attempt, using: &random)
            }
        case .failure(let error):
            guard retry.retries(error: error.code) else { return nil }
            wait = retry.backoff(afterAttempt: attempt, using: &random)
        }
        if let deadline, deadline.remaining - wait < Self.minimumAttemptTime { return nil }
        return wait
    }

    /// Blocks the calling thread for `duration` (a worker thread: nothing else runs on it meanwhile).
    static func sleep(_ duration: Duration) {
        guard duration > .zero else { return }
        let (seconds, attoseconds) = duration.components
        var remaining = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        while true {
            var request = remaining
            guard nanosleep(&request, &remaining) != 0, errno == EINTR else { return }
        }
    }

    /// `url` up to its first `?` or `#`: query strings may carry keys (`?api_key=`) and never reach the log.
    static func pathWithoutQuery(_ url: String) -> String {
        String(url.prefix { $0 != "?" && $0 != "#" })
    }

    /// Writes the one line per call: `info` for answers below 500 (4xx are the caller's business), else `warning`.
    func log(_ result: Result<HTTPClientResponse, HTTPClientError>, method: String, path: String, attempts: Int,
             since started: ContinuousClock.Instant, to logger: Logger) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        var metadata: Logger.Metadata = [
            "provider": "\(name)",
            "http.method": "\(method)",
            "http.path": "\(path)",
            "http.attempts": .stringConvertible(attempts),
            "duration_ms": .stringConvertible(Int(milliseconds)),
            "circuit.state": "\(breaker.state(of: name))",
        ]
        let level: Logger.Level
        switch result {
        case .success(let response):
            metadata["http.status"] = .stringConvertible(response.status)
            level = response.status >= 500 ? .warning : .info
        case .failure(let error):
            metadata["error.code"] = "\(error.code)"
            metadata["error.host"] = "\(error.host ?? host)"
            level = .warning
        }
        logger.log(level: level, "provider call", metadata: metadata)
    }
}
