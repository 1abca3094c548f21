import Integrations
import Logging
import Runtime
import RuntimePostgres
import Testing

/// Where the credential tests find PostgreSQL; they fail rather than skip under `REQUIRE_SERVICES=1`.
enum CredentialTestDatabase {
    static let environment = ProcessEnvironment.current()
    static var appURL: String? { environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var ownerURL: String? { environment["DATABASE_OWNER_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var enabled: Bool { appURL != nil || environment["REQUIRE_SERVICES"] == "1" }
    static let migrations = String(#filePath.split(separator: "/Tests/")[0]) + "/Functions/SharedPlatform/Migrations"
}

/// `tenant_credentials` under row-level security (needs `DATABASE_URL` and `DATABASE_OWNER_URL`).
@Suite(.enabled(if: CredentialTestDatabase.enabled)) struct CredentialStoreTests {

    let store: CredentialStore
    let sendGridKey = CredentialStore.Key(provider: "sendgrid", name: "api_key")

    init() throws { store = CredentialStore(box: try SecretBox(key: (0..<32).map { UInt8($0 * 3) })) }

    func owner() throws -> PGConnection { try PGConnection(conninfo: try #require(CredentialTestDatabase.ownerURL, "DATABASE_OWNER_URL is not set")) }

    func makeTenant(_ label: String) throws -> String {
        let owner = try owner()
        try Migrator(directory: CredentialTestDatabase.migrations).migrate(on: owner, logger: Logger(label: "tests"))
        let id = "t-\(label)-" + String(RequestID.generate().prefix(10))
        try owner.query("INSERT INTO tenants (tenant_id, company_name) VALUES (\(id), \("Company " + label))")
        return id
    }

    func database() throws -> Database {
        Database(url: try #require(CredentialTestDatabase.appURL, "DATABASE_URL is not set"), logger: Logger(label: "tests"))
    }

    @Test func setGetListClear() throws {
        let tenant = try makeTenant("cred")
        defer { _ = try? owner().query("DELETE FROM tenants WHERE tenant_id = \(tenant)") }
        let database = try database()
        try database.withTenant(tenant) { (connection: PGConnection) throws in
            #expect(try !store.exists(sendGridKey, tenantID: tenant, on: connection))
            try store.set(sendGridKey, value: Secret("SG.first"), tenantID: tenant, on: connection)
            try store.set(sendGridKey, value: Secret("SG.second"), tenantID: tenant, on: connection)
            #expect(try store.secret(sendGridKey, tenantID: tenant, on: connection)?.value == "SG.second")
            let info = try store.list(tenantID: tenant, on: connection)
            #expect(info.map(\.provider) == ["sendgrid"] && info.first?.createdAt.hasSuffix("Z") == true)
        }
        let stored = try owner().query("SELECT ciphertext FROM tenant_credentials WHERE tenant_id = \(tenant)")
        #expect(stored.first?["ciphertext"]?.hasPrefix("v1:") == true)
        #expect(stored.first?["ciphertext"]?.contains("SG.second") == false)
        try database.withTenant(tenant) { (connection: PGConnection) throws in
            #expect(try store.clear(sendGridKey, tenantID: tenant, on: connection))
            #expect(try !store.clear(sendGridKey, tenantID: tenant, on: connection))
            #expect(try store.secret(sendGridKey, tenantID: tenant, on: connection) == nil)
        }
    }

    @Test func anotherTenantCannotReadOrReuseIt() throws {
        let tenantA = try makeTenant("a")
        let tenantB = try makeTenant("b")
        defer { _ = try? owner().query("DELETE FROM tenants WHERE tenant_id IN (\(tenantA), \(tenantB))") }
        let database = try database()
        try database.withTenant(tenantA) { (connection: PGConnection) throws in
            try store.set(sendGridKey, value: Secret("SG.tenant-a"), tenantID: tenantA, on: connection)
        }
        try database.withTenant(tenantB) { (connection: PGConnection) throws in
            #expect(try store.secret(sendGridKey, tenantID: tenantA, on: connection) == nil)
            #expect(try store.list(tenantID: tenantA, on: connection).isEmpty)
            #expect(try !store.clear(sendGridKey, tenantID: tenantA, on: connection))
            #expect(throws: PGError.self) {
                try store.set(sendGridKey, value: Secret("SG.x"), tenantID: tenantA, on: connection)
            }
        }
        // A ciphertext copied into B's row by someone with table access still does not open for B.
        let owner = try owner()
        try owner.query("""
            INSERT INTO tenant_credentials (tenant_id, provider, name, ciphertext)
            SELECT \(tenantB), provider, name, ciphertext FROM tenant_credentials WHERE tenant_id = \(tenantA)
            """)
        try database.withTenant(tenantB) { (connection: PGConnection) throws in
            #expect(throws: SecretBoxError.self) { try store.secret(sendGridKey, tenantID: tenantB, on: connection) }
        }
    }
}
