import Runtime
import RuntimeHTTPClient
import RuntimeTesting
import Testing

@Suite struct HTTPClientURLPolicyTests {
    @Test func plainHTTPToTheInternetIsRefusedWithoutIO() throws {
        let start = ContinuousClock.now
        let error = try #require(failure(try loopbackClient(), .init(url: "http://example.com/path?key=SECRET")))
        #expect(error.code == .insecureURL)
        #expect(error.host == "example.com")
        #expect(error.curlCode == 0)
        #expect(ContinuousClock.now - start < .milliseconds(100))
    }

    @Test func plainHTTPToLoopbackIsRefusedByDefault() throws {
        let server = try LoopbackHTTPServer { _ in .init() }
        defer { server.stop() }
        let error = try #require(failure(try HTTPClient(), .init(url: server.url())))
        #expect(error.code == .insecureURL)
        #expect(server.requests.isEmpty)
    }

    /// All of these schemes are built into Debian's libcurl, so they parse and must be stopped by the policy.
    @Test(arguments: ["ftp://127.0.0.1/file", "file:///etc/passwd", "FILE:///etc/passwd", "gopher://127.0.0.1/",
                      "dict://127.0.0.1:11211/", "scp://127.0.0.1/x", "telnet://127.0.0.1/", "smtp://127.0.0.1/"])
    func nonHTTPSchemesAreRefused(url: String) throws {
        let error = try #require(failure(try loopbackClient(), .init(url: url)))
        #expect(error.code == .insecureURL)
        #expect(error.curlCode == 0)
    }

    /// Host names that only look like loopback, and non-loopback addresses.
    @Test(arguments: ["http://128.0.0.1/", "http://localhost.example.com/", "http://127.0.0.1.nip.io/",
                      "http://[::2]/", "http://[::ffff:8.8.8.8]/", "http://0.0.0.0/", "http://10.0.0.1/"])
    func lookalikeLoopbackHostsAreRefused(url: String) throws {
        let error = try #require(failure(try loopbackClient(), .init(url: url)))
        #expect(error.code == .insecureURL)
    }

    /// These pass the policy and then fail to connect (nothing listens on port 1).
    @Test(arguments: ["http://127.0.0.1:1/", "http://127.9.8.7:1/", "http://[::1]:1/", "http://LOCALHOST:1/"])
    func loopbackAddressesPassThePolicy(url: String) throws {
        let error = try #require(failure(try loopbackClient(), .init(url: url)))
        #expect(error.code == .connectionFailed)
    }

    @Test(arguments: ["not a url", "https://", "https://exa mple.com/", "//example.com/x", ""])
    func malformedURLsAreRefused(url: String) throws {
        let error = try #require(failure(try loopbackClient(), .init(url: url)))
        #expect(error.code == .invalidURL)
    }
}
