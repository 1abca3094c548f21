import Runtime
import SharedPlatform
import Testing

@Suite struct PlatformConfigTests {
    @Test func defaultsAreSensible() throws {
        let environment = Environment(["DATABASE_URL": "postgresql:///travel", "JWT_SECRET": String(repeating: "k", count: 32)])
        let config = PlatformConfig(function: "quotes", environment: environment, defaultMaxBody: 1 << 20)
        try environment.validate()
        #expect(config.server.threads == 4)
        #expect(config.server.backlog == 1024)
        #expect(config.server.socketPath == nil)
        #expect(config.server.maxBodyBytes == 1 << 20)
        #expect(config.debugRoutes == false)
        #expect(config.adminToken == nil)
        #expect(config.version == PlatformConfig.defaultVersion)
    }

    @Test func everyProblemIsReportedAtOnceWithoutSecretValues() {
        let environment = Environment([
            "FCGI_THREADS": "many", "FCGI_SOCKET": "relative.sock", "ADMIN_API_TOKEN": "short-secret-value",
            "LOG_LEVEL": "loud", "DEBUG_ROUTES": "perhaps",
        ])
        _ = PlatformConfig(function: "quotes", environment: environment, defaultMaxBody: 1 << 20)
        do {
            try environment.validate()
            Issue.record("expected a configuration error")
        } catch {
            let text = error.description
            for key in ["DATABASE_URL", "JWT_SECRET", "FCGI_THREADS", "FCGI_SOCKET", "ADMIN_API_TOKEN", "LOG_LEVEL", "DEBUG_ROUTES"] {
                #expect(text.contains(key), "\(key) not reported")
            }
            #expect(!text.contains("short-secret-value"))
        }
    }

    @Test func socketAcceptsTheUnixPrefix() throws {
        let environment = Environment(["DATABASE_URL": "x", "FCGI_SOCKET": "unix:/run/fn/quotes.sock", "FCGI_SOCKET_MODE": "0600",
                                       "JWT_SECRET": String(repeating: "k", count: 32)])
        let config = PlatformConfig(function: "quotes", environment: environment, defaultMaxBody: 1 << 20)
        try environment.validate()
        #expect(config.server.socketPath == "/run/fn/quotes.sock")
        #expect(config.server.socketMode == 0o600)
    }
}
