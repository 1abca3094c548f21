internal import Glibc
internal import Runtime

/// A joinable POSIX thread for tests that must block (sockets, a server loop) without tying up Swift
/// concurrency's small cooperative pool.
public struct TestThread: Sendable {
    private let thread: PThread

    /// Starts `body` on a new thread.
    ///
    /// - Throws: ``FastCGIClientError`` `.socket(call: "pthread_create", …)` when no thread can be created.
    public static func start(_ body: @escaping @Sendable () -> Void) throws(FastCGIClientError) -> TestThread {
        do {
            return TestThread(thread: try PThread.start(body))
        } catch {
            guard case .threadFailed(let code) = error else { throw .socket(call: "pthread_create", errno: 0) }
            throw .socket(call: "pthread_create", errno: code)
        }
    }

    /// Waits for the thread to end. Call at most once, and never after ``detach()``.
    public func join() { thread.join() }

    /// Lets the thread's resources go when it ends, without anyone joining it.
    public func detach() { thread.detach() }

    /// Runs `body(0..<count)` on `count` threads at once and returns the results in index order.
    public static func concurrently<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T)
        throws(FastCGIClientError) -> [T]
    {
        let results = Locked<[Int: T]>([:])
        var threads: [TestThread] = []
        defer { for thread in threads { thread.join() } }
        for index in 0..<count {
            threads.append(try start {
                let value = body(index)
                results.withLock { $0[index] = value }
            })
        }
        for thread in threads { thread.join() }
        threads = []
        return results.withLock { all in (0..<count).compactMap { all[$0] } }
    }

    /// Sleeps the calling thread.
    public static func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var remaining = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        while true {
            var request = remaining
            guard nanosleep(&request, &remaining) != 0, errno == EINTR else { return }
        }
    }
}
