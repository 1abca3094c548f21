internal import Runtime

/// The request checks OpenAI applies, as far as the platform's calls exercise them (openai-openapi `openapi.yaml`).
extension FakeOpenAIResponder {
    static let roles: Set<String> = ["system", "developer", "user", "assistant", "tool"]

    static func validateChat(_ body: [String: JSONValue]) throws {
        guard let model = body["model"]?.string, !model.isEmpty else {
            throw Rejection(message: "you must provide a model parameter", param: "model")
        }
        guard let messages = body["messages"]?.array, !messages.isEmpty else {
            throw Rejection(message: "'messages' must be a non-empty array", param: "messages")
        }
        try validateMessages(messages)
        let toolNames = try validateTools(body["tools"])
        try validateToolChoice(body["tool_choice"], toolNames: toolNames)
        try validateResponseFormat(body["response_format"])
        if let temperature = body["temperature"], temperature != .null {
            guard let value = temperature.number, (0...2).contains(value) else {
                throw Rejection(message: "temperature must be a number between 0 and 2", param: "temperature")
            }
        }
    }

    /// Roles, content, tool calls, and the pairing of `tool` messages with the preceding assistant's calls.
    static func validateMessages(_ messages: [JSONValue]) throws {
        var unanswered: [String] = []
        var answerable: Set<String> = []
        for (index, message) in messages.enumerated() {
            let param = "messages[\(index)]"
            guard let role = message["role"]?.string, roles.contains(role) else {
                throw Rejection(
                    message: "\(param).role must be one of \(roles.sorted().joined(separator: ", "))",
                    param: "\(param).role")
            }
            let calls = message["tool_calls"]?.array ?? []
            if role != "tool" && !unanswered.isEmpty {
                throw Rejection(
                    message: "An assistant message with 'tool_calls' must be followed by tool messages "
                        + "responding to each 'tool_call_id'. Missing: \(unanswered.joined(separator: ", "))",
                    param: "messages")
            }
            switch role {
            case "tool":
                guard let id = message["tool_call_id"]?.string, answerable.contains(id) else {
                    throw Rejection(
                        message: "messages with role 'tool' must be a response to a preceding message "
                            + "with 'tool_calls'", param: "\(param).tool_call_id")
                }
                answerable.remove(id)
                unanswered.removeAll { $0 == id }
                try requireContent(message, param: param)
            case "assistant":
                unanswered = try validateToolCalls(calls, param: param)
                answerable = Set(unanswered)
                if calls.isEmpty && message["refusal"]?.string == nil { try requireContent(message, param: param) }
            default:
                answerable = []
                try requireContent(message, param: param)
            }
        }
        if !unanswered.isEmpty {
            throw Rejection(
                message: "An assistant message with 'tool_calls' must be followed by tool messages "
                    + "responding to each 'tool_call_id'. Missing: \(unanswered.joined(separator: ", "))",
                param: "messages")
        }
    }

    private static func requireContent(_ message: JSONValue, param: String) throws {
        switch message["content"] {
        case .string?, .array?: return
        default:
            throw Rejection(
                message: "\(param).content must be a string or an array of parts", param: "\(param).content")
        }
    }

    /// The ids of `calls`, after checking each is `{id, type:"function", function:{name, arguments:<string>}}`.
    private static func validateToolCalls(_ calls: [JSONValue], param: String) throws -> [String] {
        try calls.enumerated().map { index, call in
            let at = "\(param).tool_calls[\(index)]"
            guard let id = call["id"]?.string, !id.isEmpty, call["type"]?.string == "function" else {
                throw Rejection(message: "\(at) needs an id and type 'function'", param: at)
            }
            guard call["function"]?["name"]?.string != nil, call["function"]?["arguments"]?.string != nil else {
                throw Rejection(
                    message: "\(at).function needs a name and arguments as a JSON string", param: "\(at).function")
            }
            return id
        }
    }

    /// The declared tool names, after checking each definition.
    private static func validateTools(_ tools: JSONValue?) throws -> Set<String> {
        guard let tools, tools != .null else { return [] }
        guard let list = tools.array else { throw Rejection(message: "tools must be an array", param: "tools") }
        var names: Set<String> = []
        for (index, tool) in list.enumerated() {
            let param = "tools[\(index)]"
            guard tool["type"]?.string == "function", let name = tool["function"]?["name"]?.string, isName(name) else {
                throw Rejection(
                    message: "\(param) needs type 'function' and a function.name matching ^[a-zA-Z0-9_-]{1,64}$",
                    param: param)
            }
            if let parameters = tool["function"]?["parameters"] {
                guard parameters.object != nil else {
                    throw Rejection(message: "\(param).function.parameters must be an object", param: param)
                }
                if tool["function"]?["strict"] == .bool(true), let problem = strictProblem(parameters, at: "parameters")
                {
                    throw Rejection(message: "Invalid schema for function '\(name)': \(problem)", param: param)
                }
            }
            names.insert(name)
        }
        return names
    }

