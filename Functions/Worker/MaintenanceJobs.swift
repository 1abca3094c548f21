internal import Logging
internal import Quoting
internal import Runtime
internal import RuntimePostgres

extension JobRegistry {
    /// Registers `quotes.maintenance`: every hour, across all tenants, expires quotes past their validity and marks
    /// invoices past their due date overdue (each change logged as an activity), then queues the next hour's run.
    /// The worker queues the current hour's run at start, so the chain survives restarts and lost jobs.
    public mutating func registerQuoteMaintenance() {
        register(QuoteMaintenance.jobKind) { _ in
            { _, context in
                let today = Day.today()
                let (expired, overdue) = try context.database.asPlatform { connection in
                    (try QuoteMaintenance.expire(on: connection, today: today),
                     try InvoiceMaintenance.markOverdue(on: connection, today: today))
                }
                context.logger.info("quote maintenance", metadata: ["quotes.expired": .stringConvertible(expired),
                                                                    "invoices.overdue": .stringConvertible(overdue)])
                try context.database.asPlatform { try QuoteMaintenance.schedule(on: $0, hourOf: Timestamp.epochSeconds() + 3600) }
            }
        }
    }
}
