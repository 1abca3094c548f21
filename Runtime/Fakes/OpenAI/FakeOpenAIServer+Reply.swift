extension FakeOpenAIServer {
    /// One scripted answer to a valid request.
    ///
    /// For chat: ``text(_:)``, ``json(_:)``, ``toolCalls(_:)`` or ``refusal(_:)``; for either endpoint: errors,
    /// ``rateLimited(retryAfter:)``, ``malformedJSON``, ``dropConnection`` and ``standard`` (the default answer).
    /// Modifiers add a delay, usage counts or a finish reason.
    public struct Reply: Sendable {
        enum Kind: Sendable {
            case standard
            case text(String)
            case toolCalls([ToolCall])
            case refusal(String)
            case error(status: Int, type: String, code: String?, message: String)
            case rateLimited(retryAfter: Int)
            case malformedJSON
            case drop
        }

        /// A tool call to put in an assistant message; `arguments` is sent verbatim (it may be malformed on purpose).
        public struct ToolCall: Sendable {
            public var id: String
            public var name: String
            public var arguments: String

            /// Creates a call.
            public init(id: String, name: String, arguments: String) {
                self.id = id
                self.name = name
                self.arguments = arguments
            }
        }

        var kind: Kind
        var delay: Duration = .zero
        var usage: (prompt: Int, completion: Int)?
        var finishReason: String?

        /// The default answer: canned text, a minimal instance of a `json_schema`, or the hashed embeddings.
        public static var standard: Reply { Reply(kind: .standard) }
        /// An assistant message with this text (`finish_reason: stop`).
        public static func text(_ content: String) -> Reply { Reply(kind: .text(content)) }
        /// An assistant message whose content is this JSON text, sent as is (it may be invalid on purpose).
        public static func json(_ content: String) -> Reply { Reply(kind: .text(content)) }
        /// An assistant message calling tools (`content: null`, `finish_reason: tool_calls`).
        public static func toolCalls(_ calls: [ToolCall]) -> Reply { Reply(kind: .toolCalls(calls)) }
        /// A structured-output refusal (`content: null`, `refusal: text`).
        public static func refusal(_ text: String) -> Reply { Reply(kind: .refusal(text)) }
        /// An error in OpenAI's shape, e.g. `error(status: 500, type: "server_error", code: nil, message: "…")`.
        public static func error(status: Int, type: String, code: String? = nil, message: String) -> Reply {
            Reply(kind: .error(status: status, type: type, code: code, message: message))
        }
        /// 401 `invalid_api_key`, as OpenAI answers a bad key.
        public static var unauthorized: Reply {
            .error(
                status: 401, type: "invalid_request_error", code: "invalid_api_key",
                message: "Incorrect API key provided.")
        }
        /// 500 `server_error`.
        public static var serverError: Reply {
            .error(status: 500, type: "server_error", message: "The server had an error while processing your request.")
        }
        /// 429 `rate_limit_exceeded` with `Retry-After: <seconds>`.
        public static func rateLimited(retryAfter seconds: Int) -> Reply {
            Reply(kind: .rateLimited(retryAfter: seconds))
        }
        /// A 200 whose JSON body is cut off mid-object.
        public static var malformedJSON: Reply { Reply(kind: .malformedJSON) }
        /// Closes the connection without answering.
        public static var dropConnection: Reply { Reply(kind: .drop) }

        /// The same reply, sent after `delay` (a slow server; long enough, a client timeout).
        public func delayed(by delay: Duration) -> Reply {
            var copy = self
            copy.delay = delay
            return copy
        }

        /// The same reply with these usage counts (otherwise words are counted).
        public func usage(prompt: Int, completion: Int) -> Reply {
            var copy = self
            copy.usage = (prompt, completion)
            return copy
        }

        /// The same reply with another `finish_reason` (e.g. `length`).
        public func finishing(_ reason: String) -> Reply {
            var copy = self
            copy.finishReason = reason
            return copy
        }
    }
}
