internal import FoundationEssentials
public import Runtime
public import RuntimeTesting

/// A local SendGrid v3 Mail Send endpoint (`POST /v3/mail/send`) for tests and `make run`: it checks the bearer
/// key and the body against the wire format (wire-formats §A2; ``validate(_:)``), answers `202 Accepted` with an
/// `X-Message-Id` header like SendGrid, records every request, and can be scripted to fail.
///
/// A mail counts as **accepted** only when the 202 goes out to a client that is still connected: if the client
/// dies while the fake holds the answer (``acceptDelay`` or ``Failure/slow(_:)``), nothing is accepted,
/// which is how the crash test models "received but not accepted". ``acceptedCount(idempotencyKey:)`` counts
/// accepted mails per `custom_args.outbox_key`. Threading: Sendable; requests are served on their own threads.
public final class FakeSendGridServer: Sendable {
    /// A scripted answer, used for the next request instead of the normal one (in the order given).
    public enum Failure: Sendable {
        /// Answer with this status and a SendGrid-style error body (400, 401, 403, 413, 500, 503…).
        case status(Int)
        /// 429 with `Retry-After: <seconds>`.
        case tooManyRequests(retryAfter: Int)
        /// Validate and accept, but hold the 202 this long first.
        case slow(Duration)
        /// Close the connection without answering.
        case drop
        /// 200 with a body that is not JSON (a broken proxy in between).
        case malformedJSON
    }

    /// A mail the fake accepted.
    public struct AcceptedMail: Sendable {
        public let messageID: String
        /// `custom_args.outbox_key`, when present.
        public let idempotencyKey: String?
        /// The bearer key it was sent with.
        public let apiKey: String
        /// The request body as parsed JSON.
        public let body: [String: JSONValue]
    }

    struct State: Sendable {
        var failures: [Failure] = []
        var accepted: [AcceptedMail] = []
        var acceptDelay: Duration = .zero
        var sequence = 0
    }

    private let state: Locked<State>
    private let server: LoopbackHTTPServer
    /// The keys the fake accepts (`Authorization: Bearer <key>`).
    public let apiKeys: Set<String>

    /// Starts the fake on 127.0.0.1 at a kernel-chosen port.
    public init(apiKeys: [String]) throws(LoopbackHTTPServer.StartError) {
        let state = Locked(State())
        let keys = Set(apiKeys)
        self.state = state
        self.apiKeys = keys
        self.server = try LoopbackHTTPServer { request in Self.answer(request, keys: keys, state: state) }
    }

    /// The base URL to configure (`SENDGRID_BASE_URL`), e.g. `http://127.0.0.1:41234`.
    public var baseURL: String { "http://127.0.0.1:\(server.port)" }
    public var port: Int { server.port }
    /// Every request received, in order (including refused ones).
    public var requests: [LoopbackHTTPServer.RecordedRequest] { server.requests }
    /// Every accepted mail, in order.
    public var accepted: [AcceptedMail] { state.value.accepted }

    /// How many mails with `custom_args.outbox_key == idempotencyKey` were accepted.
    public func acceptedCount(idempotencyKey: String) -> Int {
        state.value.accepted.filter { $0.idempotencyKey == idempotencyKey }.count
    }

    /// Queues scripted answers for the next requests.
    public func script(_ failures: Failure...) { state.withLock { $0.failures += failures } }

    /// Holds every 202 this long (a slow provider); zero by default.
    public func setAcceptDelay(_ delay: Duration) { state.withLock { $0.acceptDelay = delay } }

    /// Stops serving (also done on deinit).
    public func stop() { server.stop() }

    static func answer(_ request: LoopbackHTTPServer.RecordedRequest, keys: Set<String>, state: Locked<State>)
        -> LoopbackHTTPServer.ScriptedResponse
    {
        guard request.method == "POST", request.path.split(separator: "?").first == "/v3/mail/send" else {
            return errorResponse(404, [("The requested resource was not found", nil)])
        }
        let authorization = request.headers["authorization"] ?? ""
        guard authorization.hasPrefix("Bearer "), keys.contains(String(authorization.dropFirst(7))) else {
            return errorResponse(401, [("The provided authorization grant is invalid, expired, or revoked", nil)])
        }
        let scripted: Failure? = state.withLock { $0.failures.isEmpty ? nil : $0.failures.removeFirst() }
        var delay = state.value.acceptDelay
        switch scripted {
        case .status(let status)?: return errorResponse(status, [("Scripted failure", nil)])
        case .tooManyRequests(let seconds)?:
            var response = errorResponse(429, [("too many requests", nil)])
            response.headers.append(("Retry-After", String(seconds)))
            return response
        case .drop?: return .drop()
        case .malformedJSON?: return .init(status: 200, headers: [("Content-Type", "application/json")], text: "{not json")
        case .slow(let hold)?: delay = hold
        case nil: break
        }
        guard request.headers["content-type"]?.lowercased().hasPrefix("application/json") == true else {
            return errorResponse(400, [("Content-Type should be application/json.", nil)])
        }
        guard let body = try? JSONValue.object(from: request.body) else {
            return errorResponse(400, [("Bad Request", nil)])
        }
        let problems = validate(body)
        guard problems.isEmpty else { return errorResponse(400, problems) }
        let messageID = state.withLock { state -> String in
            state.sequence += 1
            return Self.messageID(state.sequence)
        }
        let mail = AcceptedMail(messageID: messageID, idempotencyKey: body["custom_args"]?["outbox_key"]?.string,
                                apiKey: String(authorization.dropFirst(7)), body: body)
        var response = LoopbackHTTPServer.ScriptedResponse(status: 202, headers: [("X-Message-Id", messageID)], delay: delay)
        response.onAnswer = { state.withLock { $0.accepted.append(mail) } }
        return response
    }

    /// SendGrid's error body: `{"errors":[{"message","field","help":null}]}`.
    static func errorResponse(_ status: Int, _ errors: [(message: String, field: String?)]) -> LoopbackHTTPServer.ScriptedResponse {
        let items = errors.map { error in
            JSONValue.object(["message": .string(error.message), "field": error.field.map { .string($0) } ?? .null, "help": .null])
        }
        let body = (try? JSON.encode(JSONValue.object(["errors": .array(items)]))) ?? []
        return .init(status: status, headers: [("Content-Type", "application/json")], body: body)
    }

    /// A SendGrid-looking id (22 base64url characters), unique per fake and request.
    static func messageID(_ sequence: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<12).map { _ in UInt8.random(in: 0...255, using: &generator) } + withUnsafeBytes(of: UInt32(sequence).bigEndian, Array.init)
        let text = Data(bytes).base64EncodedString().replacing("+", with: "-").replacing("/", with: "_")
        return String(text.prefix(22))
    }
}
