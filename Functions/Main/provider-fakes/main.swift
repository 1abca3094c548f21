import Glibc
import ProviderFakes
import Runtime

// provider-fakes [--env-file PATH]: starts every provider fake on loopback, writes the settings that point the
// platform at them (to PATH, mode 600, or stdout), and serves until SIGTERM/SIGINT. Used by `make run` with
// FAKE_PROVIDERS=1; see docs/INTEGRATIONS.md.
SignalSet.termination.block()
signal(SIGPIPE, SIG_IGN)
let arguments = Array(CommandLine.arguments.dropFirst())
let fakes: FakeProviderSet
do { fakes = try FakeProviderSet() } catch {
    print("provider-fakes: cannot start: \(error)")
    exit(1)
}
let lines = fakes.environment.map { "\($0.0)=\($0.1)\n" }.joined()
if let flag = arguments.firstIndex(of: "--env-file"), flag + 1 < arguments.count {
    let path = arguments[flag + 1]
    let temporary = path + ".tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0, write(fd, lines, lines.utf8.count) == lines.utf8.count, close(fd) == 0, rename(temporary, path) == 0 else {
        print("provider-fakes: cannot write \(path)")
        exit(1)
    }
} else {
    print(lines, terminator: "")
}
print("provider-fakes: serving (OpenAI \(fakes.openAI.baseURL), SendGrid \(fakes.sendGrid.baseURL), Twilio, VAPI)")
_ = SignalSet.termination.wait()
fakes.stop()
exit(0)
