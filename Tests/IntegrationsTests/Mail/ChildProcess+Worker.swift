import FoundationEssentials
import Glibc
import Integrations
import ProviderFakes
import Runtime
import RuntimeHTTPClient
import RuntimePostgres
import RuntimeTesting
import SharedPlatform
import Testing
import WorkerFunction

extension ChildProcess {
    /// The built `worker` executable with `environment`, stderr captured to a temporary file.
    static func worker(environment: [String: String]) throws -> ChildProcess {
        let binDirectory = try #require(MailTestEnvironment.binDirectory, "BIN_DIR is not set")
        return try ChildProcess(executable: binDirectory + "/worker", environment: environment,
                                stderrPath: "/tmp/worker-test-\(getpid())-\(Int.random(in: 0..<1_000_000)).log")
    }
}
