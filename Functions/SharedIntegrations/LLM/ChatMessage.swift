/// One message of a chat conversation, in OpenAI's chat-completions shape.
///
/// Encodes as `{"role","content"}`, plus `tool_calls` for an assistant message that calls tools (its `content` is
/// then `null` when empty) and `tool_call_id` for a `tool` message. Assistant messages returned by the server
/// decode into this type unchanged, so they can be appended to the conversation as they came.
public struct ChatMessage: Sendable, Equatable, Codable {
    /// Who wrote the message.
    public enum Role: String, Sendable, Codable {
        case system, developer, user, assistant, tool
    }

    /// Who wrote the message.
    public var role: Role
    /// The text; nil for an assistant message that only calls tools.
    public var content: String?
    /// The tools an assistant message calls, in the order the model listed them.
    public var toolCalls: [ToolCall]
    /// For a `tool` message: the id of the call it answers.
    public var toolCallID: String?
    /// For an assistant message from a structured-output request: the model's refusal text, if it refused.
    public var refusal: String?

    /// Creates a message; prefer the static constructors.
    public init(
        role: Role, content: String?, toolCalls: [ToolCall] = [], toolCallID: String? = nil,
        refusal: String? = nil
    ) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.refusal = refusal
    }

    /// A system prompt.
    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: .system, content: content) }
    /// A user turn.
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: .user, content: content) }
    /// An assistant turn (for few-shot examples or a replayed history).
    public static func assistant(_ content: String?, toolCalls: [ToolCall] = []) -> ChatMessage {
        ChatMessage(role: .assistant, content: content, toolCalls: toolCalls)
    }
    /// The result of the tool call `callID`.
    public static func tool(callID: String, content: String) -> ChatMessage {
        ChatMessage(role: .tool, content: content, toolCallID: callID)
    }

    private enum CodingKeys: String, CodingKey {
        case role, content, refusal
        case toolCalls = "tool_calls"
        case toolCallID = "tool_call_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        role = try container.decodeIfPresent(Role.self, forKey: .role) ?? .assistant
        content = try container.decodeIfPresent(String.self, forKey: .content)
        toolCalls = try container.decodeIfPresent([ToolCall].self, forKey: .toolCalls) ?? []
        toolCallID = try container.decodeIfPresent(String.self, forKey: .toolCallID)
        refusal = try container.decodeIfPresent(String.self, forKey: .refusal)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        if let content {
            try container.encode(content, forKey: .content)
        } else {
            try container.encodeNil(forKey: .content)
        }
        if !toolCalls.isEmpty { try container.encode(toolCalls, forKey: .toolCalls) }
        try container.encodeIfPresent(toolCallID, forKey: .toolCallID)
        try container.encodeIfPresent(refusal, forKey: .refusal)
    }
}

/// A tool call requested by the model: `{"id","type":"function","function":{"name","arguments"}}`.
///
/// ``arguments`` is the JSON **string** the model produced, kept verbatim; it may be malformed, which the tool loop
/// answers with an error message instead of calling the handler.
public struct ToolCall: Sendable, Equatable, Codable {
    /// The call's id (`call_…`), echoed by the `tool` message that answers it.
    public var id: String
    /// The function's name.
    public var name: String
    /// The arguments as a JSON text, unparsed.
    public var arguments: String

    /// Creates a call (for replayed histories and tests).
    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }

    private enum CodingKeys: String, CodingKey { case id, type, function }
    private struct Function: Codable { var name: String; var arguments: String }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        let function = try container.decode(Function.self, forKey: .function)
        name = function.name
        arguments = function.arguments
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode("function", forKey: .type)
        try container.encode(Function(name: name, arguments: arguments), forKey: .function)
    }
}
