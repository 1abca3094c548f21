import Glibc
import Runtime
import Testing

@Suite struct SubprocessTests {
    @Test func passesStdinAndCollectsStdout() throws {
        let input = [UInt8](repeating: 65, count: 300_000)
        let result = try Subprocess.run("/bin/cat", arguments: [], input: input, timeout: .seconds(10), maxOutputBytes: 1 << 20)
        #expect(result.succeeded)
        #expect(result.stdout == input)
    }

    @Test func argumentsAreNotInterpretedByAShell() throws {
        let result = try Subprocess.run("/bin/echo", arguments: ["$HOME; rm -rf /", "*"], timeout: .seconds(5), maxOutputBytes: 1024)
        #expect(String(decoding: result.stdout, as: UTF8.self) == "$HOME; rm -rf / *\n")
    }

    @Test func exitStatusAndFirstErrorLine() throws {
        let result = try Subprocess.run("/bin/sh", arguments: ["-c", "echo; echo '  boom  ' >&2; echo more >&2; exit 3"],
                                        timeout: .seconds(5), maxOutputBytes: 1024)
        #expect(result.exitCode == 3)
        #expect(result.firstErrorLine == "boom")
        #expect(!result.succeeded)
    }

    @Test func theChildInheritsNoDescriptorButStdio() throws {
        // Opened without O_CLOEXEC, as a careless library might: still closed in the child.
        let leaked = open("/dev/null", O_RDONLY)
        try #require(leaked > 2)
        defer { close(leaked) }
        let result = try Subprocess.run("/bin/sh", arguments: ["-c", "ls /proc/$$/fd"], timeout: .seconds(5),
                                        maxOutputBytes: 4096)
        #expect(result.succeeded)
        let open = Set(String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").compactMap { Int32($0) })
        #expect(open.isSuperset(of: [0, 1, 2]))
        #expect(!open.contains(leaked), "descriptor \(leaked) reached the child: \(open.sorted())")
    }

    @Test func timeoutKillsTheChild() throws {
        let start = ContinuousClock.now
        let result = try Subprocess.run("/bin/sleep", arguments: ["30"], timeout: .milliseconds(200), maxOutputBytes: 16)
        #expect(result.timedOut)
        #expect(result.signal == 9)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func outputOverTheCapKillsTheChild() throws {
        let result = try Subprocess.run("/usr/bin/yes", arguments: [], timeout: .seconds(10), maxOutputBytes: 100_000)
        #expect(result.outputTruncated)
        #expect(result.stdout.count == 100_000)
    }

    @Test func aChildThatStopsReadingDoesNotRaiseSIGPIPE() throws {
        let result = try Subprocess.run("/usr/bin/head", arguments: ["-c", "4"], input: [UInt8](repeating: 66, count: 5 << 20),
                                        timeout: .seconds(10), maxOutputBytes: 64)
        #expect(result.stdout == [66, 66, 66, 66])
    }

    @Test func environmentIsOnlyWhatIsGiven() throws {
        let result = try Subprocess.run("/usr/bin/env", arguments: [], timeout: .seconds(5), maxOutputBytes: 4096,
                                        environment: ["ONLY": "this"])
        #expect(String(decoding: result.stdout, as: UTF8.self) == "ONLY=this\n")
    }

    @Test func missingExecutablesAndRelativePathsThrow() {
        #expect(throws: SubprocessError.self) { try Subprocess.run("/no/such/tool", arguments: [], timeout: .seconds(1), maxOutputBytes: 1) }
        #expect(throws: SubprocessError.self) { try Subprocess.run("cat", arguments: [], timeout: .seconds(1), maxOutputBytes: 1) }
    }
}
