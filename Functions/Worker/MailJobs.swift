public import Integrations
internal import Logging
internal import Runtime
internal import RuntimePostgres
internal import SharedPlatform

extension JobRegistry {
    /// Registers `mail.deliver` (payload `{"outbox_id": N}`): ``MailDelivery`` with this thread's transports.
    ///
    /// A retryable provider failure requeues the job (honouring `Retry-After`); on the job's final attempt, and for
    /// permanent failures, the mail is marked `failed` and the job is done.
    /// - Parameter makeHTTP: the seam for another HTTP client per thread (nil: a plain `HTTPClient`).
    public mutating func registerMail(settings: MailSettings, tenantKey: @escaping TenantMailKeyLookup = { _, _ in nil },
                                      makeHTTP: (@Sendable () throws -> any ProviderTransport)? = nil) {
        register(Mailer.jobKind) { logger in
            let delivery = MailDelivery(transports: MailTransports(settings: settings, makeHTTP: makeHTTP),
                                        tenantKey: tenantKey, logger: logger)
            return { job, context in
                let payload = try? JSONValue.object(from: Array(job.payload.utf8))
                guard let number = payload?["outbox_id"]?.number, let id = Int64(exactly: number) else {
                    throw JobFailure(.permanent, "the job payload has no outbox_id")
                }
                let outcome = try delivery.deliver(outboxID: id, finalAttempt: job.attempts >= job.maxAttempts,
                                                   database: context.database)
                if case .retry(let after, let reason) = outcome { throw JobFailure(.retry(after: after), reason) }
            }
        }
    }
}
