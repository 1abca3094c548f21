internal import FoundationEssentials
internal import Logging
public import Runtime

extension LLMClient {
    /// Runs the tool-call loop: chat, answer every tool call with a `tool` message, chat again, until the model
    /// answers without tool calls or `maxRounds` chat calls have been made.
    ///
    /// Each assistant message is appended as returned; each of its tool calls, in order, gets one
    /// `{"role":"tool","tool_call_id","content"}` message. Arguments (a JSON *string*) are parsed first: malformed
    /// ones, an unknown tool name, or a ``ToolFailure`` thrown by `handler` become a `{"error": …}` tool message
    /// the model can react to. Any other error from `handler` ends the loop and is rethrown. When the last allowed
    /// round still asks for tools, those calls are **not** run: the outcome is
    /// ``ToolLoopResult/Outcome/maxRoundsReached``
    /// and they are in ``ToolLoopResult/pendingToolCalls``.
    /// - Parameters:
    ///   - maxRounds: The most chat calls; ``LLMConfiguration/maxToolRounds`` when nil.
    ///   - handler: Runs one tool on the calling thread and returns its result text (usually JSON).
    /// - Throws: ``LLMError`` from the chat calls, or what `handler` throws other than ``ToolFailure``.
    public func runTools(
        messages: [ChatMessage], tools: [ToolDefinition], maxRounds: Int? = nil,
        temperature: Double? = nil, deadline: Deadline? = nil,
        handler: (ToolInvocation) throws -> String
    ) throws -> ToolLoopResult {
        let limit = maxRounds ?? configuration.maxToolRounds
        guard limit > 0 else { throw LLMError(.invalidConfiguration, detail: "maxRounds must be positive") }
        let names = Set(tools.map(\.name))
        var conversation = messages
        var usage = Usage.zero
        var round = 0
        while true {
            round += 1
            let result = try chat(messages: conversation, tools: tools, temperature: temperature, deadline: deadline)
            usage = usage + (result.usage ?? .zero)
            conversation.append(result.message)
            if result.toolCalls.isEmpty || round >= limit {
                let outcome: ToolLoopResult.Outcome = result.toolCalls.isEmpty ? .completed : .maxRoundsReached
                return ToolLoopResult(
                    outcome: outcome, messages: conversation, lastResult: result, rounds: round, usage: usage)
            }
            for call in result.toolCalls {
                conversation.append(.tool(callID: call.id, content: try answer(call, known: names, handler: handler)))
            }
        }
    }

    /// The content of the `tool` message answering `call`.
    private func answer(_ call: ToolCall, known names: Set<String>, handler: (ToolInvocation) throws -> String)
        throws -> String
    {
        guard names.contains(call.name) else {
            logger.notice(
                "llm tool call rejected", metadata: ["llm.tool": .string(call.name), "reason": "unknown_tool"])
            return ToolFailure(message: "there is no tool named \(call.name)").content
        }
        let text = call.arguments.contains(where: { !$0.isWhitespace }) ? call.arguments : "{}"
        guard let arguments = try? JSONValue.object(from: Array(text.utf8)) else {
            logger.notice(
                "llm tool call rejected", metadata: ["llm.tool": .string(call.name), "reason": "malformed_arguments"])
            return ToolFailure(message: "the arguments are not a JSON object; call the tool again with valid JSON")
                .content
        }
        do {
            return try handler(ToolInvocation(call: call, arguments: arguments))
        } catch let failure as ToolFailure {
            return failure.content
        }
    }
}

/// One tool call, with its arguments already parsed as a JSON object, handed to a tool handler.
public struct ToolInvocation: Sendable {
    /// The call as the model sent it (id, name, raw arguments string).
    public let call: ToolCall
    /// The parsed arguments (an empty object when the model sent an empty string).
    public let arguments: [String: JSONValue]

    /// The function name.
    public var name: String { call.name }

    /// Decodes the arguments as `T`.
    /// - Throws: ``ToolFailure`` naming the field path (never a value), which the loop reports to the model.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSON.decoder().decode(T.self, from: Data(JSON.encode(JSONValue.object(arguments))))
        } catch let error as DecodingError {
            throw ToolFailure(message: "the arguments do not match the tool's parameters \(error.fieldPath)")
        } catch {
            throw ToolFailure(message: "the arguments do not match the tool's parameters")
        }
    }
}

/// An error a tool handler throws to tell the *model* what went wrong (e.g. "no such booking"); the loop sends
/// `{"error": message}` as the tool result and carries on. Keep the message free of secrets: the model sees it.
public struct ToolFailure: Error, Sendable, Equatable {
    /// Text for the model.
    public let message: String

    /// Creates a failure with text for the model.
    public init(message: String) { self.message = message }

    /// `{"error":"<message>"}`.
    var content: String {
        (try? JSON.encode(["error": message])).map { String(decoding: $0, as: UTF8.self) }
            ?? #"{"error":"tool failed"}"#
    }
}

/// How a tool loop ended, with the whole conversation.
public struct ToolLoopResult: Sendable {
    /// Why the loop stopped.
    public enum Outcome: Sendable, Equatable {
        /// The model answered without calling tools.
        case completed
        /// The last allowed round still asked for tools; they were not run.
        case maxRoundsReached
    }

    /// Why the loop stopped.
    public var outcome: Outcome
    /// The input messages followed by every assistant and tool message of the loop, in order.
    public var messages: [ChatMessage]
    /// The last chat result (the final answer when ``outcome`` is `completed`).
    public var lastResult: ChatResult
    /// How many chat calls were made.
    public var rounds: Int
    /// Token usage summed over the rounds.
    public var usage: Usage

    /// The calls of the last round that were not run (empty when completed).
    public var pendingToolCalls: [ToolCall] { outcome == .maxRoundsReached ? lastResult.toolCalls : [] }
}
