public import Logging
public import Runtime
internal import Synchronization

/// An in-memory sink for ``JSONLogHandler``: every line the handler writes is kept, to assert on logging
/// contracts (request id present, secrets absent).
///
/// Thread-safe: lines are appended under a `Mutex`, so loggers on many threads may share one capture.
public final class LogCapture: Sendable {
    private let storage = Mutex<[String]>([])

    public init() {}

    /// The sink to hand to ``JSONLogHandler/init(label:level:sink:)``.
    public var sink: @Sendable (String) -> Void {
        { [storage = self] line in storage.append(line) }
    }

    /// A logger writing through a ``JSONLogHandler`` into this capture.
    public func logger(label: String = "test", level: Logger.Level = .trace) -> Logger {
        let sink = self.sink
        return Logger(label: label) { label in JSONLogHandler(label: label, level: level, sink: sink) }
    }

    /// The lines written so far, each with its trailing newline.
    public var lines: [String] { storage.withLock { $0 } }

    /// Every line decoded as a JSON object.
    ///
    /// - Throws: `DecodingError` when a line is not one JSON object.
    public func records() throws -> [[String: JSONValue]] {
        try lines.map { try JSONValue.object(from: Array($0.utf8)) }
    }

    /// The decoded lines whose `msg` is `message`.
    public func records(message: String) throws -> [[String: JSONValue]] {
        try records().filter { $0["msg"] == .string(message) }
    }

    /// Forgets every line captured so far.
    public func removeAll() { storage.withLock { $0.removeAll() } }

    private func append(_ line: String) { storage.withLock { $0.append(line) } }
}
