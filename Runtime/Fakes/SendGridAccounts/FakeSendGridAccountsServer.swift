internal import FoundationEssentials
internal import Runtime
public import RuntimeTesting

/// A local stand-in for SendGrid's account-management API: subusers, API keys, verified senders, domain and IP
/// assignment, subuser stats. (Mail send has its own fake.)
///
/// Checks `Authorization: Bearer` against the parent key or a key it issued (401 otherwise); `on-behalf-of`
/// only with the parent key and only for an existing subuser; JSON bodies; and required fields (subusers:
/// `username`, `email`, `password`, non-empty `ips`; API keys: `name`; verified senders: `nickname`,
/// `from_email`, `reply_to`, `address`, `city`, `country`). Errors use SendGrid's
/// `{"errors":[{"field","message"}]}`. Records requests, plays ``script`` failures. Thread-safe.
public final class FakeSendGridAccountsServer: Sendable {
    /// Routes for ``FakeScript/failNext(_:route:)``.
    public enum Route {
        public static let createSubuser = "POST /v3/subusers"
        public static let createAPIKey = "POST /v3/api_keys"
        public static let createSender = "POST /v3/verified_senders"
        public static let listSenders = "GET /v3/verified_senders"
        public static let assignDomain = "POST /v3/whitelabel"
        public static let assignIPs = "PUT /v3/subusers"
        public static let stats = "GET /v3/subusers"
    }

    struct State {
        var subusers: [String: JSONValue] = [:]
        var subuserIPs: [String: [String]] = [:]
        /// Issued key → the subuser it belongs to.
        var keys: [String: String] = [:]
        var senders: [(owner: String, value: JSONValue)] = []
        var nextID = 1000
    }

    public let masterKey: String
    /// Authenticated domains on the parent account, by id.
    public let domains: [Int: String]
    public let script: FakeScript
    private let state: Locked<State>
    private let server: LoopbackHTTPServer

    public init(masterKey: String = "SG." + FakeHTTP.hex(bytes: 11) + "." + FakeHTTP.hex(bytes: 21),
                domains: [Int: String] = [1: "mail.example.com"]) throws {
        self.masterKey = masterKey
        self.domains = domains
        let (state, script) = (Locked(State()), FakeScript())
        self.state = state
        self.script = script
        let handler = Handler(masterKey: masterKey, domains: domains, state: state, script: script)
        server = try LoopbackHTTPServer { handler.respond($0) }
    }

    /// The base URL to configure (`SENDGRID_BASE_URL`).
    public var baseURL: String { server.url("") }
    public var requests: [LoopbackHTTPServer.RecordedRequest] { server.requests }
    /// The subuser an issued key belongs to.
    public func subuser(ofKey key: String) -> String? { state.withLock { $0.keys[key] } }
    public func stop() { server.stop() }

    /// Who a request acts as: the parent (`""`) or a subuser name.
    enum Caller { case parent, subuser(String) }

    struct Handler: Sendable {
        let masterKey: String
        let domains: [Int: String]
        let state: Locked<State>
        let script: FakeScript

        func respond(_ request: LoopbackHTTPServer.RecordedRequest) -> LoopbackHTTPServer.ScriptedResponse {
            let bearer = request.headers["authorization"].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
            let caller: Caller
            if bearer == masterKey {
                if let subuser = request.headers["on-behalf-of"] {
                    guard state.withLock({ $0.subusers[subuser] != nil }) else {
                        return Self.error(403, nil, "access forbidden")
                    }
                    caller = .subuser(subuser)
                } else {
                    caller = .parent
                }
            } else if let bearer, let owner = state.withLock({ $0.keys[bearer] }) {
                guard request.headers["on-behalf-of"] == nil else { return Self.error(403, nil, "access forbidden") }
                caller = .subuser(owner)
            } else {
                return Self.error(401, nil, "authorization required")
            }
            let (path, query) = FakeHTTP.split(request.path)
            let parts = path.split(separator: "/").map(String.init)
            let route = request.method + " /" + parts.prefix(2).joined(separator: "/")
            let normal = { dispatch(request, caller: caller, parts: parts, query: query) }
            if let failure = script.take(for: route) {
                return FakeScript.apply(failure, errorBody: { _ in Self.errorBody(nil, "scripted failure") }, normal: normal)
            }
            return normal()
        }

        private func dispatch(_ request: LoopbackHTTPServer.RecordedRequest, caller: Caller, parts: [String],
                              query: [(name: String, value: String)]) -> LoopbackHTTPServer.ScriptedResponse {
            var body: JSONValue = .null
            if ["POST", "PUT", "PATCH"].contains(request.method) {
                guard FakeHTTP.mediaType(request) == "application/json" else {
                    return Self.error(415, nil, "Content-Type should be application/json")
                }
                guard let decoded = try? JSON.decoder().decode(JSONValue.self, from: Data(request.body)) else {
                    return Self.error(400, nil, "Bad Request")
                }
                body = decoded
            }
            switch (request.method, parts.dropFirst().first ?? "", parts.count) {
            case ("POST", "subusers", 2): return createSubuser(body, caller: caller)
            case ("PUT", "subusers", 4) where parts[3] == "ips": return assignIPs(parts[2], body, caller: caller)
            case ("GET", "subusers", 3) where parts[2] == "stats": return stats(query, caller: caller)
            case ("POST", "api_keys", 2): return createAPIKey(body, caller: caller)
            case ("POST", "verified_senders", 2): return createSender(body, caller: caller)
            case ("GET", "verified_senders", 2): return listSenders(caller: caller)
            case ("POST", "whitelabel", 5) where parts[2] == "domains" && parts[4] == "subuser":
                return assignDomain(Int(parts[3]), body, caller: caller)
            default: return Self.error(404, nil, "resource not found")
            }
        }
    }
}
