internal import FoundationEssentials
internal import Runtime
public import RuntimeTesting

/// A local stand-in for Twilio's REST API (2010-04-01): number search, purchase, release and addresses.
///
/// Checks what a real account would: Basic auth with its SID and token (401, code 20003, otherwise), the SID in
/// the path, form-encoded POST bodies, required fields (`PhoneNumber`; the address fields), and that numbers of
/// countries in ``addressRequiredCountries`` are bought with an existing `AddressSid` (400, code 21631).
/// Answers with Twilio's JSON shapes and `PN…`/`AD…` SIDs, records every request, and plays ``script``
/// failures. Thread-safe; stops when released or on ``stop()``.
public final class FakeTwilioServer: Sendable {
    /// Routes for ``FakeScript/failNext(_:route:)``.
    public enum Route {
        public static let search = "GET /AvailablePhoneNumbers"
        public static let purchase = "POST /IncomingPhoneNumbers"
        public static let release = "DELETE /IncomingPhoneNumbers"
        public static let createAddress = "POST /Addresses"
        public static let listAddresses = "GET /Addresses"
    }

    struct State {
        var owned: [String: JSONValue] = [:]
        var released: [String] = []
        var addresses: [String: JSONValue] = [:]
        var addressOrder: [String] = []
    }

    public let accountSID: String
    public let authToken: String
    /// Countries whose numbers need an address before purchase.
    public let addressRequiredCountries: Set<String>
    /// Scripted failures.
    public let script: FakeScript
    private let state: Locked<State>
    private let server: LoopbackHTTPServer

    /// Starts the fake on 127.0.0.1.
    public init(accountSID: String = "AC" + FakeHTTP.hex(bytes: 16), authToken: String = FakeHTTP.hex(bytes: 16),
                addressRequiredCountries: Set<String> = ["DE", "ZA"]) throws {
        self.accountSID = accountSID
        self.authToken = authToken
        self.addressRequiredCountries = addressRequiredCountries
        let (state, script) = (Locked(State()), FakeScript())
        self.state = state
        self.script = script
        let handler = Handler(accountSID: accountSID, authToken: authToken,
                              addressRequiredCountries: addressRequiredCountries, state: state, script: script)
        server = try LoopbackHTTPServer { handler.respond($0) }
    }

    /// The base URL to configure (`TWILIO_BASE_URL`).
    public var baseURL: String { server.url("") }
    /// Every request received, in order.
    public var requests: [LoopbackHTTPServer.RecordedRequest] { server.requests }
    /// SIDs of numbers currently owned.
    public var ownedNumberSIDs: [String] { state.withLock { Array($0.owned.keys) } }
    /// SIDs released, in order.
    public var releasedNumberSIDs: [String] { state.withLock { $0.released } }
    public func stop() { server.stop() }

    struct Handler: Sendable {
        let accountSID: String
        let authToken: String
        let addressRequiredCountries: Set<String>
        let state: Locked<State>
        let script: FakeScript

        func respond(_ request: LoopbackHTTPServer.RecordedRequest) -> LoopbackHTTPServer.ScriptedResponse {
            let (path, query) = FakeHTTP.split(request.path)
            let prefix = "/2010-04-01/Accounts/\(accountSID)"
            let expected = "Basic " + Data("\(accountSID):\(authToken)".utf8).base64EncodedString()
            guard request.headers["authorization"] == expected, path.hasPrefix(prefix + "/") else {
                return Self.error(401, code: 20003, "Authenticate")
            }
            let rest = String(path.dropFirst(prefix.count))
            let route = Self.route(method: request.method, rest: rest)
            if let failure = script.take(for: route) {
                return FakeScript.apply(failure, errorBody: { Self.errorBody($0, code: 20500, "Scripted failure") }) {
                    dispatch(request, route: route, rest: rest, query: query)
                }
            }
            return dispatch(request, route: route, rest: rest, query: query)
        }

        static func route(method: String, rest: String) -> String {
            let first = rest.split(separator: "/").first.map { String($0.split(separator: ".")[0]) } ?? ""
            return method + " /" + first
        }

        private func dispatch(_ request: LoopbackHTTPServer.RecordedRequest, route: String, rest: String,
                              query: [(name: String, value: String)]) -> LoopbackHTTPServer.ScriptedResponse {
            if request.method == "POST" && FakeHTTP.mediaType(request) != "application/x-www-form-urlencoded" {
                return Self.error(400, code: 20001, "Content-Type must be application/x-www-form-urlencoded")
            }
            let form = Dictionary(FormURLEncoded.parse(request.body).map { ($0.name, $0.value) },
                                  uniquingKeysWith: { first, _ in first })
            switch route {
            case Route.search: return search(rest: rest, query: query)
            case Route.purchase where rest == "/IncomingPhoneNumbers.json": return purchase(form)
            case Route.release: return release(rest: rest)
            case Route.createAddress: return createAddress(form)
            case Route.listAddresses: return listAddresses(query: query)
            default: return Self.error(404, code: 20404, "The requested resource was not found")
            }
        }
    }
}
