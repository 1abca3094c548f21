internal import FoundationEssentials
public import Runtime
public import RuntimeTesting

/// A local stand-in for Google's OAuth token endpoint and BigQuery's `jobs.query` and `tabledata.insertAll`.
///
/// Token endpoint (`POST /token`): form-encoded `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` and an
/// `assertion` JWT whose signature `verifier` accepts (production is RS256 with the service account's public key;
/// see ``JWTVerifier``), whose `iss` is ``clientEmail``, `aud` the token URL, `scope` includes BigQuery, and whose
/// `exp` is in the future and at most an hour after `iat`; otherwise 400 `invalid_grant`. It issues `ya29.…`
/// tokens valid ``tokenLifetime`` seconds. BigQuery routes need one of those tokens (401 otherwise), JSON bodies,
/// `query` + `useLegacySql: false`, well-formed named parameters; insertAll needs `rows[].json`, drops repeated
/// `insertId`s and reports rows with columns outside ``tableColumns`` as `insertErrors`. Thread-safe.
public final class FakeGoogleServer: Sendable {
    /// Checks a JWT signature: (alg, signing input, signature) → valid.
    public typealias JWTVerifier = @Sendable (_ algorithm: String, _ input: [UInt8], _ signature: [UInt8]) -> Bool

    public enum Route {
        public static let token = "POST /token"
        public static let query = "POST /queries"
        public static let insertAll = "POST /insertAll"
    }

    struct State {
        var tokens: Set<String> = []
        var tokensIssued = 0
        var queryResult: (fields: [(name: String, type: String)], rows: [[String?]]) = ([], [])
        var queries: [[String: JSONValue]] = []
        var tables: [String: [[String: JSONValue]]] = [:]
        var insertIDs: Set<String> = []
    }

    public let project: String
    public let clientEmail: String
    /// Lifetime of issued tokens, seconds.
    public let tokenLifetime: Int
    /// Allowed columns per table; a table not listed accepts any column.
    public let tableColumns: [String: Set<String>]
    public let script: FakeScript
    private let state: Locked<State>
    private let server: LoopbackHTTPServer

    public init(project: String = "demo-project", clientEmail: String = "export@demo-project.iam.gserviceaccount.com",
                tokenLifetime: Int = 3600, tableColumns: [String: Set<String>] = [:],
                verifier: @escaping JWTVerifier) throws {
        self.project = project
        self.clientEmail = clientEmail
        self.tokenLifetime = tokenLifetime
        self.tableColumns = tableColumns
        let (state, script) = (Locked(State()), FakeScript())
        self.state = state
        self.script = script
        let tokenURL = Locked("")
        let handler = Handler(project: project, clientEmail: clientEmail, tokenLifetime: tokenLifetime,
                              tableColumns: tableColumns, verifier: verifier, tokenURL: tokenURL, state: state,
                              script: script)
        server = try LoopbackHTTPServer { handler.respond($0) }
        tokenURL.withLock { $0 = server.url("/token") }
    }

    /// `GOOGLE_TOKEN_URL`.
    public var tokenURL: String { server.url("/token") }
    /// `BIGQUERY_BASE_URL`.
    public var baseURL: String { server.url("") }
    public var requests: [LoopbackHTTPServer.RecordedRequest] { server.requests }
    /// How many access tokens were issued.
    public var tokensIssued: Int { state.withLock { $0.tokensIssued } }
    /// Rows stored in `table` by insertAll, in order (duplicates dropped).
    public func rows(in table: String) -> [[String: JSONValue]] { state.withLock { $0.tables[table] ?? [] } }
    /// The next `jobs.query` answers with this schema and these rows (values as BigQuery's strings).
    public func setQueryResult(fields: [(name: String, type: String)], rows: [[String?]]) {
        state.withLock { $0.queryResult = (fields, rows) }
    }
    /// Every query request body received.
    public var queries: [[String: JSONValue]] { state.withLock { $0.queries } }
    public func stop() { server.stop() }

    struct Handler: Sendable {
        let project: String
        let clientEmail: String
        let tokenLifetime: Int
        let tableColumns: [String: Set<String>]
        let verifier: JWTVerifier
        let tokenURL: Locked<String>
        let state: Locked<State>
        let script: FakeScript

        func respond(_ request: LoopbackHTTPServer.RecordedRequest) -> LoopbackHTTPServer.ScriptedResponse {
            let path = FakeHTTP.split(request.path).path
            let route = request.method + " /" + (path.split(separator: "/").last ?? "")
            let normal = { dispatch(request, path: path) }
            if let failure = script.take(for: route) {
                return FakeScript.apply(failure, errorBody: { Self.apiErrorBody($0, "Scripted failure") }, normal: normal)
            }
            return normal()
        }

        private func dispatch(_ request: LoopbackHTTPServer.RecordedRequest, path: String)
            -> LoopbackHTTPServer.ScriptedResponse
        {
            if request.method == "POST" && path == "/token" { return token(request) }
            let bearer = request.headers["authorization"].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
            guard let bearer, state.withLock({ $0.tokens.contains(bearer) }) else {
                return Self.apiError(401, "Request had invalid authentication credentials.")
            }
            guard request.method == "POST", FakeHTTP.mediaType(request) == "application/json",
                let body = try? JSONValue.object(from: request.body)
            else { return Self.apiError(400, "Invalid JSON payload received.") }
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count >= 5, parts[0] == "bigquery", parts[1] == "v2", parts[2] == "projects", parts[3] == project
            else { return Self.apiError(404, "Not found: \(path)") }
            if parts.count == 5 && parts[4] == "queries" { return query(body) }
            if parts.count == 9 && parts[4] == "datasets" && parts[6] == "tables" && parts[8] == "insertAll" {
                return insertAll(table: parts[7], body)
            }
            return Self.apiError(404, "Not found: \(path)")
        }
    }
}
