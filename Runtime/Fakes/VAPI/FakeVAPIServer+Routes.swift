internal import Runtime
internal import RuntimeTesting

extension FakeVAPIServer.Handler {
    func createAssistant(_ body: [String: JSONValue]) -> LoopbackHTTPServer.ScriptedResponse {
        var problems: [String] = []
        if body["model"]?["provider"]?.string == nil { problems.append("model.provider must be a string") }
        if body["model"]?["model"]?.string == nil { problems.append("model.model must be a string") }
        if let voice = body["voice"], voice["provider"]?.string == nil { problems.append("voice.provider must be a string") }
        if let server = body["server"], server["url"]?.string == nil { problems.append("server.url must be a URL") }
        guard problems.isEmpty else { return Self.error(400, problems) }
        let id = FakeHTTP.uuid()
        var stored = body
        stored["server"] = body["server"].map { Self.withoutSecret($0) }
        stored.merge(["id": .string(id), "orgId": .string(orgID), "createdAt": .string("2027-03-01T09:30:00.000Z"),
                      "updatedAt": .string("2027-03-01T09:30:00.000Z")]) { _, new in new }
        state.withLock { $0.assistants[id] = .object(stored) }
        return FakeHTTP.json(201, .object(stored))
    }

    func importNumber(_ body: [String: JSONValue]) -> LoopbackHTTPServer.ScriptedResponse {
        var problems: [String] = []
        if body["provider"]?.string != "twilio" { problems.append("provider must be one of: twilio, vonage, vapi, telnyx") }
        for field in ["number", "twilioAccountSid", "twilioAuthToken"] where (body[field]?.string ?? "").isEmpty {
            problems.append("\(field) must be a string")
        }
        guard problems.isEmpty else { return Self.error(400, problems) }
        if let assistant = body["assistantId"]?.string, state.withLock({ $0.assistants[assistant] == nil }) {
            return Self.error(400, ["Couldn't Find Assistant"])
        }
        let id = FakeHTTP.uuid()
        var stored = body
        stored["twilioAuthToken"] = nil
        stored["server"] = body["server"].map { Self.withoutSecret($0) }
        stored.merge(["id": .string(id), "orgId": .string(orgID), "status": .string("active"),
                      "createdAt": .string("2027-03-01T09:30:00.000Z"), "updatedAt": .string("2027-03-01T09:30:00.000Z")]) { _, new in new }
        state.withLock { $0.numbers[id] = .object(stored) }
        return FakeHTTP.json(201, .object(stored))
    }

    func updateNumber(_ id: String, _ body: [String: JSONValue]) -> LoopbackHTTPServer.ScriptedResponse {
        if let assistant = body["assistantId"]?.string, state.withLock({ $0.assistants[assistant] == nil }) {
            return Self.error(400, ["Couldn't Find Assistant"])
        }
        let updated: JSONValue? = state.withLock { state in
            guard case .object(var stored)? = state.numbers[id] else { return nil }
            for (key, value) in body where !["id", "orgId", "provider", "number"].contains(key) {
                stored[key] = key == "server" ? Self.withoutSecret(value) : value
            }
            state.numbers[id] = .object(stored)
            return .object(stored)
        }
        guard let updated else { return Self.error(404, ["Phone Number Not Found"]) }
        return FakeHTTP.json(200, updated)
    }

    func delete(_ id: String, assistants: Bool) -> LoopbackHTTPServer.ScriptedResponse {
        let removed: JSONValue? = state.withLock { state in
            if assistants {
                guard let value = state.assistants.removeValue(forKey: id) else { return nil }
                state.deletedAssistants.append(id)
                return value
            }
            guard let value = state.numbers.removeValue(forKey: id) else { return nil }
            state.deletedNumbers.append(id)
            return value
        }
        guard let removed else { return Self.error(404, [assistants ? "Assistant Not Found" : "Phone Number Not Found"]) }
        return FakeHTTP.json(200, removed)
    }

    /// VAPI never returns a server secret.
    static func withoutSecret(_ server: JSONValue) -> JSONValue {
        guard case .object(var members) = server else { return server }
        members["secret"] = nil
        return .object(members)
    }

    static func errorBody(_ status: Int, _ messages: [String]) -> JSONValue {
        let names = [400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 429: "Too Many Requests"]
        return .object(["message": .array(messages.map { JSONValue.string($0) }), "error": .string(names[status] ?? "Error"),
                        "statusCode": .number(Double(status))])
    }

    static func errorBody(_ status: Int, _ message: String) -> JSONValue { errorBody(status, [message]) }

    static func error(_ status: Int, _ messages: [String]) -> LoopbackHTTPServer.ScriptedResponse {
        FakeHTTP.json(status, errorBody(status, messages))
    }

    static func error(_ status: Int, _ message: String) -> LoopbackHTTPServer.ScriptedResponse {
        error(status, [message])
    }
}
