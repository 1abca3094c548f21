import Glibc
import TenantAdminFunction
import SharedPlatform

exit(FunctionLauncher.run(function: TenantAdminFunction.name, defaultMaxBody: TenantAdminFunction.maxBodyBytes, routes: TenantAdminFunction.routes))
