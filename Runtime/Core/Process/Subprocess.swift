internal import CSpawn
internal import Glibc

/// Runs a program with `posix_spawn` and an argv array — never through a shell — feeding it `input` on stdin and
/// collecting stdout and stderr, with a wall-clock timeout and an output cap.
///
/// - The executable must be an absolute path; arguments are passed as they are (no globbing, no quoting).
/// - The child gets only `environment`, an empty signal mask, default signal handlers, and no descriptor but its
///   stdin, stdout and stderr (everything from 3 up is closed at spawn, close-on-exec or not).
/// - Stdin is a socket pair, so a child that exits without reading cannot raise SIGPIPE in the caller.
/// - When the timeout expires or stdout grows past `maxOutputBytes`, the child is killed with SIGKILL and reaped;
///   the result says which. Stderr beyond `maxErrorBytes` is read and dropped.
///
/// Threading: blocking; call it from a worker thread. It holds no shared state, so any thread may call it.
public enum Subprocess {
    /// The environment a child gets by default: a fixed `PATH` and a UTF-8 locale.
    public static let defaultEnvironment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    /// Runs `executable` with `arguments` and waits for it to end.
    ///
    /// - Parameters:
    ///   - executable: an absolute path to the program.
    ///   - arguments: the arguments after argv[0] (argv[0] is `executable`).
    ///   - input: bytes written to the child's stdin, which is then closed (empty: stdin is /dev/null).
    ///   - timeout: the wall-clock limit for the whole run.
    ///   - maxOutputBytes: the most stdout kept; one byte more kills the child.
    ///   - maxErrorBytes: the most stderr kept.
    /// - Throws: ``SubprocessError`` when the program cannot be started or its pipes fail. A non-zero exit, a
    ///   timeout or an overflow is a normal ``SubprocessResult``.
    public static func run(_ executable: String, arguments: [String], input: [UInt8] = [], timeout: Duration,
                           maxOutputBytes: Int, maxErrorBytes: Int = 64 * 1024,
                           environment: [String: String] = defaultEnvironment) throws(SubprocessError) -> SubprocessResult {
        guard executable.hasPrefix("/"), access(executable, X_OK) == 0 else {
            throw SubprocessError(.notFound, "\(executable) is not an executable file")
        }
        var pipes = try SubprocessPipes(withInput: !input.isEmpty)
        defer { pipes.closeAll() }
        let pid = try spawn(executable, arguments: arguments, environment: environment, pipes: &pipes)
        var session = SubprocessSession(pid: pid, pipes: pipes, input: input,
                                        deadline: ContinuousClock.now + timeout,
                                        maxOutputBytes: max(0, maxOutputBytes), maxErrorBytes: max(0, maxErrorBytes))
        let pumped = session.pump()
        pipes = session.pipes
        let status = session.reap()
        if case .failure(let error) = pumped { throw error }
        let signal = (status & 0x7f) == 0 ? nil : status & 0x7f
        return SubprocessResult(exitCode: signal == nil ? (status >> 8) & 0xff : nil, signal: signal,
                                stdout: session.stdout, stderr: session.stderr, timedOut: session.timedOut,
                                outputTruncated: session.outputTruncated)
    }

    private static func spawn(_ executable: String, arguments: [String], environment: [String: String],
                              pipes: inout SubprocessPipes) throws(SubprocessError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if pipes.stdinChild >= 0 {
            posix_spawn_file_actions_adddup2(&actions, pipes.stdinChild, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, pipes.stdoutChild, 1)
        posix_spawn_file_actions_adddup2(&actions, pipes.stderrChild, 2)
        // Nothing but stdin, stdout and stderr reaches the child, even a descriptor someone opened without
        // close-on-exec (a listening socket, a database connection).
        posix_spawn_file_actions_addclosefrom_np(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else { throw SubprocessError(.spawnFailed, "posix_spawn: " + String(cString: strerror(code))) }
        pipes.closeChildEnds()
        return pid
    }
}
