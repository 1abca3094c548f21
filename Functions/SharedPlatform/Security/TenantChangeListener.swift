internal import Glibc
internal import Logging
internal import Runtime
internal import RuntimePostgres

/// A background thread per process that `LISTEN`s on `tenant_changed` and drops that tenant from the
/// process's caches, so a suspension or a config change is seen at once rather than after the cache TTL.
///
/// If PostgreSQL is unreachable it retries every 2 s; the cache TTL (5 s) still bounds staleness meanwhile.
enum TenantChangeListener {
    static let channel = "tenant_changed"

    static func start(config: PlatformConfig, state: ProcessState, logger: Logger) throws {
        let url = config.databaseURL
        try BackgroundThread.start {
            while true {
                do {
                    let listener = try PGListener(conninfo: url, channels: [channel])
                    while true {
                        for notification in try listener.wait(timeoutMilliseconds: 30_000) {
                            state.invalidate(tenant: notification.payload)
                        }
                    }
                } catch {
                    logger.debug("tenant change listener reconnecting", metadata: ["error": .string(String(describing: error))])
                    sleep(2)
                }
            }
        }
    }
}
