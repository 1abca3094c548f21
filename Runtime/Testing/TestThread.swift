internal import Glibc

/// A joinable POSIX thread for tests that must block (sockets, a server loop) without tying up Swift
/// concurrency's small cooperative pool.
public struct TestThread: Sendable {
    private let handle: pthread_t

    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body` on a new thread.
    ///
    /// - Throws: ``FastCGIClientError`` `.socket(call: "pthread_create", …)` when no thread can be created.
    public static func start(_ body: @escaping @Sendable () -> Void) throws(FastCGIClientError) -> TestThread {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var handle = pthread_t()
        let code = pthread_create(&handle, nil, { argument in
            guard let argument else { return nil }
            Unmanaged<Body>.fromOpaque(argument).takeRetainedValue().run()
            return nil
        }, box)
        guard code == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            throw .socket(call: "pthread_create", errno: code)
        }
        return TestThread(handle: handle)
    }

    /// Waits for the thread to end. Call at most once, and never after ``detach()``.
    public func join() { pthread_join(handle, nil) }

    /// Lets the thread's resources go when it ends, without anyone joining it.
    public func detach() { pthread_detach(handle) }

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
