internal import Integrations
internal import Runtime
internal import RuntimePostgres

/// An agent conversation as stored in `helpdesk_sessions` (kind `agent`) through ``AskSessionStore``: loading the
/// caller's own history, bounding what goes back to the model, and converting to and from ``ChatMessage``.
enum AgentSession {
    /// The most stored messages sent back to the model on a new turn.
    static let historyMessages = 24
    /// A rough budget (characters, ~4 per token) for that history.
    static let historyCharacters = 16_000

    /// The stored messages of `id` when it is an agent session of `userID` in the connection's tenant; nil
    /// otherwise (another user's, another tenant's — RLS hides those —, an `ask` session, or none at all).
    static func load(_ id: String, userID: String, on connection: PGConnection) throws -> [AskSessionStore.Message]? {
        guard let row = try connection.query("""
            SELECT messages::text AS messages FROM helpdesk_sessions
            WHERE id = \(id)::uuid AND user_id = \(userID)::uuid AND kind = 'agent'
            """).first else { return nil }
        let stored = try row.string("messages")
        return (try? JSON.decode([AskSessionStore.Message].self, from: Array(stored.utf8))) ?? []
    }

    /// The newest messages within ``historyMessages`` and ``historyCharacters``, starting at a user message so
    /// that no `tool` message is separated from the assistant call it answers.
    static func bounded(_ messages: [AskSessionStore.Message]) -> [AskSessionStore.Message] {
        var kept: [AskSessionStore.Message] = []
        var characters = 0
        for message in messages.reversed() {
            characters += message.content.count + (message.tool_calls ?? []).reduce(0) { $0 + $1.arguments.count }
            if kept.count >= historyMessages || characters > historyCharacters { break }
            kept.append(message)
        }
        kept.reverse()
        guard let start = kept.firstIndex(where: { $0.role == "user" }) else { return [] }
        return Array(kept[start...])
    }

    /// A stored message as the model expects it; nil for roles the model is not sent.
    static func chatMessage(_ message: AskSessionStore.Message) -> ChatMessage? {
        switch message.role {
        case "user": return .user(message.content)
        case "assistant":
            let calls = message.tool_calls ?? []
            return .assistant(message.content.isEmpty && !calls.isEmpty ? nil : message.content, toolCalls: calls)
        case "tool":
            guard let id = message.tool_call_id else { return nil }
            return .tool(callID: id, content: message.content)
        default: return nil
        }
    }

    /// A conversation message to store (system messages are not stored).
    static func stored(_ message: ChatMessage, at: String, method: String? = nil) -> AskSessionStore.Message? {
        guard message.role == .user || message.role == .assistant || message.role == .tool else { return nil }
        var stored = AskSessionStore.Message(role: message.role.rawValue, content: message.content ?? "", at: at)
        stored.tool_calls = message.toolCalls.isEmpty ? nil : message.toolCalls
        stored.tool_call_id = message.toolCallID
        stored.method = message.role == .assistant && message.toolCalls.isEmpty ? method : nil
        return stored
    }
}
