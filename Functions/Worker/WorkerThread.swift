internal import Glibc
internal import Synchronization

/// A joinable POSIX thread for one worker loop (the worker blocks in libpq and libcurl, so it must not run on
/// Swift concurrency's small cooperative pool).
struct WorkerThread {
    private let handle: pthread_t

    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body`; the thread inherits the caller's signal mask. Returns nil when no thread can be created.
    static func start(_ body: @escaping @Sendable () -> Void) -> WorkerThread? {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var handle = pthread_t()
        let code = pthread_create(&handle, nil, { argument in
            guard let argument else { return nil }
            Unmanaged<Body>.fromOpaque(argument).takeRetainedValue().run()
            return nil
        }, box)
        guard code == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return nil
        }
        return WorkerThread(handle: handle)
    }

    func join() { pthread_join(handle, nil) }
}

/// The shared "please stop" flag: set once by the signal thread, read by every worker between jobs.
public final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public var isSet: Bool { flag.load(ordering: .acquiring) }
    public func set() { flag.store(true, ordering: .releasing) }
}
