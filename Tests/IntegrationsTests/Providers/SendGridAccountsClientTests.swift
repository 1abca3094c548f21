import Integrations
import ProviderFakes
import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

@Suite struct SendGridAccountsClientTests {
    let fake: FakeSendGridAccountsServer
    let http: HTTPClient
    let client: SendGridAccountsClient

    init() throws {
        fake = try FakeSendGridAccountsServer()
        http = try ProviderTestSupport.httpClient()
        client = SendGridAccountsClient(configuration: .init(masterKey: Secret(fake.masterKey), baseURL: fake.baseURL),
                                        transport: http, logger: ProviderTestSupport.logger)
    }

    func makeSubuser(_ name: String = "acme") throws -> SendGridSubuser {
        try client.createSubuser(.init(username: name, email: "ops@acme.example", password: Secret("S3cret-pass!"),
                                       ips: ["203.0.113.7"], region: "global"))
    }

    @Test func createSubuserSendsRequiredFields() throws {
        let subuser = try makeSubuser()
        #expect(subuser.username == "acme" && subuser.email == "ops@acme.example" && subuser.userID > 0)
        let request = try #require(fake.requests.last)
        #expect(request.method == "POST" && request.path == "/v3/subusers")
        #expect(request.headers["authorization"] == "Bearer " + fake.masterKey)
        #expect(request.headers["on-behalf-of"] == nil)
        #expect(request.headers["content-type"] == "application/json")
        #expect(try JSONValue.object(from: request.body) == [
            "username": .string("acme"), "email": .string("ops@acme.example"), "password": .string("S3cret-pass!"),
            "ips": .array([.string("203.0.113.7")]), "region": .string("global"),
        ])
        let duplicate = #expect(throws: ProviderError.self) { try makeSubuser() }
        #expect(duplicate?.code == .rejected)
        #expect(duplicate?.providerMessage == "username: username exists")
    }

    @Test func apiKeyIsCreatedOnBehalfOfTheSubuser() throws {
        _ = try makeSubuser()
        let key = try client.createAPIKey(forSubuser: "acme", name: "acme mail")
        #expect(key.key.value.hasPrefix("SG."))
        #expect(key.scopes == ["mail.send"])
        #expect("\(key.key)" == "[redacted]")
        #expect(fake.subuser(ofKey: key.key.value) == "acme")
        let request = try #require(fake.requests.last)
        #expect(request.path == "/v3/api_keys")
        #expect(request.headers["on-behalf-of"] == "acme")
        #expect(try JSONValue.object(from: request.body) == ["name": .string("acme mail"),
                                                              "scopes": .array([.string("mail.send")])])
        let unknown = #expect(throws: ProviderError.self) { try client.createAPIKey(forSubuser: "nobody", name: "x") }
        #expect(unknown?.code == .forbidden)
    }

    @Test func verifiedSenderWithTheSubusersOwnKey() throws {
        _ = try makeSubuser()
        let key = try client.createAPIKey(forSubuser: "acme", name: "acme mail", scopes: ["mail.send", "verified_senders"])
        let sender = try client.createVerifiedSender(
            .init(nickname: "Acme", fromEmail: "quotes@acme.example", fromName: "Acme Travel",
                  replyTo: "desk@acme.example", address: "1 Long St", city: "Cape Town", country: "ZA"),
            as: .subuserKey(key.key))
        #expect(!sender.verified && sender.fromEmail == "quotes@acme.example")
        let request = try #require(fake.requests.last)
        #expect(request.headers["authorization"] == "Bearer " + key.key.value)
        let body = try JSONValue.object(from: request.body)
        #expect(body["from_email"] == .string("quotes@acme.example") && body["reply_to"] == .string("desk@acme.example"))
        #expect(body["address2"] == nil)
        #expect(try client.listVerifiedSenders(as: .subuserKey(key.key)) == [sender])
        #expect(try client.listVerifiedSenders(as: .parent).isEmpty)
        let missing = #expect(throws: ProviderError.self) {
            try client.createVerifiedSender(.init(nickname: "", fromEmail: "a@b.example", replyTo: "a@b.example",
                                                  address: "x", city: "y", country: "ZA"), as: .parent)
        }
        #expect(missing?.providerMessage == "nickname: nickname is required")
    }

    @Test func domainIPsAndStats() throws {
        _ = try makeSubuser()
        let domain = try client.assignDomain(1, toSubuser: "acme")
        #expect(domain.domain == "mail.example.com" && domain.username == "acme")
        #expect(try #require(fake.requests.last).path == "/v3/whitelabel/domains/1/subuser")
        #expect((#expect(throws: ProviderError.self) { try client.assignDomain(99, toSubuser: "acme") })?.code == .notFound)

        #expect(try client.assignIPs(["203.0.113.8"], toSubuser: "acme") == ["203.0.113.8"])
        let put = try #require(fake.requests.last)
        #expect(put.method == "PUT" && put.path == "/v3/subusers/acme/ips")

        let stats = try client.subuserStats("acme", startDate: "2027-03-01", endDate: "2027-03-03")
        #expect(stats.map(\.date) == ["2027-03-01", "2027-03-02", "2027-03-03"])
        #expect(stats.map(\.requests) == [1, 2, 3])
        let query = FakeHTTP.split(try #require(fake.requests.last).path).query
        #expect(query.map(\.name) == ["subusers", "start_date", "end_date", "aggregated_by"])
    }

    @Test func authAndScriptedFailures() throws {
        let wrong = SendGridAccountsClient(configuration: .init(masterKey: Secret("SG.wrong-key"), baseURL: fake.baseURL),
                                           transport: http, logger: ProviderTestSupport.logger)
        #expect((#expect(throws: ProviderError.self) { try wrong.listVerifiedSenders(as: .parent) })?.code == .unauthorized)
        fake.script.failNext(.rateLimited(retryAfter: 3), route: FakeSendGridAccountsServer.Route.createSubuser)
        let limited = #expect(throws: ProviderError.self) { try makeSubuser() }
        #expect(limited?.code == .rateLimited && limited?.retryAfterSeconds == 3)
        fake.script.failNext(.malformedJSON)
        #expect((#expect(throws: ProviderError.self) { try makeSubuser() })?.code == .malformedResponse)
    }

    @Test func configurationFromEnvironment() {
        #expect(SendGridAccountsConfiguration.from(Environment([:])) == nil)
        let configured = SendGridAccountsConfiguration.from(Environment(["SENDGRID_MASTER_API_KEY": "SG.abcdefgh.ijk"]))
        #expect(configured?.baseURL == "https://api.sendgrid.com")
    }
}
