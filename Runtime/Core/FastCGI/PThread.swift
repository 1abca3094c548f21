internal import Glibc

/// A joinable POSIX thread running a Swift closure (Runtime stays free of Foundation's `Thread`).
///
/// The package's one pthread wrapper: the server's workers, background chores and the test support's threads.
package struct PThread: Sendable {
    private let handle: pthread_t

    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body` on a new thread. - Throws: ``FastCGIError/threadFailed(errno:)``.
    package static func start(_ body: @escaping @Sendable () -> Void) throws(FastCGIError) -> PThread {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var handle = pthread_t()
        let code = pthread_create(&handle, nil, { argument in
            guard let argument else { return nil }
            Unmanaged<Body>.fromOpaque(argument).takeRetainedValue().run()
            return nil
        }, box)
        guard code == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            throw .threadFailed(errno: code)
        }
        return PThread(handle: handle)
    }

    /// Waits for the thread to end. Call at most once, and never after ``detach()``.
    package func join() { pthread_join(handle, nil) }

    /// Lets the thread's resources go when it ends, without anyone joining it.
    package func detach() { pthread_detach(handle) }
}

/// The signals that stop a process gracefully (a function or the worker).
package struct SignalSet: Sendable {
    package static let termination = SignalSet(signals: [SIGTERM, SIGINT, SIGHUP])
    package let signals: [Int32]

    private var set: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return set
    }

    /// Blocks the signals in the calling thread and every thread it starts afterwards.
    package func block() { _ = blockSaving() }

    /// Like ``block()``, returning the mask before, for ``restore(_:)``.
    func blockSaving() -> sigset_t {
        var set = self.set
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &set, &previous)
        return previous
    }

    /// Puts back a mask returned by ``blockSaving()``.
    static func restore(_ mask: sigset_t) {
        var mask = mask
        pthread_sigmask(SIG_SETMASK, &mask, nil)
    }

    /// Waits up to `timeout` for one of the (blocked) signals; its number, or nil on timeout.
    package func wait(timeout: Duration) -> Int32? {
        var set = self.set
        let (seconds, attoseconds) = timeout.components
        var spec = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        let received = sigtimedwait(&set, nil, &spec)
        return received > 0 ? received : nil
    }

    /// Waits for one of the (blocked) signals and returns its number.
    package func wait() -> Int32 {
        var set = self.set
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        return received
    }
}

/// A detached background thread for process-wide chores (e.g. a `LISTEN` loop that invalidates caches).
public enum BackgroundThread {
    /// Starts `body` on a new detached thread that never receives SIGTERM, SIGINT or SIGHUP: those belong to
    /// the server's `sigwait` thread, and a chore thread taking one (libfcgi's handler would swallow it)
    /// would keep the process from stopping.
    public static func start(_ body: @escaping @Sendable () -> Void) throws(FastCGIError) {
        let previous = SignalSet.termination.blockSaving()
        defer { SignalSet.restore(previous) }
        let thread = try PThread.start(body)
        thread.detach()
    }
}
