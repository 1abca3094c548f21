internal import Glibc

/// A built executable (a function, the worker) started for a test with `posix_spawn`, stdin from /dev/null and
/// stderr captured to `stderrPath` (removed when this object goes). Killed with SIGKILL in `deinit` if still running.
public final class ChildProcess {
    public let pid: Int32
    public let stderrPath: String
    private var exitStatus: Int32?

    public init(executable: String, environment: [String: String], stderrPath: String) throws {
        self.stderrPath = stderrPath
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(executable), nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let code = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard code == 0 else { throw SpawnError(message: "posix_spawn \(executable): \(String(cString: strerror(code)))") }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = waitExit(timeout: .seconds(5))
        }
        unlink(stderrPath)
    }

    public func signal(_ number: Int32) { kill(pid, number) }

    /// Waits up to `timeout` for the process to exit; its exit code, or nil if it is still running.
    public func waitExit(timeout: Duration) -> Int32? {
        if let exitStatus { return exitStatus }
        let deadline = ContinuousClock.now + timeout
        repeat {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                exitStatus = code
                return code
            }
            usleep(10_000)
        } while ContinuousClock.now < deadline
        return nil
    }

    public var isRunning: Bool { exitStatus == nil && waitExit(timeout: .zero) == nil }

    /// What the process wrote to stderr so far.
    public var stderr: String {
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

    /// Open file descriptors of the process (from /proc).
    public var openFileCount: Int {
        guard let directory = opendir("/proc/\(pid)/fd") else { return -1 }
        defer { closedir(directory) }
        var count = 0
        while readdir(directory) != nil { count += 1 }
        return count - 2
    }
}

/// A process could not be started.
public struct SpawnError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
