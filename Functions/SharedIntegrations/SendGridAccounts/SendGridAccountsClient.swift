internal import FoundationEssentials
public import Logging
public import Runtime
internal import RuntimeHTTPClient

/// SendGrid's account-management API for tenant provisioning: subusers, their mail-send keys, sender identity
/// (verified sender or authenticated domain), IP assignment and statistics (wire-formats.md §A2–A3).
///
/// Bearer auth with the parent key, optionally `on-behalf-of: <subuser>`; JSON in and out. Mail sending is not
/// here (see the mail transport). Not Sendable: it holds its thread's transport. Errors are ``ProviderError``
/// (provider `sendgrid`); descriptions never hold a key, the password or a body.
public final class SendGridAccountsClient {
    public let configuration: SendGridAccountsConfiguration
    private let endpoint: ProviderEndpoint

    public init(configuration: SendGridAccountsConfiguration, transport: any ProviderTransport, logger: Logger) {
        self.configuration = configuration
        self.endpoint = ProviderEndpoint(provider: "sendgrid", baseURL: configuration.baseURL, transport: transport,
                                         logger: logger, timeout: configuration.timeout)
    }

    /// Creates a subuser (`POST /v3/subusers`).
    public func createSubuser(_ request: SendGridSubuserRequest, deadline: Deadline? = nil)
        throws(ProviderError) -> SendGridSubuser
    {
        var body: [String: JSONValue] = [
            "username": .string(request.username), "email": .string(request.email),
            "password": .string(request.password.value), "ips": .array(request.ips.map { JSONValue.string($0) }),
        ]
        if let region = request.region { body["region"] = .string(region) }
        let response = try call("subusers.create", "POST", "/v3/subusers", as: .parent, json: .object(body),
                                deadline: deadline)
        return try endpoint.decode(SendGridSubuser.self, from: response)
    }

    /// Creates an API key for `subuser` (`POST /v3/api_keys` with `on-behalf-of`), by default scoped to
    /// `mail.send` only. The returned key exists nowhere else: store it encrypted before doing anything else.
    public func createAPIKey(forSubuser subuser: String, name: String, scopes: [String] = ["mail.send"],
                             deadline: Deadline? = nil) throws(ProviderError) -> SendGridAPIKey
    {
        let body: JSONValue = .object(["name": .string(name), "scopes": .array(scopes.map { JSONValue.string($0) })])
        let response = try call("api_keys.create", "POST", "/v3/api_keys", as: .onBehalfOf(subuser), json: body,
                                deadline: deadline)
        struct Created: Decodable {
            var key: String
            var id: String
            var name: String
            var scopes: [String]?
            enum CodingKeys: String, CodingKey { case key = "api_key", id = "api_key_id", name, scopes }
        }
        let created = try endpoint.decode(Created.self, from: response)
        return SendGridAPIKey(id: created.id, name: created.name, key: Secret(created.key),
                              scopes: created.scopes ?? scopes)
    }

    /// Creates a verified sender (`POST /v3/verified_senders`); SendGrid then mails `fromEmail` a link to click.
    public func createVerifiedSender(_ request: SendGridVerifiedSenderRequest, as actor: SendGridActor,
                                     deadline: Deadline? = nil) throws(ProviderError) -> SendGridVerifiedSender
    {
        let response = try call("verified_senders.create", "POST", "/v3/verified_senders", as: actor,
                                body: try encode(request), deadline: deadline)
        return try endpoint.decode(SendGridVerifiedSender.self, from: response)
    }

    /// The verified senders visible to `actor` (`GET /v3/verified_senders`).
    public func listVerifiedSenders(as actor: SendGridActor, deadline: Deadline? = nil)
        throws(ProviderError) -> [SendGridVerifiedSender]
    {
        struct Page: Decodable { var results: [SendGridVerifiedSender] }
        let response = try call("verified_senders.list", "GET", "/v3/verified_senders", as: actor, deadline: deadline)
        return try endpoint.decode(Page.self, from: response).results
    }

