import Glibc
import Runtime
import RuntimeTesting
import Testing

/// Where the live tests find the built executables and the database (`make test` sets both).
enum LiveEnvironment {
    static let environment = ProcessEnvironment.current()
    static var binDirectory: String? { environment["BIN_DIR"].flatMap { $0.isEmpty ? nil : $0 } }
    static var databaseURL: String? { environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var enabled: Bool { binDirectory != nil || environment["REQUIRE_SERVICES"] == "1" }
}

/// One function executable running on a socket in a temporary folder.
final class LiveFunction {
    let name: String
    let folder: String
    let socketPath: String
    let process: ChildProcess
    var client: FastCGIClient { FastCGIClient(socketPath: socketPath, timeout: .seconds(10)) }

    init(_ name: String, extraEnvironment: [String: String] = [:], waitForSocket: Bool = true) throws {
        let binDirectory = try #require(LiveEnvironment.binDirectory, "BIN_DIR is not set")
        self.name = name
        var template = Array("/tmp/live-\(name)-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw SpawnError(message: "mkdtemp failed") }
        folder = String(cString: created)
        socketPath = folder + "/\(name).sock"
        var environment = [
            "FCGI_SOCKET": "unix:" + socketPath, "FCGI_THREADS": "4", "DEBUG_ROUTES": "1",
            "DATABASE_URL": LiveEnvironment.databaseURL ?? "host=/nonexistent port=1 dbname=x",
            "LLVM_PROFILE_FILE": "/dev/null", "REQUEST_TIMEOUT_MS": "5000",
            "JWT_SECRET": "live-test-secret-0123456789abcdefghijklmnop",
        ]
        environment.merge(extraEnvironment) { _, new in new }
        process = try ChildProcess(executable: binDirectory + "/" + name, environment: environment,
                                   stderrPath: folder + "/stderr.log")
        if waitForSocket {
            let deadline = ContinuousClock.now + .seconds(10)
            while access(socketPath, F_OK) != 0 {
                guard ContinuousClock.now < deadline, process.isRunning else {
                    throw SpawnError(message: "\(name) did not start: \(process.stderr)")
                }
                usleep(5_000)
            }
        }
    }

    deinit {
        process.signal(SIGKILL)
        _ = process.waitExit(timeout: .seconds(5))
        unlink(socketPath)
        unlink(folder + "/stderr.log")
        rmdir(folder)
    }
}
