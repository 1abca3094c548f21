import Glibc
import HelpdeskFunction
import SharedPlatform

exit(FunctionLauncher.run(function: HelpdeskFunction.name, defaultMaxBody: HelpdeskFunction.maxBodyBytes, routes: HelpdeskFunction.routes))
