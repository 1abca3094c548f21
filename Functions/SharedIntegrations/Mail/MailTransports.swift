internal import Runtime
public import RuntimeHTTPClient

/// Builds the transports one worker thread uses, creating its HTTP and SMTP clients on first use and keeping them
/// for the thread's life (warm connections).
///
/// Not Sendable: it owns libcurl handles; each worker thread makes its own. `makeHTTP` is the seam for a
/// resilient client; by default a plain ``HTTPClient`` with ``MailSettings/timeout``, a 1 MiB response cap and
/// plain HTTP to loopback only when ``MailSettings/allowLoopbackHTTP`` is set.
public final class MailTransports {
    public let settings: MailSettings
    private let makeHTTP: () throws -> any ProviderTransport
    private var http: (any ProviderTransport)?
    private var smtp: SMTPClient?

    public init(settings: MailSettings, makeHTTP: (() throws -> any ProviderTransport)? = nil) {
        self.settings = settings
        self.makeHTTP = makeHTTP ?? {
            try HTTPClient(configuration: .init(timeout: settings.timeout, maxResponseBytes: 1 << 20,
                                                allowPlainHTTPToLoopback: settings.allowLoopbackHTTP))
        }
    }

    /// The transport for `route`. - Throws: ``MailDeliveryError`` `permanent` when a client cannot be configured
    /// (a bad `SMTP_URL`), `retryable` when libcurl cannot start.
    public func transport(for route: MailRoute) throws(MailDeliveryError) -> any MailTransport {
        switch route {
        case .sendGrid(let credential):
            return SendGridTransport(credential: credential, http: try httpClient(), timeout: settings.timeout)
        case .smtp:
            return SMTPTransport(client: try smtpClient())
        case .outboxOnly, .refused:
            return OutboxOnlyTransport()
        }
    }

    /// Builds the SMTP client from `SMTP_URL` (also used at start-up to validate the configuration).
    /// - Throws: ``MailDeliveryError`` `permanent` for a URL the policy refuses, or `SMTP_STARTTLS=0` with a relay
    ///   that is not on loopback.
    public func smtpClient() throws(MailDeliveryError) -> SMTPClient {
        if let smtp { return smtp }
        guard let url = settings.smtpURL else { throw MailDeliveryError(.permanent, reason: "SMTP_URL is not set") }
        let client: SMTPClient
        do {
            client = try SMTPClient(url: url, configuration: .init(timeout: settings.timeout,
                                                                  allowPlaintextToLoopback: !settings.smtpStartTLS))
        } catch {
            let kind: MailDeliveryError.Kind = error.code == .transport ? .retryable : .permanent
            throw MailDeliveryError(kind, reason: "SMTP_URL cannot be used: \(error.description)")
        }
        guard settings.smtpStartTLS || client.tlsMode == .none else {
            throw MailDeliveryError(.permanent, reason: "SMTP_STARTTLS=0 is allowed only for a relay on loopback")
        }
        smtp = client
        return client
    }

    private func httpClient() throws(MailDeliveryError) -> any ProviderTransport {
        if let http { return http }
        do {
            let client = try makeHTTP()
            http = client
            return client
        } catch {
            throw MailDeliveryError(.retryable, reason: "HTTP client unavailable: \(error)")
        }
    }
}
