import FoundationEssentials
import Integrations
import ProviderFakes
import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

@Suite struct TwilioClientTests {
    let fake: FakeTwilioServer
    let http: HTTPClient
    let client: TwilioClient

    init() throws {
        fake = try FakeTwilioServer()
        http = try ProviderTestSupport.httpClient()
        client = TwilioClient(configuration: .init(accountSID: fake.accountSID, authToken: Secret(fake.authToken),
                                                   baseURL: fake.baseURL),
                              transport: http, logger: ProviderTestSupport.logger)
    }

    @Test func searchSendsFiltersAndParsesNumbers() throws {
        let numbers = try client.searchAvailableNumbers(.init(country: "US", kind: .local, areaCode: "212",
                                                              contains: "555", limit: 3))
        #expect(numbers.count == 3)
        #expect(numbers[0].phoneNumber == "+12125551000")
        #expect(numbers[0].voice && numbers[0].sms)
        #expect(numbers[0].addressRequirements == "none")
        let request = try #require(fake.requests.last)
        #expect(request.method == "GET")
        let (path, query) = FakeHTTP.split(request.path)
        #expect(path == "/2010-04-01/Accounts/\(fake.accountSID)/AvailablePhoneNumbers/US/Local.json")
        let fields = Dictionary(query.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(fields == ["PageSize": "3", "AreaCode": "212", "Contains": "555", "VoiceEnabled": "true"])
        let basic = "Basic " + Data("\(fake.accountSID):\(fake.authToken)".utf8).base64EncodedString()
        #expect(request.headers["authorization"] == basic)
    }

    @Test func searchRejectsBadInputBeforeSending() {
        #expect(throws: ProviderError.self) { try client.searchAvailableNumbers(.init(country: "us")) }
        #expect(throws: ProviderError.self) { try client.searchAvailableNumbers(.init(country: "US", limit: 0)) }
        #expect(fake.requests.isEmpty)
    }

    @Test func purchaseIsFormEncodedAndReturnsPNSid() throws {
        let number = try client.purchaseNumber(.init(phoneNumber: "+14155550100", friendlyName: "acme line",
                                                     voiceURL: "https://x.example/voice?a=1&b=2",
                                                     statusCallback: "https://x.example/status"))
        #expect(TwilioConfiguration.isSID(number.sid, prefix: "PN"))
        #expect(number.accountSID == fake.accountSID)
        #expect(number.phoneNumber == "+14155550100")
        let request = try #require(fake.requests.last)
        #expect(request.method == "POST")
        #expect(request.path == "/2010-04-01/Accounts/\(fake.accountSID)/IncomingPhoneNumbers.json")
        #expect(request.headers["content-type"] == "application/x-www-form-urlencoded")
        let form = Dictionary(FormURLEncoded.parse(request.body).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(form["PhoneNumber"] == "+14155550100")
        #expect(form["FriendlyName"] == "acme line")
        #expect(form["VoiceUrl"] == "https://x.example/voice?a=1&b=2")
        #expect(form["StatusCallback"] == "https://x.example/status")
        #expect(form["AddressSid"] == nil)
        #expect(fake.ownedNumberSIDs == [number.sid])
    }

    @Test func addressRequiredCountryNeedsAnAddress() throws {
        let error = #expect(throws: ProviderError.self) {
            try client.purchaseNumber(.init(phoneNumber: "+27215550100"))
        }
        #expect(error?.code == .rejected)
        #expect(error?.providerCode == 21631)
        let address = try client.createAddress(.init(customerName: "Acme Travel", street: "1 Long St",
                                                     city: "Cape Town", region: "WC", postalCode: "8001",
                                                     isoCountry: "ZA"))
        #expect(TwilioConfiguration.isSID(address.sid, prefix: "AD"))
        let form = Dictionary(FormURLEncoded.parse(try #require(fake.requests.last).body).map { ($0.name, $0.value) },
                              uniquingKeysWith: { a, _ in a })
        #expect(form == ["CustomerName": "Acme Travel", "Street": "1 Long St", "City": "Cape Town", "Region": "WC",
                         "PostalCode": "8001", "IsoCountry": "ZA"])
        let number = try client.purchaseNumber(.init(phoneNumber: "+27215550100", addressSID: address.sid))
        #expect(number.addressRequirements == "local")
        #expect(try client.listAddresses(isoCountry: "ZA") == [address])
        #expect(try client.listAddresses(isoCountry: "US").isEmpty)
    }

