import Glibc
import Logging
import PlatformCtl
import Runtime

LoggingSystem.bootstrap { JSONLogHandler(label: $0) }

let code = PlatformCtl.main(arguments: Array(CommandLine.arguments.dropFirst()),
                            environment: ProcessEnvironment.current()) { print($0) }
exit(code)
