internal import Glibc

/// Termination signals for the worker process: blocked in every thread (the mask is inherited), then taken
/// synchronously by the main thread with `sigtimedwait`, so no handler runs on a worker thread mid-job.
enum WorkerSignals {
    static let termination: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    private static var set: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in termination { sigaddset(&set, signal) }
        return set
    }

    /// Blocks the termination signals in the calling thread (and threads it starts later); ignores SIGPIPE.
    static func block() {
        var mask = set
        pthread_sigmask(SIG_BLOCK, &mask, nil)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Waits up to `timeout` for a termination signal; its number, or nil on timeout.
    static func wait(timeout: Duration) -> Int32? {
        var mask = set
        let (seconds, attoseconds) = timeout.components
        var spec = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        let received = sigtimedwait(&mask, nil, &spec)
        return received > 0 ? received : nil
    }

    /// Sleeps the calling thread (EINTR resumes the remaining time).
    static func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var remaining = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        while true {
            var request = remaining
            guard nanosleep(&request, &remaining) != 0, errno == EINTR else { return }
        }
    }
}
