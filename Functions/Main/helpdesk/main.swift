import Glibc
import HelpdeskFunction
import SharedPlatform

exit(FunctionLauncher.run(function: HelpdeskFunction.name, defaultMaxBody: HelpdeskFunction.maxBodyBytes,
                          check: HelpdeskFunction.checkConfiguration, routes: HelpdeskFunction.routes))
