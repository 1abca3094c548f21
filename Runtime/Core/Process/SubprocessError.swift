/// Why ``Subprocess/run(_:arguments:input:timeout:maxOutputBytes:maxErrorBytes:environment:)`` could not run a
/// program to completion. Descriptions hold the program's path and the C error text, never its input or output.
public struct SubprocessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String { case notFound = "not_found", spawnFailed = "spawn_failed", ioFailed = "io_failed" }
        private let value: Value
        /// The executable does not exist or is not executable.
        public static var notFound: Code { Code(value: .notFound) }
        /// `pipe`/`posix_spawn` failed (out of processes or descriptors).
        public static var spawnFailed: Code { Code(value: .spawnFailed) }
        /// Reading from or writing to the child failed.
        public static var ioFailed: Code { Code(value: .ioFailed) }
        public var description: String { value.rawValue }
    }

    public let code: Code
    /// A short, safe explanation (the C error text of the failing call).
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "subprocess \(code): \(detail)" }
}

/// How a child process ended.
public struct SubprocessResult: Sendable, Equatable {
    /// The exit code when the child exited normally; nil when a signal ended it.
    public let exitCode: Int32?
    /// The signal that ended the child, if any (SIGKILL after a timeout or an output overflow).
    public let signal: Int32?
    /// Standard output, at most the caller's `maxOutputBytes`.
    public let stdout: [UInt8]
    /// Standard error, at most the caller's `maxErrorBytes` (the rest is dropped; the child is not killed for it).
    public let stderr: [UInt8]
    /// True when the wall-clock timeout expired and the child was killed.
    public let timedOut: Bool
    /// True when standard output exceeded `maxOutputBytes` and the child was killed.
    public let outputTruncated: Bool

    /// True for a normal exit with status 0, within time and output limits.
    public var succeeded: Bool { exitCode == 0 && !timedOut && !outputTruncated }

    /// The first non-empty line of standard error, or nil.
    public var firstErrorLine: String? {
        String(decoding: stderr, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map(\.trimmingWhitespace).first { !$0.isEmpty }
    }
}
