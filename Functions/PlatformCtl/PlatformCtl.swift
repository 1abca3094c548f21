internal import Logging
internal import Runtime
internal import RuntimePostgres

/// `platformctl`: the operator's command line — database migrations and the demo tenant.
///
/// ```
/// platformctl migrate [--dir DIR]   apply pending migrations (DATABASE_URL: the schema owner)
/// platformctl seed-demo             create tenant `demo` and its admin (idempotent)
/// ```
/// The database comes from `DATABASE_URL`; `MIGRATIONS_DIR` is the default for `--dir`.
public enum PlatformCtl {
    static let usage = """
        usage: platformctl migrate [--dir DIR]
               platformctl seed-demo
        environment: DATABASE_URL (schema owner), MIGRATIONS_DIR, DEMO_ADMIN_PASSWORD
        """

    /// Runs the command in `arguments` (without the program name); returns the exit code.
    public static func main(arguments: [String], environment: [String: String], output: (String) -> Void) -> Int32 {
        let logger = Logger(label: "platformctl")
        guard let command = arguments.first else {
            output(usage)
            return 2
        }
        guard let url = environment["DATABASE_URL"], !url.isEmpty else {
            output("platformctl: DATABASE_URL is not set")
            return 2
        }
        do {
            switch command {
            case "migrate":
                var directory = environment["MIGRATIONS_DIR"] ?? "Functions/SharedPlatform/Migrations"
                if let flag = arguments.firstIndex(of: "--dir"), flag + 1 < arguments.count { directory = arguments[flag + 1] }
                let migrator = try Migrator(directory: directory)
                let connection = try PGConnection(conninfo: url)
                let applied = try migrator.migrate(on: connection, logger: logger)
                output(applied.isEmpty ? "migrations: up to date (\(migrator.migrations.count) known)"
                                       : "migrations: applied \(applied.map(String.init).joined(separator: ", "))")
            case "seed-demo":
                let connection = try PGConnection(conninfo: url)
                let password = environment["DEMO_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
                let result = try DemoSeed(connection: connection).run(password: password)
                output("demo tenant: \(DemoSeed.tenantID), admin: \(DemoSeed.adminEmail)")
                output("demo admin password: \(result ?? "unchanged")")
            default:
                output(usage)
                return 2
            }
        } catch let error as PGError {
            output("platformctl: \(command) failed: \(error.debugDescription)")
            return 1
        } catch {
            output("platformctl: \(command) failed: \(error)")
            return 1
        }
        return 0
    }
}
