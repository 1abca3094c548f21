public import Logging
internal import Runtime
public import RuntimePostgres
internal import Glibc
internal import SharedPlatform

/// Delivers one outbox mail: the work of a `mail.deliver` job. One per worker thread (it holds the thread's
/// transports); not Sendable.
///
/// Three steps, so a crash at any point neither loses nor silently duplicates a mail:
/// 1. In a platform transaction: lock the row; skip it if already `sent`, `failed` or `stored`; choose the route
///    (``MailRoute/choose(for:settings:tenantKey:)``); record `stored` or a refusal at once, else mark `sending`
///    with the attempt counted — committed *before* the provider is called.
/// 2. Call the provider with no transaction open.
/// 3. Record `sent` (+ provider id, `sent_at`), `failed` (permanent, or retryable on the final attempt) or
///    `pending` again. Recording `sent` is retried a few times, since the provider already has the mail.
/// A worker killed during step 2 leaves the row `sending` and the job `running`; the recovered job comes back to
/// step 1, which sends again with the same idempotency key (SendGrid `custom_args.outbox_key`, SMTP `Message-ID`).
public final class MailDelivery {
    /// The result the job handler turns into a job status.
    public enum Outcome: Sendable, Equatable {
        case sent(providerMessageID: String?)
        case stored
        /// Permanent: the job is done, the mail `failed`.
        case failed(reason: String)
        /// Try again later (job backoff, at least `after` when given).
        case retry(after: Duration?, reason: String)
        /// Nothing to do: the row is gone or already final.
        case skipped
    }

    public let transports: MailTransports
    private let tenantKey: TenantMailKeyLookup
    private let logger: Logger

    public init(transports: MailTransports, tenantKey: @escaping TenantMailKeyLookup = { _, _ in nil }, logger: Logger) {
        self.transports = transports
        self.tenantKey = tenantKey
        self.logger = logger
    }

    /// Runs the three steps for `outboxID`. `finalAttempt`: the job has no attempt left, so a retryable failure
    /// becomes `failed`. - Throws: database errors (the job then retries).
    public func deliver(outboxID: Int64, finalAttempt: Bool, database: Database) throws -> Outcome {
        let settings = transports.settings
        let prepared = try database.asPlatform { connection -> (StoredMail, MailRoute)? in
            guard var mail = try OutboxRecord.lock(outboxID, on: connection), ["pending", "sending"].contains(mail.status)
            else { return nil }
            let tenant = mail.message.tenantID
            let route = try MailRoute.choose(for: mail.message, settings: settings) {
                try tenant.flatMap { try tenantKey($0, connection) }
            }
            switch route {
            case .outboxOnly:
                try OutboxRecord.mark(outboxID, status: "stored", error: nil, transport: route.label, on: connection)
            case .refused(let reason):
                try OutboxRecord.mark(outboxID, status: "failed", error: reason, transport: route.label, on: connection)
            case .sendGrid, .smtp:
                try OutboxRecord.markSending(outboxID, transport: route.label, on: connection)
            }
            if mail.message.origin == .platform, let from = settings.platformFrom { mail.message.from = from }
            return (mail, route)
        }
        guard let (mail, route) = prepared else { return .skipped }
        var log = logger
        log[metadataKey: "outbox.id"] = .stringConvertible(outboxID)
        log[metadataKey: "tenant.id"] = mail.message.tenantID.map { .string($0) } ?? .stringConvertible(LogNull.value)
        log[metadataKey: "mail.transport"] = .string(route.label)
        switch route {
        case .outboxOnly:
            log.info("mail stored in the outbox (no transport configured)")
            return .stored
        case .refused(let reason):
            log.warning("mail refused", metadata: ["error": .string(reason)])
            return .failed(reason: reason)
        case .sendGrid, .smtp:
            return try send(mail, route: route, finalAttempt: finalAttempt, database: database, logger: log)
        }
    }

    private func send(_ mail: StoredMail, route: MailRoute, finalAttempt: Bool, database: Database, logger: Logger) throws
        -> Outcome
    {
        let started = ContinuousClock.now
        let receipt: MailReceipt
        do {
            receipt = try transports.transport(for: route).deliver(mail, deadline: nil)
        } catch {
            let permanent = error.kind == .permanent || finalAttempt
            try database.asPlatform { connection in
                try OutboxRecord.mark(mail.id, status: permanent ? "failed" : "pending", error: error.description, on: connection)
            }
            logger.warning(permanent ? "mail failed" : "mail attempt failed; will retry",
                           metadata: ["error": .string(error.description), "duration_ms": .stringConvertible(Self.milliseconds(since: started))])
            return permanent ? .failed(reason: error.description) : .retry(after: error.retryAfter, reason: error.description)
        }
        let providerID: String? = if case .accepted(let id) = receipt { id } else { nil }
        try recordSent(mail.id, providerMessageID: providerID, database: database)
        logger.info("mail sent", metadata: ["provider.message_id": .string(providerID ?? ""),
                                            "duration_ms": .stringConvertible(Self.milliseconds(since: started))])
        return .sent(providerMessageID: providerID)
    }

    /// The provider has the mail: recording that must not be given up lightly (a retry would send it twice).
    private func recordSent(_ id: Int64, providerMessageID: String?, database: Database) throws {
        var attempt = 0
        while true {
            do {
                try database.asPlatform { try OutboxRecord.markSent(id, providerMessageID: providerMessageID, on: $0) }
                return
            } catch {
                attempt += 1
                guard attempt < 5 else { throw error }
                logger.warning("recording a sent mail failed; retrying", metadata: ["error": .string(String(describing: error))])
                Self.sleep(.seconds(attempt))
            }
        }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    private static func sleep(_ duration: Duration) {
        usleep(UInt32(duration.components.seconds * 1_000_000))
    }
}
