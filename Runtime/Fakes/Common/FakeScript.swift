public import Runtime
public import RuntimeTesting

/// A scripted misbehaviour for the next matching request to a provider fake.
public enum FakeFailure: Sendable {
    /// Answer with `status` and the provider's own error body shape.
    case status(Int)
    /// 429 with `Retry-After: seconds`.
    case rateLimited(retryAfter: Int)
    /// Answer normally, but only after `delay` (to exercise timeouts).
    case slow(Duration)
    /// 200 with a body that is not JSON.
    case malformedJSON
    /// Close the connection without answering.
    case drop
}

/// The failures queued on one fake: each is used once, by the first request whose route matches.
///
/// Routes are `"METHOD /path-pattern"` strings chosen by each fake (e.g. `POST /IncomingPhoneNumbers`); a nil
/// route matches any request. Thread-safe.
public final class FakeScript: Sendable {
    private let queue = Locked<[(route: String?, failure: FakeFailure)]>([])

    public init() {}

    /// Queues `failure` for the next request to `route` (any route when nil).
    public func failNext(_ failure: FakeFailure, route: String? = nil) {
        queue.withLock { $0.append((route, failure)) }
    }

    /// Removes and returns the first failure queued for `route`.
    public func take(for route: String) -> FakeFailure? {
        queue.withLock { queue in
            guard let index = queue.firstIndex(where: { $0.route == nil || $0.route == route }) else { return nil }
            return queue.remove(at: index).failure
        }
    }

    /// Applies `failure`, using `errorBody` for status answers; `normal` is the regular answer (for `.slow`).
    public static func apply(_ failure: FakeFailure, errorBody: (Int) -> JSONValue,
                             normal: () -> LoopbackHTTPServer.ScriptedResponse) -> LoopbackHTTPServer.ScriptedResponse {
        switch failure {
        case .status(let status):
            return FakeHTTP.json(status, errorBody(status))
        case .rateLimited(let seconds):
            var response = FakeHTTP.json(429, errorBody(429))
            response.headers.append(("Retry-After", String(seconds)))
            return response
        case .slow(let delay):
            var response = normal()
            response.delay = delay
            return response
        case .malformedJSON:
            return .init(status: 200, headers: [("Content-Type", "application/json")], text: "{\"truncated\": ")
        case .drop:
            return .drop()
        }
    }
}

/// Small helpers the fakes share: JSON answers, ids, header checks.
public enum FakeHTTP {
    /// A JSON answer with `Content-Type: application/json`.
    public static func json(_ status: Int, _ value: JSONValue, headers: [(String, String)] = [])
        -> LoopbackHTTPServer.ScriptedResponse
    {
        let body = (try? JSON.encode(value)) ?? Array("{}".utf8)
        return .init(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    /// `count` random bytes as lower-case hex.
    public static func hex(bytes count: Int) -> String {
        (0..<count).map { _ in
            let byte = UInt8.random(in: 0...255)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// A random RFC 4122 version-4 UUID, lower case.
    public static func uuid() -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// The path without its query, and the decoded query pairs.
    public static func split(_ target: String) -> (path: String, query: [(name: String, value: String)]) {
        guard let mark = target.firstIndex(of: "?") else { return (target, []) }
        return (String(target[..<mark]), FormURLEncoded.parse(String(target[target.index(after: mark)...])))
    }

    /// The media type of a `Content-Type` header, lower-cased, without parameters.
    public static func mediaType(_ request: LoopbackHTTPServer.RecordedRequest) -> String? {
        request.headers["content-type"].map {
            String($0.split(separator: ";", omittingEmptySubsequences: false)[0].filter { $0 != " " && $0 != "\t" }).lowercased()
        }
    }
}
