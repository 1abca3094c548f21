public import Logging
public import Runtime
internal import RuntimeHTTPClient

/// Twilio's REST API (2010-04-01) for voice provisioning: search and buy numbers, release them, and manage the
/// regulatory addresses some countries require (wire-formats.md §A6).
///
/// HTTP Basic auth with the account SID and auth token; request bodies are form-encoded; answers are JSON.
/// Not Sendable: it holds its thread's transport. Errors are ``ProviderError`` (provider `twilio`), whose
/// descriptions never hold the token, the Authorization header or a body.
public final class TwilioClient {
    public let configuration: TwilioConfiguration
    private let endpoint: ProviderEndpoint

    /// - Parameters:
    ///   - transport: an ``HTTPClient`` (or a rerouting seam) owned by the calling thread.
    public init(configuration: TwilioConfiguration, transport: any ProviderTransport, logger: Logger) {
        self.configuration = configuration
        self.endpoint = ProviderEndpoint(provider: "twilio", baseURL: configuration.baseURL, transport: transport,
                                         logger: logger, timeout: configuration.timeout)
    }

    /// Numbers available to buy, at most `search.limit`.
    public func searchAvailableNumbers(_ search: TwilioNumberSearch, deadline: Deadline? = nil)
        throws(ProviderError) -> [TwilioAvailableNumber]
    {
        guard search.country.utf8.count == 2, search.country.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }),
            (1...50).contains(search.limit)
        else { throw invalid("country must be two upper-case letters and limit 1...50") }
        var query: [(String, String)] = [("PageSize", String(search.limit))]
        if let areaCode = search.areaCode { query.append(("AreaCode", areaCode)) }
        if let contains = search.contains { query.append(("Contains", contains)) }
        if search.voiceEnabled { query.append(("VoiceEnabled", "true")) }
        let path = accountPath("/AvailablePhoneNumbers/\(search.country)/\(search.kind.rawValue).json")
            + "?" + FormEncoding.encode(query)
        let response = try endpoint.call("available_numbers.search", "GET", path, headers: headers(form: false),
                                         deadline: deadline, errorDetail: ProviderEndpoint.genericErrorDetail)
        guard let object = try? JSONValue.object(from: response.body),
            let list = object["available_phone_numbers"]?.array
        else { throw ProviderError(provider: "twilio", code: .malformedResponse, status: response.status) }
        return try list.map { item throws(ProviderError) in
            guard let number = Self.availableNumber(item) else {
                throw ProviderError(provider: "twilio", code: .malformedResponse, status: response.status)
            }
            return number
        }
    }

    /// Buys `purchase.phoneNumber` (IncomingPhoneNumbers create). The number is billed from this moment:
    /// callers that fail later must ``releaseNumber(sid:deadline:)`` it.
    public func purchaseNumber(_ purchase: TwilioNumberPurchase, deadline: Deadline? = nil)
        throws(ProviderError) -> TwilioIncomingNumber
    {
        guard purchase.phoneNumber.hasPrefix("+"), purchase.phoneNumber.utf8.count <= 16 else {
            throw invalid("phone number must be E.164")
        }
        var form: [(String, String)] = [("PhoneNumber", purchase.phoneNumber)]
        if let name = purchase.friendlyName { form.append(("FriendlyName", String(name.prefix(64)))) }
        if let url = purchase.voiceURL { form.append(("VoiceUrl", url)); form.append(("VoiceMethod", "POST")) }
        if let url = purchase.statusCallback {
            form.append(("StatusCallback", url))
            form.append(("StatusCallbackMethod", "POST"))
        }
        if let address = purchase.addressSID { form.append(("AddressSid", address)) }
        let response = try endpoint.call("incoming_numbers.purchase", "POST", accountPath("/IncomingPhoneNumbers.json"),
                                         headers: headers(form: true), body: Array(FormEncoding.encode(form).utf8),
                                         deadline: deadline)
        return try endpoint.decode(TwilioIncomingNumber.self, from: response)
    }

    /// Releases an owned number (`DELETE …/IncomingPhoneNumbers/{sid}.json`, 204).
    public func releaseNumber(sid: String, deadline: Deadline? = nil) throws(ProviderError) {
        guard TwilioConfiguration.isSID(sid, prefix: "PN") else { throw invalid("not a PN sid") }
        _ = try endpoint.call("incoming_numbers.release", "DELETE", accountPath("/IncomingPhoneNumbers/\(sid).json"),
                              headers: headers(form: false), deadline: deadline)
    }

    /// Registers a regulatory address (`POST …/Addresses.json`).
    public func createAddress(_ address: TwilioAddressRequest, deadline: Deadline? = nil)
        throws(ProviderError) -> TwilioAddress
    {
        var form: [(String, String)] = [
            ("CustomerName", address.customerName), ("Street", address.street), ("City", address.city),
            ("Region", address.region), ("PostalCode", address.postalCode), ("IsoCountry", address.isoCountry),
        ]
        if let name = address.friendlyName { form.append(("FriendlyName", name)) }
        let response = try endpoint.call("addresses.create", "POST", accountPath("/Addresses.json"),
                                         headers: headers(form: true), body: Array(FormEncoding.encode(form).utf8),
                                         deadline: deadline)
        return try endpoint.decode(TwilioAddress.self, from: response)
    }

    /// The account's addresses (first page, up to 50), optionally only those in `isoCountry`.
    public func listAddresses(isoCountry: String? = nil, deadline: Deadline? = nil)
        throws(ProviderError) -> [TwilioAddress]
    {
        var query: [(String, String)] = [("PageSize", "50")]
        if let isoCountry { query.append(("IsoCountry", isoCountry)) }
        let response = try endpoint.call("addresses.list", "GET",
                                         accountPath("/Addresses.json") + "?" + FormEncoding.encode(query),
                                         headers: headers(form: false), deadline: deadline)
        return try endpoint.decode(AddressPage.self, from: response).addresses
    }

    private struct AddressPage: Decodable { var addresses: [TwilioAddress] }

    private func accountPath(_ rest: String) -> String {
        "/2010-04-01/Accounts/\(FormEncoding.percentEncode(configuration.accountSID))" + rest
    }

    private func headers(form: Bool) -> [(String, String)] {
        var headers = [
            ("Authorization", FormEncoding.basicAuthorization(user: configuration.accountSID,
                                                              password: configuration.authToken.value)),
            ("Accept", "application/json"),
        ]
        if form { headers.append(("Content-Type", "application/x-www-form-urlencoded")) }
        return headers
    }

    private func invalid(_ message: String) -> ProviderError {
        ProviderError(provider: "twilio", code: .invalidRequest, providerMessage: message)
    }

    /// One `available_phone_numbers` entry; capability keys are matched case-insensitively (`SMS` or `sms`).
    static func availableNumber(_ value: JSONValue) -> TwilioAvailableNumber? {
        guard let object = value.object, let phone = object["phone_number"]?.string else { return nil }
        var capabilities: [String: Bool] = [:]
        for (key, flag) in object["capabilities"]?.object ?? [:] { capabilities[key.lowercased()] = flag.bool }
        return TwilioAvailableNumber(
            phoneNumber: phone, friendlyName: object["friendly_name"]?.string, locality: object["locality"]?.string,
            region: object["region"]?.string, isoCountry: object["iso_country"]?.string,
            addressRequirements: object["address_requirements"]?.string ?? "none",
            voice: capabilities["voice"] ?? false, sms: capabilities["sms"] ?? false)
    }
}