    private static func validateToolChoice(_ choice: JSONValue?, toolNames: Set<String>) throws {
        switch choice {
        case nil, .null?: return
        case .string(let mode)? where ["none", "auto", "required"].contains(mode): return
        case .object?:
            guard choice?["type"]?.string == "function", let name = choice?["function"]?["name"]?.string,
                toolNames.contains(name)
            else { throw Rejection(message: "tool_choice names no declared function", param: "tool_choice") }
        default:
            throw Rejection(message: "tool_choice must be none, auto, required or a function", param: "tool_choice")
        }
    }

    private static func validateResponseFormat(_ format: JSONValue?) throws {
        guard let format, format != .null else { return }
        switch format["type"]?.string {
        case "text"?, "json_object"?: return
        case "json_schema"?:
            guard let name = format["json_schema"]?["name"]?.string, isName(name) else {
                throw Rejection(
                    message: "response_format.json_schema.name must match ^[a-zA-Z0-9_-]{1,64}$",
                    param: "response_format.json_schema.name")
            }
            guard let schema = format["json_schema"]?["schema"], schema.object != nil else {
                throw Rejection(
                    message: "response_format.json_schema.schema must be an object",
                    param: "response_format.json_schema.schema")
            }
            if format["json_schema"]?["strict"] == .bool(true), let problem = strictProblem(schema, at: "schema") {
                throw Rejection(
                    message: "Invalid schema for response_format '\(name)': \(problem)",
                    param: "response_format")
            }
        default:
            throw Rejection(
                message: "response_format.type must be text, json_object or json_schema",
                param: "response_format.type")
        }
    }

    /// Strict mode: every object has `additionalProperties: false` and lists all its properties in `required`.
    static func strictProblem(_ schema: JSONValue, at path: String) -> String? {
        if schema["type"]?.string == "object" || schema["properties"] != nil {
            let properties = schema["properties"]?.object ?? [:]
            guard schema["additionalProperties"] == .bool(false) else {
                return "In context=\(path), 'additionalProperties' is required to be supplied and to be false."
            }
            let required = Set(schema["required"]?.array?.compactMap(\.string) ?? [])
            if let missing = properties.keys.sorted().first(where: { !required.contains($0) }) {
                return
                    "In context=\(path), 'required' is required to include every key in properties. "
                    + "Missing '\(missing)'."
            }
            for key in properties.keys.sorted() {
                if let problem = properties[key].flatMap({ strictProblem($0, at: "\(path).properties.\(key)") }) {
                    return problem
                }
            }
        }
        let nested =
            [schema["items"]].compactMap { $0 } + (schema["anyOf"]?.array ?? [])
            + (schema["$defs"]?.object.map { Array($0.values) } ?? [])
        return nested.lazy.compactMap { strictProblem($0, at: path + ".…") }.first
    }

    static func validateEmbeddings(_ body: [String: JSONValue]) throws {
        guard let model = body["model"]?.string, !model.isEmpty else {
            throw Rejection(message: "you must provide a model parameter", param: "model")
        }
        let inputs =
            body["input"].flatMap { input in input.string.map { [$0] } ?? input.array?.map { $0.string ?? "" } } ?? []
        guard !inputs.isEmpty, inputs.count <= 2048, inputs.allSatisfy({ !$0.isEmpty }) else {
            throw Rejection(
                message: "'input' must be a non-empty string or an array of 1 to 2048 non-empty strings",
                param: "input")
        }
        if let format = body["encoding_format"], format != .string("float") {
            throw Rejection(message: "The fake supports encoding_format 'float' only", param: "encoding_format")
        }
        if let dimensions = body["dimensions"] {
            guard let value = dimensions.number, value >= 1, value <= 3072, value.rounded() == value else {
                throw Rejection(message: "dimensions must be an integer from 1 to 3072", param: "dimensions")
            }
        }
    }

    /// `^[a-zA-Z0-9_-]{1,64}$`.
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    return true
                default:
                    return false
                }
            }
    }
}
