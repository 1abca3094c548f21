internal import Glibc

/// The descriptors between the caller and one child: stdin (optional), stdout and stderr, each a socket pair.
/// Every descriptor is created close-on-exec; the child's ends are dup'ed onto 0, 1 and 2 by the spawn actions.
struct SubprocessPipes {
    var stdinParent: Int32 = -1
    var stdinChild: Int32 = -1
    var stdoutParent: Int32 = -1
    var stdoutChild: Int32 = -1
    var stderrParent: Int32 = -1
    var stderrChild: Int32 = -1

    init(withInput: Bool) throws(SubprocessError) {
        do throws(SubprocessError) {
            if withInput {
                (stdinParent, stdinChild) = try Self.pipe()
                shutdown(stdinParent, Int32(SHUT_RD))
            }
            (stdoutParent, stdoutChild) = try Self.pipe()
            (stderrParent, stderrChild) = try Self.pipe()
            for fd in [stdinParent, stdoutParent, stderrParent] where fd >= 0 {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
        } catch {
            closeAll()
            throw error
        }
    }

    /// A connected pair created close-on-exec atomically (a plain `pipe` + `fcntl` could leak into a child that
    /// another thread spawns in between). Returns (parent's end, child's end).
    private static func pipe() throws(SubprocessError) -> (Int32, Int32) {
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw failure("socketpair")
        }
        return (pair[0], pair[1])
    }

    private static func failure(_ call: String) -> SubprocessError {
        SubprocessError(.spawnFailed, call + ": " + String(cString: strerror(errno)))
    }

    mutating func closeChildEnds() {
        Self.close(&stdinChild)
        Self.close(&stdoutChild)
        Self.close(&stderrChild)
    }

    mutating func closeAll() {
        closeChildEnds()
        Self.close(&stdinParent)
        Self.close(&stdoutParent)
        Self.close(&stderrParent)
    }

    static func close(_ fd: inout Int32) {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }
}
