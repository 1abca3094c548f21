public import Runtime
public import RuntimeTesting

/// A local stand-in for VAPI's REST API: assistants and imported Twilio phone numbers.
///
/// Checks `Authorization: Bearer <apiKey>` (401 otherwise), `application/json` bodies (400), and required fields:
/// an assistant's `model{provider, model}`; an import's `provider: "twilio"`, `number`, `twilioAccountSid`,
/// `twilioAuthToken` and, when given, an existing `assistantId`. Answers in VAPI's NestJS error shape
/// (`{"message":[…],"error":…,"statusCode":…}`) with UUID ids, records every request and plays ``script``
/// failures. Thread-safe.
public final class FakeVAPIServer: Sendable {
    /// Routes for ``FakeScript/failNext(_:route:)``.
    public enum Route {
        public static let createAssistant = "POST /assistant"
        public static let deleteAssistant = "DELETE /assistant"
        public static let importNumber = "POST /phone-number"
        public static let updateNumber = "PATCH /phone-number"
        public static let deleteNumber = "DELETE /phone-number"
    }

    struct State {
        var assistants: [String: JSONValue] = [:]
        var numbers: [String: JSONValue] = [:]
        var deletedAssistants: [String] = []
        var deletedNumbers: [String] = []
    }

    public let apiKey: String
    public let orgID: String
    public let script: FakeScript
    private let state: Locked<State>
    private let server: LoopbackHTTPServer

    public init(apiKey: String = "vapi-" + FakeHTTP.hex(bytes: 12)) throws {
        self.apiKey = apiKey
        let (orgID, state, script) = (FakeHTTP.uuid(), Locked(State()), FakeScript())
        self.orgID = orgID
        self.state = state
        self.script = script
        let handler = Handler(apiKey: apiKey, orgID: orgID, state: state, script: script)
        server = try LoopbackHTTPServer { handler.respond($0) }
    }

    /// The base URL to configure (`VAPI_BASE_URL`).
    public var baseURL: String { server.url("") }
    public var requests: [LoopbackHTTPServer.RecordedRequest] { server.requests }
    /// Ids of assistants that exist now.
    public var assistantIDs: [String] { state.withLock { Array($0.assistants.keys) } }
    /// Ids of assistants deleted, in order.
    public var deletedAssistantIDs: [String] { state.withLock { $0.deletedAssistants } }
    /// The imported numbers, as VAPI would return them.
    public var phoneNumbers: [JSONValue] { state.withLock { Array($0.numbers.values) } }
    public func stop() { server.stop() }

    struct Handler: Sendable {
        let apiKey: String
        let orgID: String
        let state: Locked<State>
        let script: FakeScript

        func respond(_ request: LoopbackHTTPServer.RecordedRequest) -> LoopbackHTTPServer.ScriptedResponse {
            guard request.headers["authorization"] == "Bearer " + apiKey else {
                return Self.error(401, "Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.")
            }
            let path = FakeHTTP.split(request.path).path
            let parts = path.split(separator: "/").map(String.init)
            let route = request.method + " /" + (parts.first ?? "")
            let normal = { dispatch(request, parts: parts) }
            if let failure = script.take(for: route) {
                return FakeScript.apply(failure, errorBody: { Self.errorBody($0, "Scripted failure") }, normal: normal)
            }
            return normal()
        }

        private func dispatch(_ request: LoopbackHTTPServer.RecordedRequest, parts: [String])
            -> LoopbackHTTPServer.ScriptedResponse
        {
            var body: [String: JSONValue] = [:]
            if ["POST", "PATCH"].contains(request.method) {
                guard FakeHTTP.mediaType(request) == "application/json" else {
                    return Self.error(400, "Content-Type must be application/json")
                }
                guard let object = try? JSONValue.object(from: request.body) else {
                    return Self.error(400, "Unexpected token in JSON")
                }
                body = object
            }
            switch (request.method, parts.first ?? "", parts.count) {
            case ("POST", "assistant", 1): return createAssistant(body)
            case ("DELETE", "assistant", 2): return delete(parts[1], assistants: true)
            case ("POST", "phone-number", 1): return importNumber(body)
            case ("PATCH", "phone-number", 2): return updateNumber(parts[1], body)
            case ("DELETE", "phone-number", 2): return delete(parts[1], assistants: false)
            default: return Self.error(404, "Cannot \(request.method) /\(parts.joined(separator: "/"))")
            }
        }
    }
}
