import Crypto
import Integrations
import ProviderFakes
import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

/// A stand-in for RS256: `Crypto` has no RSA (see ``JWTAssertionSigner``), so these tests sign with HMAC and the
/// fake verifies with the same key. Everything but the signature primitive is the production path.
struct TestAssertionSigner: JWTAssertionSigner {
    let key: [UInt8]
    var algorithm: String { "HS256" }
    func sign(_ signingInput: [UInt8]) throws -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: signingInput, using: SymmetricKey(data: key)))
    }

    static func verifier(key: [UInt8]) -> FakeGoogleServer.JWTVerifier {
        { algorithm, input, signature in
            algorithm == "HS256"
                && HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: input, using: SymmetricKey(data: key))
        }
    }
}

@Suite struct BigQueryClientTests {
    static let signingKey = Array("test-service-account-signing-key".utf8)
    let account = GoogleServiceAccount(clientEmail: "export@demo-project.iam.gserviceaccount.com", privateKeyID: "kid-1",
                                       privateKey: Secret("-----BEGIN PRIVATE KEY-----\nnot-used\n-----END PRIVATE KEY-----"))
    let http: HTTPClient

    init() throws { http = try ProviderTestSupport.httpClient() }

    func makeClient(_ fake: FakeGoogleServer, key: [UInt8] = signingKey) -> (BigQueryClient, GoogleTokenSource) {
        let configuration = BigQueryConfiguration(project: fake.project, dataset: "analytics", serviceAccount: account,
                                                  baseURL: fake.baseURL, tokenURL: fake.tokenURL)
        let tokens = GoogleTokenSource(account: account, signer: TestAssertionSigner(key: key), tokenURL: fake.tokenURL,
                                       transport: http, logger: ProviderTestSupport.logger)
        return (BigQueryClient(configuration: configuration, tokens: tokens, transport: http,
                               logger: ProviderTestSupport.logger), tokens)
    }

    func makeFake(lifetime: Int = 3600, columns: [String: Set<String>] = [:]) throws -> FakeGoogleServer {
        try FakeGoogleServer(tokenLifetime: lifetime, tableColumns: columns,
                             verifier: TestAssertionSigner.verifier(key: Self.signingKey))
    }

