/// The answer to one chat-completions call: the assistant message, why generation stopped, and token usage.
///
/// Only the first choice is kept (the client never asks for `n > 1`).
public struct ChatResult: Sendable, Equatable {
    /// The completion's id (`chatcmpl-…`), or empty if the server sent none.
    public var id: String
    /// The model that answered, as the server names it (may be more specific than the configured one).
    public var model: String
    /// The assistant message, as returned; append it unchanged to continue the conversation.
    public var message: ChatMessage
    /// Why generation stopped, if the server said.
    public var finishReason: FinishReason?
    /// Token counts, if the server reported them.
    public var usage: Usage?

    /// The message text (nil when the model only called tools).
    public var content: String? { message.content }
    /// The tool calls, in the model's order; empty for a final answer.
    public var toolCalls: [ToolCall] { message.toolCalls }
    /// The refusal text of a structured-output request the model declined.
    public var refusal: String? { message.refusal }

    /// Creates a result (the client builds these; tests may too).
    public init(id: String, model: String, message: ChatMessage, finishReason: FinishReason?, usage: Usage?) {
        self.id = id
        self.model = model
        self.message = message
        self.finishReason = finishReason
        self.usage = usage
    }
}

/// Why the model stopped: `stop`, `length`, `tool_calls`, `content_filter`, or whatever else a server sends.
public struct FinishReason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The value as sent.
    public let rawValue: String
    /// Wraps any value.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A natural end, or a stop sequence.
    public static let stop = FinishReason(rawValue: "stop")
    /// The token limit cut the answer short.
    public static let length = FinishReason(rawValue: "length")
    /// The model wants tools called.
    public static let toolCalls = FinishReason(rawValue: "tool_calls")
    /// The provider's filter removed content.
    public static let contentFilter = FinishReason(rawValue: "content_filter")

    /// The raw value.
    public var description: String { rawValue }
}

/// Token counts of one call (or, in ``ToolLoopResult``, the sum over its calls).
public struct Usage: Sendable, Equatable {
    /// Tokens in the request.
    public var promptTokens: Int
    /// Tokens generated.
    public var completionTokens: Int
    /// Their sum, as reported.
    public var totalTokens: Int

    /// Creates a count.
    public init(promptTokens: Int, completionTokens: Int, totalTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
    }

    /// No tokens.
    public static let zero = Usage(promptTokens: 0, completionTokens: 0, totalTokens: 0)

    /// Field-wise sum.
    public static func + (lhs: Usage, rhs: Usage) -> Usage {
        Usage(
            promptTokens: lhs.promptTokens + rhs.promptTokens,
            completionTokens: lhs.completionTokens + rhs.completionTokens,
            totalTokens: lhs.totalTokens + rhs.totalTokens)
    }
}
