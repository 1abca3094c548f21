internal import Runtime
internal import RuntimeTesting

extension FakeOpenAIResponder {
    /// A `chat.completion` object for `reply` (or its failure).
    func chatResponse(_ reply: FakeOpenAIServer.Reply, serial: Int, body: [String: JSONValue])
        -> LoopbackHTTPServer.ScriptedResponse
    {
        if let failure = Self.failure(reply) { return failure }
        var message: [String: JSONValue] = ["role": .string("assistant"), "content": .null, "refusal": .null]
        var finishReason = "stop"
        switch reply.kind {
        case .text(let content):
            message["content"] = .string(content)
        case .toolCalls(let calls):
            message["tool_calls"] = .array(
                calls.map { call in
                    .object([
                        "id": .string(call.id), "type": .string("function"),
                        "function": .object(["name": .string(call.name), "arguments": .string(call.arguments)]),
                    ])
                })
            finishReason = "tool_calls"
        case .refusal(let text):
            message["refusal"] = .string(text)
        default:
            let schema = body["response_format"]?["json_schema"]?["schema"]
            let content = schema.map {
                (try? JSON.encode(Self.instance(of: $0))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            }
            message["content"] = .string(content ?? "This is a reply from the fake OpenAI server.")
        }
        let prompt = reply.usage?.prompt ?? Self.words(in: body["messages"] ?? .null)
        let completion = reply.usage?.completion ?? max(1, Self.words(in: .object(message)))
        let usage: JSONValue = .object([
            "prompt_tokens": .number(Double(prompt)),
            "completion_tokens": .number(Double(completion)),
            "total_tokens": .number(Double(prompt + completion)),
        ])
        let choice: JSONValue = .object([
            "index": .number(0), "message": .object(message), "logprobs": .null,
            "finish_reason": .string(reply.finishReason ?? finishReason),
        ])
        return Self.json(
            .object([
                "id": .string("chatcmpl-fake-\(serial)"), "object": .string("chat.completion"),
                "created": .number(Double(1_700_000_000 + serial)), "model": body["model"] ?? .null,
                "choices": .array([choice]), "usage": usage,
            ]), requestID: serial)
    }

    /// A `list` of embeddings in input order (or the reply's failure).
    func embeddingsResponse(_ reply: FakeOpenAIServer.Reply, serial: Int, body: [String: JSONValue])
        -> LoopbackHTTPServer.ScriptedResponse
    {
        if let failure = Self.failure(reply) { return failure }
        let inputs =
            body["input"].flatMap { input in input.array?.compactMap(\.string) ?? input.string.map { [$0] } } ?? []
        let size = body["dimensions"]?.number.map { Int($0) } ?? dimensions
        let data: [JSONValue] = inputs.enumerated().map { index, text in
            .object([
                "object": .string("embedding"), "index": .number(Double(index)),
                "embedding": .array(FakeOpenAIServer.embedding(of: text, dimensions: size).map { .number(Double($0)) }),
            ])
        }
        let prompt = reply.usage?.prompt ?? inputs.reduce(0) { $0 + Self.words(in: .string($1)) }
        return Self.json(
            .object([
                "object": .string("list"), "data": .array(data), "model": body["model"] ?? .null,
                "usage": .object(["prompt_tokens": .number(Double(prompt)), "total_tokens": .number(Double(prompt))]),
            ]), requestID: serial)
    }

    /// A minimal instance of a JSON Schema: the first `enum` value or `const`, else "", 0, false, [] or an object
    /// with every property filled in the same way.
    static func instance(of schema: JSONValue, depth: Int = 0) -> JSONValue {
        guard depth < 16 else { return .null }
        if let value = schema["const"] { return value }
        if let first = schema["enum"]?.array?.first { return first }
        if let first = schema["anyOf"]?.array?.first { return instance(of: first, depth: depth + 1) }
        let type =
            schema["type"]?.string ?? schema["type"]?.array?.first?.string
            ?? (schema["properties"] != nil ? "object" : "null")
        switch type {
        case "object":
            let properties = schema["properties"]?.object ?? [:]
            return .object(properties.mapValues { instance(of: $0, depth: depth + 1) })
        case "array": return .array([])
        case "string": return .string("")
        case "number", "integer": return .number(0)
        case "boolean": return .bool(false)
        default: return .null
        }
    }

    /// A rough token count: runs of letters and digits in every string of `value`.
    static func words(in value: JSONValue) -> Int {
        switch value {
        case .string(let text): return text.split { !($0.isLetter || $0.isNumber) }.count
        case .array(let items): return items.reduce(0) { $0 + words(in: $1) }
        case .object(let members): return members.values.reduce(0) { $0 + words(in: $1) }
        default: return 0
        }
    }
}
