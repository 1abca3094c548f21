internal import Integrations
internal import Runtime
internal import SharedPlatform

/// A Twilio voice or status callback whose `X-Twilio-Signature` has been verified, with its form fields.
///
/// Verification (wire-formats.md §A5): the URL Twilio called is rebuilt from `PUBLIC_BASE_URL` plus the request's
/// path and raw query (never the scheme and host nginx passed on), and the form fields are signed with the
/// platform `TWILIO_AUTH_TOKEN`; ``TwilioSignature`` compares in constant time. Numbers are bought and
/// configured under the platform account (SPEC §3 provisioning), so tenant credentials in `CredentialStore`
/// are not consulted: the tenant is only known from the signed fields, after verification.
struct TwilioWebhookRequest {
    /// The decoded form fields, in order.
    let fields: [(name: String, value: String)]

    /// Verifies `request`; nothing may be recorded unless this returns.
    ///
    /// - Throws: `HTTPError` 503 `voice_not_configured` without `PUBLIC_BASE_URL` or `TWILIO_AUTH_TOKEN`;
    ///   415 for a body that is not a form; 403 `invalid_signature` for a missing or wrong signature.
    init(_ request: Request, config: PlatformConfig.Voice) throws(HTTPError) {
        guard let base = config.publicBaseURL, let token = config.twilioAuthToken else {
            throw HTTPError(.serviceUnavailable, code: "voice_not_configured",
                            message: "The Twilio webhooks are not configured on this server.")
        }
        let fields = try request.form()
        let url = Self.publicURL(base: base, path: request.path, query: request.queryString)
        let signature = request.headers["x-twilio-signature"]
        guard TwilioSignature.validate(url: url, params: fields.map { ($0.name, $0.value) }, signature: signature,
                                       authToken: token) else {
            throw HTTPError(.forbidden, code: "invalid_signature",
                            message: "The Twilio signature is missing or invalid.")
        }
        self.fields = fields
    }

    /// The URL Twilio called: the configured origin, the path as received, and the raw query when there is one.
    static func publicURL(base: String, path: String, query: String) -> String {
        base + path + (query.isEmpty ? "" : "?" + query)
    }

    /// The first value of field `name`, trimmed; nil when absent or empty.
    func value(_ name: String) -> String? {
        guard let raw = fields.first(where: { $0.name == name })?.value else { return nil }
        let text = raw.trimmingASCIIWhitespace()
        return text.isEmpty ? nil : text
    }

    /// `CallSid`, required: 1–100 characters.
    func callSID() throws(HTTPError) -> String {
        guard let sid = value("CallSid"), sid.utf8.count <= 100 else {
            throw .invalid("CallSid", "CallSid is required (at most 100 characters).")
        }
        return sid
    }

    /// `CallStatus`, required, one of Twilio's call statuses.
    func callStatus() throws(HTTPError) -> String {
        guard let status = value("CallStatus"), CallStatusOrder.rank(status, provider: .twilio) != nil else {
            throw .invalid("CallStatus", "CallStatus must be one of Twilio's call statuses.")
        }
        return status
    }

    /// `inbound` for calls to the tenant's number; `outbound` for `outbound-api` and `outbound-dial` legs.
    var direction: String { (value("Direction") ?? "inbound").hasPrefix("outbound") ? "outbound" : "inbound" }

    /// The tenant's side of the call: `To` for inbound calls, `From` for outbound ones.
    var tenantNumber: String? { direction == "inbound" ? value("To") : value("From") }

    /// A field cut to 200 bytes (numbers and names are stored as given, never trusted further).
    func short(_ name: String) -> String? { CallRecordUpdate.capped(value(name), CallRecordUpdate.maxShortBytes) }
}
