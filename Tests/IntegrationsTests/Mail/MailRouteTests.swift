import FoundationEssentials
import Integrations
import ProviderFakes
import Runtime
import RuntimeHTTPClient
import RuntimePostgres
import RuntimeTesting
import SharedPlatform
import Testing
import WorkerFunction

@Suite struct MailRouteTests {
    let tenantKey = SendGridCredential(apiKey: Secret("SG.tenant"), scope: .tenant)
    func message(_ origin: MailMessage.Origin, tenant: String? = "acme") -> MailMessage {
        MailMessage(tenantID: tenant, idempotencyKey: "k", origin: origin, from: MailAddress("a@b.example"),
                    to: [MailAddress("c@d.example")], subject: "s", text: "t")
    }

    @Test func theTenantsOwnKeyComesFirst() {
        let settings = MailSettings(sendGridKey: Secret("SG.platform"), smtpURL: Secret("smtp://relay.example"))
        #expect(MailRoute.choose(for: message(.tenant), settings: settings) { tenantKey }.label == "sendgrid:tenant")
        #expect(MailRoute.choose(for: message(.platform), settings: settings) { tenantKey }.label == "sendgrid:platform")
    }

    @Test func tenantMailNeverFallsBackToTheMasterAccountByDefault() {
        let settings = MailSettings(sendGridKey: Secret("SG.platform"), smtpURL: Secret("smtp://relay.example"))
        guard case .refused(let reason) = MailRoute.choose(for: message(.tenant), settings: settings, tenantKey: { nil }) else {
            Issue.record("tenant mail without a tenant key must be refused")
            return
        }
        #expect(reason.hasPrefix("tenant_sendgrid_key_missing"))
        var lenient = settings
        lenient.requireTenantKey = false
        #expect(MailRoute.choose(for: message(.tenant), settings: lenient) { nil }.label == "sendgrid:platform")
    }

    @Test func withoutSendGridSMTPThenTheOutbox() {
        let smtp = MailSettings(smtpURL: Secret("smtp://relay.example"))
        #expect(MailRoute.choose(for: message(.tenant), settings: smtp) { nil }.label == "smtp")
        #expect(MailRoute.choose(for: message(.tenant, tenant: nil), settings: MailSettings()) { nil }.label == "outbox")
    }

    @Test func settingsComeFromTheEnvironment() throws {
        let environment = Environment(["SENDGRID_API_KEY": "SG.0123456789", "SENDGRID_REQUIRE_TENANT_KEY": "0",
                                       "SMTP_URL": "smtps://u:p@relay.example:465", "MAIL_PLATFORM_FROM": "ops@example.com",
                                       "SENDGRID_BASE_URL": "http://127.0.0.1:9"])
        let settings = MailSettings(environment: environment)
        #expect(settings.sendGridKey?.value == "SG.0123456789" && !settings.requireTenantKey)
        #expect(settings.platformFrom == MailAddress("ops@example.com"))
        #expect(throws: ConfigError.self) { try environment.validate() }
        let defaults = MailSettings(environment: Environment([:]))
        #expect(defaults.requireTenantKey && defaults.smtpStartTLS && defaults.fallbackName == "outbox")
    }
}
