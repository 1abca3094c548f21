internal import Integrations
internal import Runtime

/// What one agent turn produced: the reply, how it was made, the tool calls for the response, and the messages to
/// append to the session (the user's message first; assistant tool calls and `tool` results in order).
struct AgentTurn {
    /// One entry of the response's `tool_calls`.
    struct Call: Encodable {
        let name: String
        /// The parsed arguments (a JSON object), or the raw text when the model sent something unparseable.
        let arguments: JSONValue
        let result_summary: String
    }

    var reply: String
    /// `llm` or `rules`.
    var method: String
    var calls: [Call]
    var messages: [ChatMessage]

    /// The arguments of `call` for the response: parsed when they are a JSON object within the size limit.
    static func arguments(_ call: ToolCall) -> JSONValue {
        guard call.arguments.utf8.count <= AgentArguments.maxBytes else { return .string("(too large)") }
        let text = call.arguments.contains(where: { !$0.isWhitespace }) ? call.arguments : "{}"
        if let object = try? JSONValue.object(from: Array(text.utf8)) { return .object(object) }
        return .string(String(call.arguments.prefix(200)))
    }

    /// The calls of `messages`' assistant turns, summarised from `summaries` (calls the toolbox ran, by id), else
    /// from their `tool` message (errors the loop answered itself), else as not run.
    static func calls(in messages: [ChatMessage], summaries: [String: String]) -> [Call] {
        var results: [String: String] = [:]
        for message in messages where message.role == .tool {
            if let id = message.toolCallID { results[id] = message.content ?? "" }
        }
        return messages.flatMap(\.toolCalls).map { call in
            let summary = summaries[call.id] ?? results[call.id].map(Self.errorSummary) ?? "not run: step limit reached"
            return Call(name: String(call.name.prefix(64)), arguments: arguments(call), result_summary: summary)
        }
    }

    /// `error: <message>` for a `{"error": …}` tool result, else the first 200 characters of it.
    static func errorSummary(_ content: String) -> String {
        if let object = try? JSONValue.object(from: Array(content.utf8)), let message = object["error"]?.string {
            return "error: " + message
        }
        return String(content.prefix(200))
    }
}
