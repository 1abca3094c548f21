internal import Runtime
internal import RuntimeTesting

extension FakeTwilioServer.Handler {
    /// `GET /AvailablePhoneNumbers/{CC}/{Local|Mobile|TollFree}.json`: deterministic numbers per country/area.
    func search(rest: String, query: [(name: String, value: String)]) -> LoopbackHTTPServer.ScriptedResponse {
        let parts = rest.split(separator: "/")
        guard parts.count == 3, parts[1].count == 2, ["Local.json", "Mobile.json", "TollFree.json"].contains(parts[2])
        else { return Self.error(404, code: 20404, "The requested resource was not found") }
        let country = String(parts[1])
        let values = Dictionary(query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let size = Int(values["PageSize"] ?? "20") ?? 20
        let area = values["AreaCode"] ?? (country == "US" ? "415" : "21")
        let prefix = country == "US" ? "+1" : "+27"
        let needsAddress = addressRequiredCountries.contains(country) ? "local" : "none"
        let numbers: [JSONValue] = (0..<min(size, 5)).map { index in
            let number = "\(prefix)\(area)555\(String(1000 + index))"
            return .object([
                "friendly_name": .string(number), "phone_number": .string(number), "locality": .string("Testville"),
                "region": .string("TS"), "iso_country": .string(country), "postal_code": .string("00000"),
                "address_requirements": .string(needsAddress), "beta": .bool(false),
                "capabilities": .object(["voice": .bool(true), "SMS": .bool(true), "MMS": .bool(false)]),
            ])
        }
        return FakeHTTP.json(200, .object(["available_phone_numbers": .array(numbers), "uri": .string(rest)]))
    }

    /// `POST /IncomingPhoneNumbers.json`.
    func purchase(_ form: [String: String]) -> LoopbackHTTPServer.ScriptedResponse {
        guard let number = form["PhoneNumber"], number.hasPrefix("+"), number.count >= 8 else {
            return Self.error(400, code: 21421, "PhoneNumber is invalid")
        }
        let country = number.hasPrefix("+1") ? "US" : "ZA"
        if addressRequiredCountries.contains(country) {
            guard let address = form["AddressSid"], state.withLock({ $0.addresses[address] != nil }) else {
                return Self.error(400, code: 21631, "Phone Number Requires an Address")
            }
        }
        let sid = "PN" + FakeHTTP.hex(bytes: 16)
        let resource: JSONValue = .object([
            "sid": .string(sid), "account_sid": .string(accountSID), "phone_number": .string(number),
            "friendly_name": .string(form["FriendlyName"] ?? number), "voice_url": form["VoiceUrl"].map { JSONValue.string($0) } ?? .null,
            "status_callback": .string(form["StatusCallback"] ?? ""), "address_sid": form["AddressSid"].map { JSONValue.string($0) } ?? .null,
            "address_requirements": .string(addressRequiredCountries.contains(country) ? "local" : "none"),
            "capabilities": .object(["voice": .bool(true), "sms": .bool(true), "mms": .bool(false), "fax": .bool(false)]),
            "status": .string("in-use"), "date_created": .string("Mon, 01 Mar 2027 09:30:00 +0000"),
        ])
        state.withLock { $0.owned[sid] = resource }
        return FakeHTTP.json(201, resource)
    }

    /// `DELETE /IncomingPhoneNumbers/{PN}.json` → 204.
    func release(rest: String) -> LoopbackHTTPServer.ScriptedResponse {
        let sid = rest.split(separator: "/").last.map { String($0.split(separator: ".")[0]) } ?? ""
        let removed = state.withLock { state -> Bool in
            guard state.owned.removeValue(forKey: sid) != nil else { return false }
            state.released.append(sid)
            return true
        }
        return removed ? .init(status: 204) : Self.error(404, code: 20404, "The requested resource was not found")
    }

    /// `POST /Addresses.json`.
    func createAddress(_ form: [String: String]) -> LoopbackHTTPServer.ScriptedResponse {
        for field in ["CustomerName", "Street", "City", "Region", "PostalCode", "IsoCountry"] where (form[field] ?? "").isEmpty {
            return Self.error(400, code: 21604, "\(field) is required")
        }
        let sid = "AD" + FakeHTTP.hex(bytes: 16)
        let resource: JSONValue = .object([
            "sid": .string(sid), "account_sid": .string(accountSID), "customer_name": .string(form["CustomerName"] ?? ""),
            "street": .string(form["Street"] ?? ""), "city": .string(form["City"] ?? ""),
            "region": .string(form["Region"] ?? ""), "postal_code": .string(form["PostalCode"] ?? ""),
            "iso_country": .string(form["IsoCountry"] ?? ""), "friendly_name": form["FriendlyName"].map { JSONValue.string($0) } ?? .null,
            "validated": .bool(true), "verified": .bool(false), "emergency_enabled": .bool(false),
        ])
        state.withLock {
            $0.addresses[sid] = resource
            $0.addressOrder.append(sid)
        }
        return FakeHTTP.json(201, resource)
    }

    /// `GET /Addresses.json`, optionally filtered by `IsoCountry`.
    func listAddresses(query: [(name: String, value: String)]) -> LoopbackHTTPServer.ScriptedResponse {
        let country = query.first { $0.name == "IsoCountry" }?.value
        let list = state.withLock { state in state.addressOrder.compactMap { state.addresses[$0] } }
            .filter { country == nil || $0["iso_country"]?.string == country }
        return FakeHTTP.json(200, .object(["addresses": .array(list), "page": .number(0)]))
    }

    static func errorBody(_ status: Int, code: Int, _ message: String) -> JSONValue {
        .object(["code": .number(Double(code)), "message": .string(message), "status": .number(Double(status)),
                 "more_info": .string("https://www.twilio.com/docs/errors/\(code)")])
    }

    static func error(_ status: Int, code: Int, _ message: String) -> LoopbackHTTPServer.ScriptedResponse {
        FakeHTTP.json(status, errorBody(status, code: code, message))
    }
}
