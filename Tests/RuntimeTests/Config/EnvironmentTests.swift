import Runtime
import Testing

@Suite struct EnvironmentTests {
    @Test func typedGettersWithDefaults() throws {
        let environment = Environment([
            "NAME": "inbound", "EMPTY": "", "THREADS": "8", "MODE": "0640", "DEBUG": "yes", "OFF": "0", "LEVEL": "debug",
        ])
        #expect(environment.string("NAME", default: "x") == "inbound")
        #expect(environment.string("EMPTY", default: "fallback") == "fallback")
        #expect(environment.optionalString("MISSING") == nil)
        #expect(environment.optionalString("EMPTY") == nil)
        #expect(environment.required("NAME") == "inbound")
        #expect(environment.int("THREADS", default: 4, in: 1...64) == 8)
        #expect(environment.int("MISSING", default: 4, in: 1...64) == 4)
        #expect(environment.octal("MODE", default: 0o600) == 0o640)
        #expect(environment.bool("DEBUG", default: false))
        #expect(!environment.bool("OFF", default: true))
        #expect(environment.choice("LEVEL", default: "info", from: ["debug", "info"]) == "debug")
        #expect(environment.secret("MISSING") == nil)
        try environment.validate()
    }

    @Test func reportsEveryProblemTogether() {
        let environment = Environment(["THREADS": "lots", "PORT": "70000", "MODE": "999", "DEBUG": "maybe", "LEVEL": "loud"])
        _ = environment.required("DATABASE_URL")
        _ = environment.int("THREADS", default: 4, in: 1...64)
        _ = environment.int("PORT", default: 80, in: 1...65535)
        _ = environment.octal("MODE", default: 0o600)
        _ = environment.bool("DEBUG", default: false)
        _ = environment.choice("LEVEL", default: "info", from: ["debug", "info"])
        environment.problem("FCGI_SOCKET must be absolute")
        let error = #expect(throws: ConfigError.self) { try environment.validate() }
        #expect(error?.problems.count == 7)
        #expect(error?.problems.first == "DATABASE_URL is required")
        for key in ["DATABASE_URL", "THREADS", "PORT", "MODE", "DEBUG", "LEVEL", "FCGI_SOCKET"] {
            #expect(error?.description.contains(key) == true, "\(key)")
        }
    }

    @Test func neverEchoesSecretValues() {
        let environment = Environment(["JWT_SECRET": "hunter2-short", "API_KEY": "k"])
        #expect(environment.secret("JWT_SECRET", minimumLength: 32) == nil)
        #expect(environment.secret("API_KEY", minimumLength: 1)?.value == "k")
        let error = #expect(throws: ConfigError.self) { try environment.validate() }
        #expect(error?.problems == ["JWT_SECRET must be at least 32 characters long"])
        #expect(error?.description.contains("hunter2") == false)
    }

    @Test func clipsLongValuesInProblems() {
        let environment = Environment(["THREADS": String(repeating: "9", count: 500)])
        _ = environment.int("THREADS", default: 4, in: 1...64)
        let error = #expect(throws: ConfigError.self) { try environment.validate() }
        #expect((error?.description.count ?? 0) < 200)
    }

    @Test func secretDescriptionsAreRedacted() {
        let secret = Secret("sk-live-123")
        #expect("\(secret)" == "[redacted]")
        #expect(String(reflecting: secret) == "[redacted]")
        #expect(secret.description == "[redacted]")
        #expect(secret.matches("sk-live-123"))
        #expect(!secret.matches("sk-live-124"))
        #expect(!secret.matches("sk-live-12"))
    }
}

@Suite struct ConstantTimeTests {
    @Test func comparesBytes() {
        #expect(ConstantTime.equals([], []))
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([], [0]))
        // Lengths that differ by a multiple of 256 must still differ.
        #expect(!ConstantTime.equals([UInt8](repeating: 0, count: 256), []))
        #expect(!ConstantTime.equals([UInt8](repeating: 7, count: 300), [UInt8](repeating: 7, count: 44)))
    }
}
