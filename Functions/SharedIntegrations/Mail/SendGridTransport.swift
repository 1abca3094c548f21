public import Runtime
internal import RuntimeHTTPClient
internal import SharedPlatform

/// A SendGrid API key and the API it belongs to.
public struct SendGridCredential: Sendable {
    /// Whose account sends: the tenant's subuser (its own key) or the platform's master account.
    public enum Scope: String, Sendable { case tenant, platform }

    public let apiKey: Secret
    /// `https://api.sendgrid.com` (or `https://api.eu.sendgrid.com` for EU subusers; a fake's URL in tests).
    public let baseURL: String
    public let scope: Scope

    public init(apiKey: Secret, baseURL: String = SendGridCredential.defaultBaseURL, scope: Scope) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.scope = scope
    }

    public static let defaultBaseURL = "https://api.sendgrid.com"
}

/// Delivers through SendGrid v3 `POST /v3/mail/send` with `Authorization: Bearer <key>` (wire-formats §A2).
///
/// 2xx (SendGrid answers 202) is acceptance, with the `X-Message-Id` header as provider id; 429 and 5xx are
/// retryable (429 with its `Retry-After` seconds); every other 4xx is permanent; transport failures (connection,
/// timeout) are retryable. The key is only ever placed in the header; errors carry the status and SendGrid's first
/// error message. Not Sendable: it uses the thread's ``ProviderTransport`` client.
public struct SendGridTransport: MailTransport {
    public let credential: SendGridCredential
    private let http: any ProviderTransport
    private let timeout: Duration

    public init(credential: SendGridCredential, http: any ProviderTransport, timeout: Duration = .seconds(30)) {
        self.credential = credential
        self.http = http
        self.timeout = timeout
    }

    public var name: String { "sendgrid" }

    public func deliver(_ mail: StoredMail, deadline: Deadline?) throws(MailDeliveryError) -> MailReceipt {
        let body: [UInt8]
        do { body = try MailSendRequest(mail).encoded() } catch {
            throw MailDeliveryError(.permanent, reason: "the mail could not be encoded as JSON")
        }
        let base = credential.baseURL.hasSuffix("/") ? String(credential.baseURL.dropLast()) : credential.baseURL
        let request = HTTPClientRequest(
            method: "POST", url: base + "/v3/mail/send",
            headers: [("Authorization", "Bearer " + credential.apiKey.value), ("Content-Type", "application/json"),
                      ("Accept", "application/json")],
            body: body, timeout: timeout)
        let response: HTTPClientResponse
        do { response = try http.send(request, deadline: deadline) } catch {
            let kind: MailDeliveryError.Kind = [.insecureURL, .invalidURL, .invalidRequest, .invalidConfiguration]
                .contains(error.code) ? .permanent : .retryable
            throw MailDeliveryError(kind, reason: "SendGrid unreachable: \(error.description)")
        }
        return try Self.receipt(for: response)
    }

    /// Classifies SendGrid's answer (see the type's documentation).
    static func receipt(for response: HTTPClientResponse) throws(MailDeliveryError) -> MailReceipt {
        let status = response.status
        if response.isSuccess { return .accepted(providerMessageID: response.headers["x-message-id"]) }
        let reason = "SendGrid answered \(status)" + (Self.firstError(in: response.body).map { ": " + $0 } ?? "")
        switch status {
        case 429:
            let seconds = response.headers["retry-after"].flatMap { Int($0.trimmingASCIIWhitespace()) }
            throw MailDeliveryError(.retryable, status: status, retryAfter: seconds.map { .seconds(min(max($0, 0), 3600)) },
                                    reason: reason)
        case 408, 500...599:
            throw MailDeliveryError(.retryable, status: status, reason: reason)
        default:
            throw MailDeliveryError(.permanent, status: status, reason: reason)
        }
    }

    /// `errors[0].message` of SendGrid's error body `{"errors":[{"message","field","help"}]}`.
    static func firstError(in body: [UInt8]) -> String? {
        guard let object = try? JSONValue.object(from: body), let first = object["errors"]?.array?.first else { return nil }
        let message = first["message"]?.string.map { String($0.prefix(200)) }
        let field = first["field"]?.string
        return message.map { text in field.map { "\(text) (field \($0))" } ?? text }
    }
}
