internal import Runtime
internal import RuntimeTesting

/// The request handling behind ``FakeOpenAIServer``: routing, authentication, validation, then the scripted reply.
struct FakeOpenAIResponder: Sendable {
    let apiKey: String?
    let dimensions: Int
    let script: Locked<FakeOpenAIServer.Script>

    /// A rejection in OpenAI's error shape.
    struct Rejection: Error {
        var status = 400
        var message: String
        var param: String?
        var type = "invalid_request_error"
        var code: String?
    }

    func respond(to request: LoopbackHTTPServer.RecordedRequest) -> LoopbackHTTPServer.ScriptedResponse {
        let path = String(request.path.prefix { $0 != "?" })
        let endpoint: FakeOpenAIServer.Endpoint
        switch path {
        case "/v1/chat/completions", "/chat/completions": endpoint = .chat
        case "/v1/embeddings", "/embeddings": endpoint = .embeddings
        default:
            return Self.render(Rejection(status: 404, message: "Invalid URL (\(request.method) \(path))"))
        }
        do {
            guard request.method == "POST" else {
                throw Rejection(status: 405, message: "Method not allowed; use POST.")
            }
            try authenticate(request.headers)
            guard let type = request.headers["content-type"]?.lowercased(), type.hasPrefix("application/json") else {
                throw Rejection(message: "Send the request body as application/json.")
            }
            guard let body = try? JSONValue.object(from: request.body) else {
                throw Rejection(message: "We could not parse the JSON body of your request.")
            }
            switch endpoint {
            case .chat: try Self.validateChat(body)
            case .embeddings: try Self.validateEmbeddings(body)
            }
            let (reply, serial) = next(for: endpoint)
            var response =
                endpoint == .chat
                ? chatResponse(reply, serial: serial, body: body)
                : embeddingsResponse(reply, serial: serial, body: body)
            response.delay = reply.delay
            return response
        } catch let rejection as Rejection {
            return Self.render(rejection)
        } catch {
            return Self.render(Rejection(status: 500, message: "The fake failed.", type: "server_error"))
        }
    }

    private func authenticate(_ headers: Headers) throws {
        guard let apiKey else { return }
        let presented =
            headers["authorization"].flatMap { value -> String? in
                value.hasPrefix("Bearer ") ? String(value.dropFirst("Bearer ".count)) : nil
            } ?? headers["api-key"]
        guard let presented else {
            throw Rejection(status: 401, message: "You didn't provide an API key.", code: nil)
        }
        guard Secret(apiKey).matches(presented) else {
            throw Rejection(status: 401, message: "Incorrect API key provided.", code: "invalid_api_key")
        }
    }

    /// Pops the next reply for `endpoint` and numbers it; ``FakeOpenAIServer/Reply/standard`` when none is queued.
    private func next(for endpoint: FakeOpenAIServer.Endpoint) -> (reply: FakeOpenAIServer.Reply, serial: Int) {
        script.withLock { script in
            script.served += 1
            switch endpoint {
            case .chat where !script.chat.isEmpty: return (script.chat.removeFirst(), script.served)
            case .embeddings where !script.embeddings.isEmpty: return (script.embeddings.removeFirst(), script.served)
            default: return (.standard, script.served)
            }
        }
    }

    /// Renders failures common to both endpoints, or nil for a reply that answers normally.
    static func failure(_ reply: FakeOpenAIServer.Reply) -> LoopbackHTTPServer.ScriptedResponse? {
        switch reply.kind {
        case .error(let status, let type, let code, let message):
            return render(Rejection(status: status, message: message, type: type, code: code))
        case .rateLimited(let seconds):
            var response = render(
                Rejection(
                    status: 429, message: "Rate limit reached for requests.", type: "requests",
                    code: "rate_limit_exceeded"))
            response.headers.append(("Retry-After", String(seconds)))
            return response
        case .malformedJSON:
            return .init(
                headers: [("Content-Type", "application/json")], text: #"{"id":"chatcmpl-fake","choices":[{"message":"#)
        case .drop:
            return .drop()
        case .standard, .text, .toolCalls, .refusal:
            return nil
        }
    }

    static func render(_ rejection: Rejection) -> LoopbackHTTPServer.ScriptedResponse {
        let error: [String: JSONValue] = [
            "message": .string(rejection.message), "type": .string(rejection.type),
            "param": rejection.param.map(JSONValue.string) ?? .null,
            "code": rejection.code.map(JSONValue.string) ?? .null,
        ]
        return json(.object(["error": .object(error)]), status: rejection.status)
    }

    static func json(_ value: JSONValue, status: Int = 200, requestID: Int = 0) -> LoopbackHTTPServer.ScriptedResponse {
        let body = (try? JSON.encode(value)) ?? Array(#"{}"#.utf8)
        return .init(
            status: status, headers: [("Content-Type", "application/json"), ("x-request-id", "req_fake_\(requestID)")],
            body: body)
    }
}
