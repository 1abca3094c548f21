import Glibc
import QuotesFunction
import SharedPlatform

exit(FunctionLauncher.run(function: QuotesFunction.name, defaultMaxBody: QuotesFunction.maxBodyBytes, routes: QuotesFunction.routes))
