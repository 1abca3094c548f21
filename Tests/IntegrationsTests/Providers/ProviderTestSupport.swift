import Integrations
import Logging
import Runtime
import RuntimeHTTPClient
import RuntimeTesting

/// Shared set-up for the provider client tests: a loopback-permitting HTTP client and a captured logger.
enum ProviderTestSupport {
    /// A client allowed to speak plain HTTP to 127.0.0.1, with short timeouts.
    static func httpClient(timeout: Duration = .seconds(5)) throws -> HTTPClient {
        try HTTPClient(configuration: .init(connectTimeout: .seconds(2), timeout: timeout, allowPlainHTTPToLoopback: true))
    }

    static let logger = Logger(label: "provider-tests")

    /// A 34-character SID with `prefix`.
    static func sid(_ prefix: String) -> String {
        prefix + String(repeating: "0123456789abcdef", count: 2)
    }
}
