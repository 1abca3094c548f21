import Glibc
import WorkerFunction

exit(WorkerFunction.run())
