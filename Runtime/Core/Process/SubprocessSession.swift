internal import Glibc

/// The parent's side of one run: a `poll` loop that writes stdin, drains stdout and stderr, and enforces the
/// deadline and the output cap by killing the child.
struct SubprocessSession {
    let pid: pid_t
    var pipes: SubprocessPipes
    let input: [UInt8]
    let deadline: ContinuousClock.Instant
    let maxOutputBytes: Int
    let maxErrorBytes: Int
    var written = 0
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var timedOut = false
    var outputTruncated = false
    private var killed = false

    init(pid: pid_t, pipes: SubprocessPipes, input: [UInt8], deadline: ContinuousClock.Instant, maxOutputBytes: Int,
         maxErrorBytes: Int) {
        self.pid = pid
        self.pipes = pipes
        self.input = input
        self.deadline = deadline
        self.maxOutputBytes = maxOutputBytes
        self.maxErrorBytes = maxErrorBytes
    }

    /// Moves bytes until stdout and stderr are closed, the deadline passes or stdout overflows.
    mutating func pump() -> Result<Void, SubprocessError> {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while pipes.stdoutParent >= 0 || pipes.stderrParent >= 0 {
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                timedOut = true
                kill()
                return .success(())
            }
            var fds: [pollfd] = []
            if pipes.stdinParent >= 0 { fds.append(pollfd(fd: pipes.stdinParent, events: Int16(POLLOUT), revents: 0)) }
            if pipes.stdoutParent >= 0 { fds.append(pollfd(fd: pipes.stdoutParent, events: Int16(POLLIN), revents: 0)) }
            if pipes.stderrParent >= 0 { fds.append(pollfd(fd: pipes.stderrParent, events: Int16(POLLIN), revents: 0)) }
            let milliseconds = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                kill()
                return .failure(SubprocessError(.ioFailed, "poll: " + String(cString: strerror(errno))))
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == pipes.stdinParent {
                    writeInput()
                } else if entry.fd == pipes.stdoutParent {
                    drain(stdout: true, buffer: &buffer)
                } else if entry.fd == pipes.stderrParent {
                    drain(stdout: false, buffer: &buffer)
                }
            }
            if outputTruncated { return .success(()) }
        }
        return .success(())
    }

    private mutating func writeInput() {
        while written < input.count {
            let count = input.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(pipes.stdinParent, base + written, min(64 * 1024, input.count - written), Int32(MSG_NOSIGNAL))
            }
            if count > 0 { written += count; continue }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            break  // EPIPE or another error: the child stopped reading; stop feeding it.
        }
        SubprocessPipes.close(&pipes.stdinParent)
    }

    private mutating func drain(stdout isStdout: Bool, buffer: inout [UInt8]) {
        let fd = isStdout ? pipes.stdoutParent : pipes.stderrParent
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            guard count > 0 else { break }
            if isStdout {
                if stdout.count + count > maxOutputBytes {
                    stdout += buffer[0..<(maxOutputBytes - stdout.count)]
                    outputTruncated = true
                    kill()
                    break
                }
                stdout += buffer[0..<count]
            } else if stderr.count < maxErrorBytes {
                stderr += buffer[0..<min(count, maxErrorBytes - stderr.count)]
            }
        }
        if isStdout { SubprocessPipes.close(&pipes.stdoutParent) } else { SubprocessPipes.close(&pipes.stderrParent) }
    }

    private mutating func kill() {
        guard !killed else { return }
        killed = true
        _ = Glibc.kill(pid, SIGKILL)
    }

    /// Waits for the child (killing it once the deadline has passed) and returns its raw wait status.
    mutating func reap() -> Int32 {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, killed ? 0 : WNOHANG)
            if result == pid { return status }
            if result < 0 && errno != EINTR { return Int32(SIGKILL) }
            if result == 0 {
                if ContinuousClock.now >= deadline {
                    timedOut = true
                    kill()
                } else {
                    usleep(2_000)
                }
            }
        }
    }
}