    /// Assigns the parent's authenticated domain `domainID` to `subuser`
    /// (`POST /v3/whitelabel/domains/{domain_id}/subuser`).
    public func assignDomain(_ domainID: Int, toSubuser subuser: String, deadline: Deadline? = nil)
        throws(ProviderError) -> SendGridDomain
    {
        let response = try call("domains.assign_subuser", "POST", "/v3/whitelabel/domains/\(domainID)/subuser",
                                as: .parent, json: .object(["username": .string(subuser)]), deadline: deadline)
        return try endpoint.decode(SendGridDomain.self, from: response)
    }

    /// Replaces the IPs `subuser` may send from (`PUT /v3/subusers/{name}/ips`); returns the new list.
    public func assignIPs(_ ips: [String], toSubuser subuser: String, deadline: Deadline? = nil)
        throws(ProviderError) -> [String]
    {
        struct Assigned: Decodable { var ips: [String] }
        let response = try call("subusers.assign_ips", "PUT", "/v3/subusers/\(FormEncoding.percentEncode(subuser))/ips",
                                as: .parent, json: .array(ips.map { JSONValue.string($0) }), deadline: deadline)
        return try endpoint.decode(Assigned.self, from: response).ips
    }

    /// Daily statistics of `subuser` from `startDate` to `endDate` inclusive (`YYYY-MM-DD`,
    /// `GET /v3/subusers/stats`).
    public func subuserStats(_ subuser: String, startDate: String, endDate: String, deadline: Deadline? = nil)
        throws(ProviderError) -> [SendGridDailyStats]
    {
        let query = FormEncoding.encode([("subusers", subuser), ("start_date", startDate), ("end_date", endDate),
                                         ("aggregated_by", "day")])
        let response = try call("subusers.stats", "GET", "/v3/subusers/stats?" + query, as: .parent,
                                deadline: deadline)
        guard let days = try? JSON.decoder().decode([JSONValue].self, from: Data(response.body)) else {
            throw ProviderError(provider: "sendgrid", code: .malformedResponse, status: response.status)
        }
        return try days.map { day throws(ProviderError) in
            guard let date = day["date"]?.string, let stats = day["stats"]?.array else {
                throw ProviderError(provider: "sendgrid", code: .malformedResponse, status: response.status)
            }
            let metrics = stats.first { $0["name"]?.string == subuser }?["metrics"]?.object ?? [:]
            func count(_ key: String) -> Int { metrics[key]?.number.map { Int($0) } ?? 0 }
            return SendGridDailyStats(date: date, requests: count("requests"), delivered: count("delivered"),
                                      bounces: count("bounces"), opens: count("opens"), clicks: count("clicks"),
                                      spamReports: count("spam_reports"))
        }
    }

    private func call(_ operation: String, _ method: String, _ path: String, as actor: SendGridActor,
                      json: JSONValue? = nil, body: [UInt8]? = nil, deadline: Deadline?)
        throws(ProviderError) -> HTTPClientResponse
    {
        var headers: [(String, String)] = [("Accept", "application/json")]
        switch actor {
        case .parent:
            headers.append(("Authorization", "Bearer " + configuration.masterKey.value))
        case .onBehalfOf(let subuser):
            headers.append(("Authorization", "Bearer " + configuration.masterKey.value))
            headers.append(("on-behalf-of", subuser))
        case .subuserKey(let key):
            headers.append(("Authorization", "Bearer " + key.value))
        }
        var bytes = body ?? []
        if let json { bytes = try encode(json) }
        if !bytes.isEmpty || method == "POST" || method == "PUT" { headers.append(("Content-Type", "application/json")) }
        return try endpoint.call(operation, method, path, headers: headers, body: bytes, deadline: deadline,
                                 errorDetail: Self.errorDetail)
    }

    private func encode(_ value: some Encodable) throws(ProviderError) -> [UInt8] {
        do { return try JSON.encode(value) } catch {
            throw ProviderError(provider: "sendgrid", code: .invalidRequest, providerMessage: "body not encodable")
        }
    }

    /// SendGrid errors: `{"errors":[{"field":…,"message":…}]}`.
    static func errorDetail(_ body: [UInt8]) -> (code: Int?, message: String?) {
        guard let object = try? JSONValue.object(from: body), let first = object["errors"]?.array?.first else {
            return ProviderEndpoint.genericErrorDetail(body)
        }
        let field = first["field"]?.string.map { "\($0): " } ?? ""
        return (nil, first["message"]?.string.map { field + $0 })
    }
}
