/// Every provider fake at once, for `make run` with `FAKE_PROVIDERS=1`: a newcomer sees mail, LLM and voice
/// provisioning work end to end without accounts.
///
/// The fakes listen on kernel-chosen loopback ports; ``environment`` holds the variables that point the
/// platform at them (base URLs and the keys the fakes expect). BigQuery's fake needs a test service account and
/// is only used by the tests.
public final class FakeProviderSet {
    public let openAI: FakeOpenAIServer
    public let sendGrid: FakeSendGridServer
    public let sendGridAccounts: FakeSendGridAccountsServer
    public let twilio: FakeTwilioServer
    public let vapi: FakeVAPIServer
    private let openAIKey = "sk-fake-" + FakeHTTP.hex(bytes: 12)
    private let sendGridKey = "SG.fake." + FakeHTTP.hex(bytes: 16)

    public init() throws {
        openAI = try FakeOpenAIServer(apiKey: openAIKey)
        sendGrid = try FakeSendGridServer(apiKeys: [sendGridKey])
        sendGridAccounts = try FakeSendGridAccountsServer()
        twilio = try FakeTwilioServer()
        vapi = try FakeVAPIServer()
    }

    /// `KEY=value` settings for the functions and the worker, in a stable order.
    public var environment: [(String, String)] {
        [
            ("LLM_BASE_URL", openAI.baseURL), ("LLM_API_KEY", openAIKey), ("LLM_MODEL", "fake-chat-1"),
            ("LLM_EMBEDDING_MODEL", "fake-embedding-1"),
            ("SENDGRID_BASE_URL", sendGrid.baseURL), ("SENDGRID_API_KEY", sendGridKey), ("SENDGRID_REQUIRE_TENANT_KEY", "0"),
            ("SENDGRID_MASTER_API_KEY", sendGridAccounts.masterKey),
            ("TWILIO_BASE_URL", twilio.baseURL), ("TWILIO_ACCOUNT_SID", twilio.accountSID), ("TWILIO_AUTH_TOKEN", twilio.authToken),
            ("VAPI_BASE_URL", vapi.baseURL), ("VAPI_API_KEY", vapi.apiKey),
            ("PROVIDER_LOOPBACK_HTTP", "1"),
        ]
    }

    public func stop() {
        openAI.stop()
        sendGrid.stop()
        sendGridAccounts.stop()
        twilio.stop()
        vapi.stop()
    }
}
