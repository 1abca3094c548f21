import Glibc
import AnalyticsFunction
import SharedPlatform

exit(FunctionLauncher.run(function: AnalyticsFunction.name, defaultMaxBody: AnalyticsFunction.maxBodyBytes, routes: AnalyticsFunction.routes))
