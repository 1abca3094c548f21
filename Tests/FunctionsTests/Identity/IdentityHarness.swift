import FoundationEssentials
import Logging
import Runtime
import RuntimePostgres
import RuntimeTesting
import SharedPlatform
import TenantAdminFunction
import Testing

/// Runs the tenant-admin function in-process against the real test database, as one "process": its own
/// ``ProcessState`` (caches) and per-call services. Two harnesses model two processes.
final class IdentityHarness {
    static let environment = ProcessEnvironment.current()
    static var enabled: Bool { environment["DATABASE_URL"] != nil || environment["REQUIRE_SERVICES"] == "1" }
    static let adminToken = "platform-admin-token-for-tests-0123456789"
    static let jwtSecret = "identity-tests-jwt-secret-0123456789abcdef"

    let config: PlatformConfig
    let shared = ProcessState()
    let capture: LogCapture
    let router: PlatformRouter
    /// The function name in log lines (`tenant-admin`, or `quotes` for a harness that also has quotes routes).
    let function: String
    /// The client address the calls come from (throttles are keyed on it).
    var remoteAddress = "198.51.100." + String(Int.random(in: 1...254)) + "-" + String(Int.random(in: 1000...9999))

    /// A harness with tenant-admin's routes (to make tenants and log in), plus `routes` of `function` when given.
    init(extra: [String: String] = [:], capture: LogCapture = LogCapture(), function: String = "tenant-admin",
         routes: (@Sendable (inout PlatformRouter) -> Void)? = nil) throws {
        var values = ["DATABASE_URL": try #require(Self.environment["DATABASE_URL"], "DATABASE_URL is not set"),
                      "JWT_SECRET": Self.jwtSecret, "ADMIN_API_TOKEN": Self.adminToken]
        values.merge(extra) { _, new in new }
        config = PlatformConfig(function: function, environment: Environment(values), defaultMaxBody: 1 << 20)
        self.capture = capture
        self.function = function
        router = FunctionLauncher.makeRouter(function: function, config: config) { router in
            TenantAdminFunction.routes(&router)
            routes?(&router)
        }
        try Migrator(directory: Self.migrations).migrate(on: try Self.owner(), logger: Logger(label: "tests"))
    }

    static var migrations: String {
        environment["MIGRATIONS_DIR"] ?? String(#filePath.split(separator: "/Tests/")[0]) + "/Functions/SharedPlatform/Migrations"
    }

    static func owner() throws -> PGConnection {
        try PGConnection(conninfo: try #require(environment["DATABASE_OWNER_URL"], "DATABASE_OWNER_URL is not set"))
    }

    struct Result {
        let response: Response
        var status: Int { response.status }
        var text: String { String(decoding: response.body, as: UTF8.self) }
        var json: JSONValue { (try? JSON.decode(JSONValue.self, from: response.body)) ?? .null }
        var errorCode: String? { json["error"]?["code"]?.string }
    }

    @discardableResult
    func call(_ method: HTTPMethod, _ target: String, token: String? = nil, admin: Bool = false,
              headers extra: [String: String] = [:], json: String? = nil, body: [UInt8]? = nil,
              contentType: String? = nil) -> Result {
        var headers = Headers()
        if let token { headers["authorization"] = "Bearer " + token }
        if admin { headers["x-admin-token"] = Self.adminToken }
        for (name, value) in extra { headers[name] = value }
        if json != nil { headers["content-type"] = "application/json" }
        if let contentType { headers["content-type"] = contentType }
        let (path, query) = target.firstIndex(of: "?").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) }
            ?? (target, "")
        let request = Request(method: method, path: path, queryString: query, headers: headers, body: body ?? Array((json ?? "").utf8),
                              remoteAddress: remoteAddress)
        let logger = capture.logger(label: function)
        let responder = Responder(function: function, router: router)
        return Result(response: responder.respond(to: request, services: PlatformServices(config: config, shared: shared, logger: logger),
                                                  logger: logger))
    }

    // MARK: - Fixtures

    struct Tenant {
        let id: String
        let adminEmail: String
        let adminPassword: String
    }

    /// A new tenant with an admin that has a password, through the admin API.
    func makeTenant(_ label: String) throws -> Tenant {
        let id = "it-\(label)-" + String(RequestID.generate().prefix(8))
        let email = "owner@\(id).example.com"
        let password = "Pw-" + PasswordHasher.generatePassword()
        let created = call(.post, "/api/v1/admin/tenants", admin: true, json: """
            {"tenant_id":"\(id)","company_name":"Company \(label)","admin_email":"\(email)","admin_password":"\(password)",
             "timezone":"Africa/Johannesburg","currency":"ZAR","plan":"pro"}
            """)
        try #require(created.status == 201, "tenant creation failed: \(created.text)")
        return Tenant(id: id, adminEmail: email, adminPassword: password)
    }

    /// Logs in and returns (access token, refresh token).
    func login(_ email: String, _ password: String, tenant: String? = nil) throws -> (access: String, refresh: String) {
        let tenantPart = tenant.map { #","tenant_id":"\#($0)""# } ?? ""
        let result = call(.post, "/api/v1/auth/login", json: #"{"email":"\#(email)","password":"\#(password)"\#(tenantPart)}"#)
        try #require(result.status == 200, "login failed: \(result.text)")
        return (try #require(result.json["access_token"]?.string), try #require(result.json["refresh_token"]?.string))
    }

    /// The clear token in the newest outbox mail to `email` whose link has `parameter=`.
    func mailedToken(to email: String, prefix: String) throws -> String {
        let body = try #require(try Self.owner().query("""
            SELECT text_body FROM outbox WHERE to_address = \(email) ORDER BY id DESC LIMIT 1
            """).first?["text_body"], "no mail to \(email)")
        let parts = body.components(separatedBy: "token=" + prefix)
        try #require(parts.count > 1, "no \(prefix) token in the mail")
        return prefix + String(parts[1].prefix { !$0.isWhitespace })
    }

    static func dropTenant(_ id: String) {
        _ = try? owner().query("DELETE FROM tenants WHERE tenant_id = \(id)")
    }
}