    @Test func queryWithNamedParametersReturnsTypedRows() throws {
        let fake = try makeFake()
        fake.setQueryResult(fields: [("destination", "STRING"), ("quotes", "INTEGER"), ("rate", "FLOAT"),
                                     ("active", "BOOLEAN")],
                            rows: [["Cape Town", "12", "0.25", "true"], [nil, "0", "1.5", "false"]])
        let (client, _) = makeClient(fake)
        let result = try client.query("SELECT destination, COUNT(*) FROM quotes WHERE tenant_id = @tenant AND day >= @from",
                                      parameters: [.string("tenant", "acme"), .date("from", "2027-03-01")])
        #expect(result.jobComplete && result.totalRows == 2)
        #expect(result.jobID?.hasPrefix("job_") == true)
        #expect(result.rows == [[.string("Cape Town"), .int(12), .double(0.25), .bool(true)],
                                [.null, .int(0), .double(1.5), .bool(false)]])
        let body = try #require(fake.queries.last)
        #expect(body["useLegacySql"] == .bool(false) && body["parameterMode"] == .string("NAMED"))
        #expect(body["defaultDataset"] == .object(["projectId": .string("demo-project"), "datasetId": .string("analytics")]))
        #expect(body["queryParameters"]?.array?.first == .object([
            "name": .string("tenant"), "parameterType": .object(["type": .string("STRING")]),
            "parameterValue": .object(["value": .string("acme")]),
        ]))
        let request = try #require(fake.requests.last)
        #expect(request.path == "/bigquery/v2/projects/demo-project/queries")
        #expect(request.headers["authorization"]?.hasPrefix("Bearer ya29.fake-") == true)
    }

    @Test func tokenIsExchangedOnceAndCached() throws {
        let fake = try makeFake()
        let (client, _) = makeClient(fake)
        _ = try client.query("SELECT 1")
        _ = try client.query("SELECT 2")
        #expect(fake.tokensIssued == 1)
        let exchange = try #require(fake.requests.first)
        #expect(exchange.path == "/token")
        let form = Dictionary(FormURLEncoded.parse(exchange.body).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer")
        #expect(form["assertion"]?.split(separator: ".").count == 3)
    }

    @Test func shortLivedTokensAreRefreshed() throws {
        let fake = try makeFake(lifetime: 30)
        let (client, _) = makeClient(fake)
        _ = try client.query("SELECT 1")
        _ = try client.query("SELECT 2")
        #expect(fake.tokensIssued == 2)
    }

    @Test func unauthorizedRefetchesTheTokenOnce() throws {
        let fake = try makeFake()
        let (client, _) = makeClient(fake)
        _ = try client.query("SELECT 1")
        fake.script.failNext(.status(401), route: FakeGoogleServer.Route.query)
        _ = try client.query("SELECT 2")
        #expect(fake.tokensIssued == 2)
    }

    @Test func badSignatureIsRefused() throws {
        let fake = try makeFake()
        let (client, _) = makeClient(fake, key: Array("another-key".utf8))
        let error = #expect(throws: ProviderError.self) { try client.query("SELECT 1") }
        #expect(error?.provider == "google" && error?.code == .rejected)
        #expect(error?.providerMessage == "invalid_grant: Invalid JWT Signature.")
        #expect(fake.tokensIssued == 0)
    }

    @Test func insertAllDeduplicatesAndReportsBadRows() throws {
        let fake = try makeFake(columns: ["quotes": ["quote_id", "tenant_id", "total"]])
        let (client, _) = makeClient(fake)
        let rows = [BigQueryInsertRow(insertID: "acme/QT-1", json: ["quote_id": .string("QT-1"), "tenant_id": .string("acme"),
                                                                    "total": .number(1200)]),
                    BigQueryInsertRow(insertID: "acme/QT-2", json: ["quote_id": .string("QT-2"), "colour": .string("red")])]
        let errors = try client.insertAll(table: "quotes", rows: rows)
        #expect(errors == [BigQueryInsertError(index: 1, reasons: ["invalid"])])
        _ = try client.insertAll(table: "quotes", rows: [rows[0]])
        #expect(fake.rows(in: "quotes").count == 1)
        let body = try JSONValue.object(from: try #require(fake.requests.last).body)
        #expect(body["rows"]?.array?.first?["insertId"] == .string("acme/QT-1"))
        #expect(try #require(fake.requests.last).path == "/bigquery/v2/projects/demo-project/datasets/analytics/tables/quotes/insertAll")
        #expect(throws: ProviderError.self) { try client.insertAll(table: "quotes; DROP", rows: rows) }
    }

    @Test func configurationReadsTheKeyFile() throws {
        let keyFile = Array(#"{"type":"service_account","client_email":"e@p.iam.gserviceaccount.com","private_key_id":"k1","private_key":"PEM"}"#.utf8)
        let environment = Environment(["BIGQUERY_PROJECT": "p", "BIGQUERY_DATASET": "d",
                                       "GOOGLE_APPLICATION_CREDENTIALS": "/keys/sa.json"])
        let configuration = try #require(BigQueryConfiguration.from(environment) { $0 == "/keys/sa.json" ? keyFile : nil })
        #expect(configuration.serviceAccount.clientEmail == "e@p.iam.gserviceaccount.com")
        #expect(!"\(configuration.serviceAccount)".contains("PEM"))
        #expect(configuration.tokenURL == "https://oauth2.googleapis.com/token")
        try environment.validate()
        let broken = Environment(["BIGQUERY_PROJECT": "p", "BIGQUERY_DATASET": "d", "GOOGLE_APPLICATION_CREDENTIALS": "/x"])
        #expect(BigQueryConfiguration.from(broken) { _ in Array("{}".utf8) } == nil)
        #expect(throws: ConfigError.self) { try broken.validate() }
        #expect(BigQueryConfiguration.from(Environment([:])) == nil)
    }
}
