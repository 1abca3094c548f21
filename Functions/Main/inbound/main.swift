import Glibc
import InboundFunction
import SharedPlatform

exit(FunctionLauncher.run(function: InboundFunction.name, defaultMaxBody: InboundFunction.maxBodyBytes, routes: InboundFunction.routes))
