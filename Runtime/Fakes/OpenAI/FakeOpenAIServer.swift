public import Runtime
public import RuntimeTesting

/// A local stand-in for an OpenAI-compatible API on 127.0.0.1: `POST /v1/chat/completions` and
/// `POST /v1/embeddings` (also without the `/v1` prefix), validating requests as OpenAI does and answering from a
/// script.
///
/// Validation (a 400/401/404 in OpenAI's `{"error":{"message","type","param","code"}}` shape, consuming no
/// scripted reply): `Authorization: Bearer <key>` (or Azure's `api-key`) when a key is configured; a JSON body;
/// `model` and `messages` present; known roles; assistant `tool_calls[].function.arguments` a string; every `tool`
/// message answers a `tool_call_id` of the preceding assistant message and every call is answered; `tools`,
/// `tool_choice` and `response_format` (`json_schema` with name, schema, and strict-mode rules). Valid requests take
/// the next ``Reply`` queued for their endpoint, or ``Reply/standard`` when the queue is empty: canned text, or for
/// a `json_schema` request a minimal instance of the schema. Embeddings are deterministic: a hashed bag of words,
/// L2-normalised, so texts sharing words are close. Every request is recorded.
///
/// Threading: Sendable; requests are served on the loopback server's connection threads. Ownership: the socket and
/// threads are released by ``stop()`` or `deinit`.
public final class FakeOpenAIServer: Sendable {
    /// Which queue a reply is for.
    public enum Endpoint: Sendable {
        case chat, embeddings
    }

    /// The key requests must present, or nil to accept any (local servers).
    public let apiKey: String?
    /// The length of every embedding vector (unless a request asks for `dimensions`).
    public let embeddingDimensions: Int
    private let server: LoopbackHTTPServer
    private let script: Locked<Script>

    struct Script: Sendable {
        var chat: [Reply] = []
        var embeddings: [Reply] = []
        var served = 0
    }

    /// Starts serving at once on a kernel-chosen port.
    /// - Parameters:
    ///   - apiKey: The key to require; nil accepts requests without one.
    ///   - embeddingDimensions: The vector length (default 64; OpenAI's small model has 1536).
    public init(apiKey: String? = nil, embeddingDimensions: Int = 64) throws {
        let script = Locked(Script())
        let responder = FakeOpenAIResponder(apiKey: apiKey, dimensions: max(1, embeddingDimensions), script: script)
        self.apiKey = apiKey
        self.embeddingDimensions = max(1, embeddingDimensions)
        self.script = script
        self.server = try LoopbackHTTPServer { request in responder.respond(to: request) }
    }

    deinit { server.stop() }

    /// `http://127.0.0.1:<port>/v1`, the value for `LLM_BASE_URL`.
    public var baseURL: String { server.url("/v1") }

    /// The port the kernel chose.
    public var port: Int { server.port }

    /// Queues replies for the next valid requests to `endpoint`, in order.
    public func enqueue(_ replies: Reply..., for endpoint: Endpoint = .chat) { enqueue(replies, for: endpoint) }

    /// Queues replies for the next valid requests to `endpoint`, in order.
    public func enqueue(_ replies: [Reply], for endpoint: Endpoint = .chat) {
        script.withLock { script in
            switch endpoint {
            case .chat: script.chat += replies
            case .embeddings: script.embeddings += replies
            }
        }
    }

    /// Replies still queued for `endpoint`.
    public func pendingReplies(for endpoint: Endpoint = .chat) -> Int {
        script.withLock { endpoint == .chat ? $0.chat.count : $0.embeddings.count }
    }

    /// Every request received, valid or not, in arrival order.
    public var requests: [LoopbackHTTPServer.RecordedRequest] { server.requests }

    /// The JSON bodies of the chat-completions requests received (unparseable bodies are skipped).
    public var chatRequests: [[String: JSONValue]] { bodies { $0.hasSuffix("/chat/completions") } }

    /// The JSON bodies of the embeddings requests received (unparseable bodies are skipped).
    public var embeddingRequests: [[String: JSONValue]] { bodies { $0.hasSuffix("/embeddings") } }

    /// Stops serving and joins the server's threads. Idempotent.
    public func stop() { server.stop() }

    private func bodies(where matches: (String) -> Bool) -> [[String: JSONValue]] {
        requests.filter { request in matches(String(request.path.prefix { $0 != "?" })) }
            .compactMap { request in try? JSONValue.object(from: request.body) }
    }

    /// The deterministic embedding of `text`: words (lower-cased runs of letters and digits) hashed with FNV-1a
    /// into `dimensions` buckets, counted, then L2-normalised; a text without words maps to the first unit vector.
    public static func embedding(of text: String, dimensions: Int) -> [Float] {
        var vector = [Float](repeating: 0, count: max(1, dimensions))
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
        for word in words {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in word.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            vector[Int(hash % UInt64(vector.count))] += 1
        }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else {
            vector[0] = 1
            return vector
        }
        return vector.map { $0 / norm }
    }
}
