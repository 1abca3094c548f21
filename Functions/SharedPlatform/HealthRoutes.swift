internal import Logging
internal import RuntimePostgres
public import Runtime

/// `GET /api/v1/<function>/healthz` (the process answers) and `/readyz` (it can also reach PostgreSQL).
public enum HealthRoutes {
    struct Health: Encodable {
        let status: String
        let function: String
        let version: String
    }

    struct Readiness: Encodable {
        let status: String
        let function: String
        let version: String
        let checks: [String: String]
    }

    public static func install(on router: inout PlatformRouter, function: String) {
        router.get("/api/v1/\(function)/healthz") { _, context in
            try .json(Health(status: "ok", function: function, version: context.services.config.version))
        }
        router.get("/api/v1/\(function)/readyz") { _, context in
            do {
                try context.services.database.ping()
            } catch {
                context.logger.warning("not ready: database unreachable", metadata: ["error": .string(String(describing: error))])
                throw HTTPError(.serviceUnavailable, code: .serviceUnavailable,
                                message: "The database is not reachable; try again shortly.", headers: ["Retry-After": "5"])
            }
            return try .json(Readiness(status: "ready", function: function, version: context.services.config.version,
                                       checks: ["postgres": "ok"]))
        }
    }
}
