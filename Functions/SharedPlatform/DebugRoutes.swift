internal import Glibc
internal import Logging
internal import RuntimePostgres
public import Runtime

/// Test-only routes under `/api/v1/<function>/debug/`, installed only when `DEBUG_ROUTES=1`.
///
/// They let the end-to-end tests provoke what real traffic rarely does on demand: a slow request (graceful
/// shutdown, deadlines), an unexpected failure (the generic 500 and its log line) and JSON decoding.
public enum DebugRoutes {
    /// Longest sleep `/debug/sleep` accepts.
    public static let maxSleepMilliseconds = 60_000

    struct Echo: Codable {
        let message: String
    }

    struct Slept: Encodable {
        let slept_ms: Int
    }

    /// An error that is not a ``ResponseError``, as an unexpected bug would be.
    struct DebugFailure: Error, CustomStringConvertible {
        let requestID: String
        var description: String { "debug failure requested (request \(requestID))" }
    }

    public static func install(on router: inout PlatformRouter, function: String) {
        let base = "/api/v1/\(function)/debug"
        router.get("\(base)/sleep") { request, _ in
            guard let text = request.query("ms"), let milliseconds = Int(text), (0...maxSleepMilliseconds).contains(milliseconds) else {
                throw HTTPError.invalid("ms", "ms must be an integer from 0 to \(maxSleepMilliseconds).")
            }
            usleep(UInt32(milliseconds) * 1000)
            return try .json(Slept(slept_ms: milliseconds))
        }
        router.get("\(base)/fail") { request, _ in
            throw DebugFailure(requestID: request.requestID)
        }
        router.post("\(base)/echo") { request, _ in
            try .json(request.decode(Echo.self))
        }
        router.get("\(base)/db-sleep") { request, context in
            guard let text = request.query("ms"), let milliseconds = Int(text), (0...maxSleepMilliseconds).contains(milliseconds) else {
                throw HTTPError.invalid("ms", "ms must be an integer from 0 to \(maxSleepMilliseconds).")
            }
            _ = try context.services.database.transaction(deadline: context.deadline) { connection in
                try connection.query("SELECT pg_sleep(\(Double(milliseconds) / 1000))")
            }
            return try .json(Slept(slept_ms: milliseconds))
        }
    }
}
