internal import Runtime
internal import RuntimeTesting

extension FakeSendGridAccountsServer.Handler {
    func createSubuser(_ body: JSONValue, caller: FakeSendGridAccountsServer.Caller) -> LoopbackHTTPServer.ScriptedResponse {
        guard case .parent = caller else { return Self.error(403, nil, "access forbidden") }
        for field in ["username", "email", "password"] where (body[field]?.string ?? "").isEmpty {
            return Self.error(400, field, "\(field) is required")
        }
        guard let ips = body["ips"]?.array, !ips.isEmpty, ips.allSatisfy({ $0.string != nil }) else {
            return Self.error(400, "ips", "ips must be a non-empty array of IPv4 addresses")
        }
        let username = body["username"]?.string ?? ""
        let created: JSONValue? = state.withLock { state in
            guard state.subusers[username] == nil else { return nil }
            state.nextID += 1
            let value: JSONValue = .object([
                "username": .string(username), "user_id": .number(Double(state.nextID)),
                "email": body["email"] ?? .null, "signup_session_token": .string(FakeHTTP.hex(bytes: 8)),
                "authorization_token": .string(FakeHTTP.hex(bytes: 8)),
                "credit_allocation": .object(["type": .string("unlimited")]),
                "region": body["region"] ?? .string("global"),
            ])
            state.subusers[username] = value
            state.subuserIPs[username] = ips.compactMap(\.string)
            return value
        }
        guard let created else { return Self.error(400, "username", "username exists") }
        return FakeHTTP.json(200, created)
    }

    func createAPIKey(_ body: JSONValue, caller: FakeSendGridAccountsServer.Caller) -> LoopbackHTTPServer.ScriptedResponse {
        guard let name = body["name"]?.string, !name.isEmpty else { return Self.error(400, "name", "missing required argument") }
        let scopes = body["scopes"]?.array?.compactMap(\.string) ?? ["mail.send"]
        let owner: String
        switch caller {
        case .subuser(let subuser): owner = subuser
        case .parent: owner = ""
        }
        let id = FakeHTTP.hex(bytes: 11)
        let key = "SG." + id + "." + FakeHTTP.hex(bytes: 21)
        state.withLock { $0.keys[key] = owner }
        return FakeHTTP.json(201, .object(["api_key": .string(key), "api_key_id": .string(id), "name": .string(name),
                                           "scopes": .array(scopes.map { JSONValue.string($0) })]))
    }

    func createSender(_ body: JSONValue, caller: FakeSendGridAccountsServer.Caller) -> LoopbackHTTPServer.ScriptedResponse {
        for field in ["nickname", "from_email", "reply_to", "address", "city", "country"] where (body[field]?.string ?? "").isEmpty {
            return Self.error(400, field, "\(field) is required")
        }
        let sender: JSONValue = state.withLock { state in
            state.nextID += 1
            guard case .object(var members) = body else { return body }
            members["id"] = .number(Double(state.nextID))
            members["verified"] = .bool(false)
            members["locked"] = .bool(false)
            let value: JSONValue = .object(members)
            state.senders.append((Self.owner(caller), value))
            return value
        }
        return FakeHTTP.json(201, sender)
    }

    func listSenders(caller: FakeSendGridAccountsServer.Caller) -> LoopbackHTTPServer.ScriptedResponse {
        let owner = Self.owner(caller)
        let list = state.withLock { $0.senders.filter { $0.owner == owner }.map(\.value) }
        return FakeHTTP.json(200, .object(["results": .array(list)]))
    }

    func assignDomain(_ id: Int?, _ body: JSONValue, caller: FakeSendGridAccountsServer.Caller)
        -> LoopbackHTTPServer.ScriptedResponse
    {
        guard case .parent = caller else { return Self.error(403, nil, "access forbidden") }
        guard let id, let domain = domains[id] else { return Self.error(404, nil, "authenticated domain not found") }
        guard let username = body["username"]?.string, state.withLock({ $0.subusers[username] != nil }) else {
            return Self.error(400, "username", "username not found")
        }
        return FakeHTTP.json(201, .object([
            "id": .number(Double(id)), "user_id": .number(1), "subdomain": .string("em123"), "domain": .string(domain),
            "username": .string(username), "ips": .array([]), "custom_spf": .bool(false), "default": .bool(false),
            "legacy": .bool(false), "automatic_security": .bool(true), "valid": .bool(true),
        ]))
    }

    func assignIPs(_ subuser: String, _ body: JSONValue, caller: FakeSendGridAccountsServer.Caller)
        -> LoopbackHTTPServer.ScriptedResponse
    {
        guard case .parent = caller else { return Self.error(403, nil, "access forbidden") }
        guard let ips = body.array, ips.allSatisfy({ $0.string != nil }) else {
            return Self.error(400, nil, "request body must be an array of IPs")
        }
        let known = state.withLock { state -> Bool in
            guard state.subusers[subuser] != nil else { return false }
            state.subuserIPs[subuser] = ips.compactMap(\.string)
            return true
        }
        guard known else { return Self.error(404, nil, "subuser not found") }
        return FakeHTTP.json(200, .object(["ips": .array(ips)]))
    }

    /// `GET /v3/subusers/stats`: one day per date from `start_date` (max 31), `requests` = day index + 1.
    func stats(_ query: [(name: String, value: String)], caller: FakeSendGridAccountsServer.Caller)
        -> LoopbackHTTPServer.ScriptedResponse
    {
        guard case .parent = caller else { return Self.error(403, nil, "access forbidden") }
        let values = Dictionary(query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard let subuser = values["subusers"], let start = values["start_date"], start.count == 10,
            let day = Int(start.suffix(2))
        else { return Self.error(400, "start_date", "start_date is required") }
        let end = values["end_date"].flatMap { Int($0.suffix(2)) } ?? day
        let days: [JSONValue] = (day...max(day, min(end, 31))).enumerated().map { index, dayOfMonth in
            let date = String(start.prefix(8)) + (dayOfMonth < 10 ? "0" : "") + String(dayOfMonth)
            let metrics: [String: JSONValue] = [
                "requests": .number(Double(index + 1)), "delivered": .number(Double(index + 1)), "bounces": .number(0),
                "opens": .number(0), "clicks": .number(0), "spam_reports": .number(0), "processed": .number(Double(index + 1)),
            ]
            return .object(["date": .string(date), "stats": .array([.object([
                "type": .string("subuser"), "name": .string(subuser), "metrics": .object(metrics),
            ])])])
        }
        return FakeHTTP.json(200, .array(days))
    }

    static func owner(_ caller: FakeSendGridAccountsServer.Caller) -> String {
        if case .subuser(let name) = caller { return name }
        return ""
    }

    static func errorBody(_ field: String?, _ message: String) -> JSONValue {
        .object(["errors": .array([.object(["field": field.map { JSONValue.string($0) } ?? .null, "message": .string(message)])])])
    }

    static func error(_ status: Int, _ field: String?, _ message: String) -> LoopbackHTTPServer.ScriptedResponse {
        FakeHTTP.json(status, errorBody(field, message))
    }
}
