internal import Glibc
internal import Runtime

/// Termination signals for the worker process: blocked in every thread (the mask is inherited), then taken
/// synchronously by the main thread with `sigtimedwait`, so no handler runs on a worker thread mid-job.
enum WorkerSignals {
    /// Blocks the termination signals in the calling thread (and threads it starts later); ignores SIGPIPE.
    static func block() {
        SignalSet.termination.block()
        signal(SIGPIPE, SIG_IGN)
    }

    /// Waits up to `timeout` for a termination signal; its number, or nil on timeout.
    static func wait(timeout: Duration) -> Int32? {
        SignalSet.termination.wait(timeout: timeout)
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
