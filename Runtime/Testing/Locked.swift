public import Synchronization

/// A mutex-guarded value that escaping closures can share (a `Mutex` alone cannot be captured).
public final class Locked<Value: Sendable>: Sendable {
    /// The lock and its value, for callers that need `Mutex`'s full API.
    public let mutex: Mutex<Value>
    /// Guards `value`.
    public init(_ value: Value) { mutex = Mutex(value) }

    /// A copy of the current value.
    public var value: Value { mutex.withLock { $0 } }

    /// Runs `body` with exclusive access to the value.
    public func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
}
