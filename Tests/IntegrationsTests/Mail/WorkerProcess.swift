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

/// The built `worker` executable, started for a test with stderr captured to a file.
final class WorkerProcess {
    let pid: pid_t
    let stderrPath: String
    private var exitCode: Int32?

    init(environment: [String: String]) throws {
        let binDirectory = try #require(MailTestEnvironment.binDirectory, "BIN_DIR is not set")
        let executable = binDirectory + "/worker"
        stderrPath = "/tmp/worker-test-\(getpid())-\(Int.random(in: 0..<1_000_000)).log"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(executable), nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let code = posix_spawn(&child, executable, &actions, nil, argv, envp)
        try #require(code == 0, "posix_spawn \(executable) failed: \(code)")
        pid = child
    }

    deinit {
        if exitCode == nil {
            kill(pid, SIGKILL)
            _ = waitExit(timeout: .seconds(5))
        }
        unlink(stderrPath)
    }

    func signal(_ number: Int32) { kill(pid, number) }

    /// The exit code (128 + signal when killed), or nil if still running after `timeout`.
    func waitExit(timeout: Duration) -> Int32? {
        if let exitCode { return exitCode }
        let deadline = ContinuousClock.now + timeout
        repeat {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                exitCode = code
                return code
            }
            usleep(10_000)
        } while ContinuousClock.now < deadline
        return nil
    }

    var stderr: String {
        guard let file = fopen(stderrPath, "r") else { return "" }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