    @Test func releaseDeletesTheNumber() throws {
        let number = try client.purchaseNumber(.init(phoneNumber: "+14155550101"))
        try client.releaseNumber(sid: number.sid)
        #expect(fake.releasedNumberSIDs == [number.sid])
        #expect(try #require(fake.requests.last).method == "DELETE")
        let error = #expect(throws: ProviderError.self) { try client.releaseNumber(sid: number.sid) }
        #expect(error?.code == .notFound)
        #expect(throws: ProviderError.self) { try client.releaseNumber(sid: "../../etc") }
    }

    @Test func errorsAreMapped() throws {
        fake.script.failNext(.rateLimited(retryAfter: 7), route: FakeTwilioServer.Route.search)
        let limited = #expect(throws: ProviderError.self) { try client.searchAvailableNumbers(.init(country: "US")) }
        #expect(limited?.code == .rateLimited)
        #expect(limited?.retryAfterSeconds == 7)
        #expect(limited?.isTransient == true)

        fake.script.failNext(.status(503))
        #expect((#expect(throws: ProviderError.self) { try client.listAddresses() })?.code == .unavailable)
        fake.script.failNext(.malformedJSON)
        #expect((#expect(throws: ProviderError.self) { try client.listAddresses() })?.code == .malformedResponse)
        // A fresh connection: libcurl silently resends a request whose reused connection died unanswered.
        let fresh = TwilioClient(configuration: client.configuration, transport: try ProviderTestSupport.httpClient(),
                                 logger: ProviderTestSupport.logger)
        fake.script.failNext(.drop)
        #expect((#expect(throws: ProviderError.self) { try fresh.listAddresses() })?.code == .transport)

        let wrong = TwilioClient(configuration: .init(accountSID: fake.accountSID, authToken: Secret("wrong-token"),
                                                      baseURL: fake.baseURL), transport: http,
                                 logger: ProviderTestSupport.logger)
        let denied = #expect(throws: ProviderError.self) { try wrong.listAddresses() }
        #expect(denied?.code == .unauthorized)
        #expect(denied?.providerCode == 20003)
    }

    @Test func slowAnswerHitsTheTimeout() throws {
        var configuration = client.configuration
        configuration.timeout = .milliseconds(300)
        let impatient = TwilioClient(configuration: configuration, transport: http, logger: ProviderTestSupport.logger)
        fake.script.failNext(.slow(.seconds(2)))
        let error = #expect(throws: ProviderError.self) { try impatient.listAddresses() }
        #expect(error?.code == .transport)
        #expect(error?.providerMessage == "timeout")
    }

    @Test func configurationFromEnvironment() throws {
        #expect(TwilioConfiguration.from(Environment([:])) == nil)
        let partial = Environment(["TWILIO_ACCOUNT_SID": ProviderTestSupport.sid("AC")])
        #expect(TwilioConfiguration.from(partial) == nil)
        #expect(throws: ConfigError.self) { try partial.validate() }
        let bad = Environment(["TWILIO_ACCOUNT_SID": "ACnothex", "TWILIO_AUTH_TOKEN": "t"])
        #expect(TwilioConfiguration.from(bad) == nil)
        #expect(throws: ConfigError.self) { try bad.validate() }
        let good = Environment(["TWILIO_ACCOUNT_SID": ProviderTestSupport.sid("AC"), "TWILIO_AUTH_TOKEN": "tok",
                                "TWILIO_BASE_URL": "http://127.0.0.1:1"])
        let configuration = try #require(TwilioConfiguration.from(good))
        #expect(configuration.baseURL == "http://127.0.0.1:1")
        try good.validate()
    }
}
