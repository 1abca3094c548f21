public import Logging
public import Runtime
internal import RuntimeHTTPClient

/// A blocking client for an OpenAI-compatible API: chat completions (with tools and structured output), the
/// tool-call loop, and embeddings.
///
/// Threading: **one client per worker thread**, like the ``HTTPClient`` it owns (one libcurl handle, kept warm
/// between calls); it is deliberately not Sendable. Every request leaves through one internal function, `send`,
/// so retry and circuit-breaker policy can wrap that single seam. Each call logs one line, `llm call`, with
/// `llm.model`, `llm.kind` (`chat`/`embeddings`), `duration_ms`, `llm.usage.prompt`, `llm.usage.completion`,
/// `llm.finish_reason`, `http.status` and, on failure, `error.code` — never message text, tool arguments or keys.
/// (The usage keys avoid the word "token", which the log handler redacts.)
public final class LLMClient {
    /// The endpoint and limits this client was built with.
    public let configuration: LLMConfiguration
    private let transport: any ProviderTransport
    let logger: Logger

    /// The kinds of call, as logged in `llm.kind`.
    enum CallKind: String {
        case chat, embeddings
    }

    /// The largest response accepted (an embeddings batch of 64 × 3072 floats is about 4 MB of JSON).
    static let maxResponseBytes = 32 * 1024 * 1024

    /// Creates a client and its HTTP handle. Plain `http://` is allowed to loopback hosts only (local model servers
    /// and fakes); every other URL must be `https://`.
    /// - Throws: ``LLMError`` `invalid_configuration` for non-positive limits or if libcurl cannot start.
    ///   - transport: how requests leave; by default a single-attempt ``HTTPClient`` of this client's own. Pass a
    ///     ``ResilientTransport`` for retries and the provider's circuit breaker.
    public init(configuration: LLMConfiguration, logger: Logger, transport: (any ProviderTransport)? = nil) throws {
        guard configuration.timeout > .zero, configuration.maxToolRounds > 0, configuration.embeddingBatchSize > 0
        else {
            throw LLMError(
                .invalidConfiguration, detail: "timeout, maxToolRounds and embeddingBatchSize must be positive")
        }
        self.configuration = configuration
        self.logger = logger
        if let transport {
            self.transport = transport
            return
        }
        do {
            self.transport = try HTTPClient(
                configuration: .init(
                    timeout: configuration.timeout,
                    maxResponseBytes: Self.maxResponseBytes,
                    allowPlainHTTPToLoopback: true))
        } catch {
            let code = (error as? HTTPClientError)?.code.description ?? "unknown"
            throw LLMError(.invalidConfiguration, detail: "the HTTP client could not start (\(code))")
        }
    }

    /// Sends one chat-completions request and returns the first choice.
    ///
    /// A refusal or a tool-call answer is a normal result here;
    /// ``structured(_:messages:schemaName:schema:temperature:deadline:)`` and
    /// ``runTools(messages:tools:maxRounds:temperature:deadline:handler:)`` interpret them.
    /// - Parameters:
    ///   - tools: Functions the model may call (omitted from the request when empty).
    ///   - responseFormat: Text, JSON mode or a JSON schema; the server's default (text) when nil.
    ///   - deadline: The caller's deadline; the call's timeout is the shorter of it and the configured timeout.
    /// - Throws: ``LLMError``.
    public func chat(
        messages: [ChatMessage], tools: [ToolDefinition] = [], responseFormat: ResponseFormat? = nil,
        temperature: Double? = nil, deadline: Deadline? = nil
    ) throws -> ChatResult {
        let body = LLMWire.ChatRequest(
            model: configuration.model, messages: messages, tools: tools.isEmpty ? nil : tools,
            responseFormat: responseFormat, temperature: temperature)
        let response: LLMWire.ChatResponse = try call(
            .chat, model: configuration.model, endpoint: "/chat/completions",
            body: body, deadline: deadline)
        guard let choice = response.choices.first else {
            throw LLMError(.badResponse, status: 200, detail: "the completion has no choices")
        }
        var message = choice.message
        message.role = .assistant
        return ChatResult(
            id: response.id ?? "", model: response.model ?? configuration.model, message: message,
            finishReason: choice.finishReason.map(FinishReason.init(rawValue:)),
            usage: response.usage?.usage)
    }

    /// Embeds `texts` with the configured embeddings model, one vector per text in the same order.
    ///
    /// Texts are sent in batches of ``LLMConfiguration/embeddingBatchSize``; each batch's answer is put back in
    /// order by its `index`. An empty list makes no call.
    /// - Throws: ``LLMError``: `invalid_configuration` without an embeddings model; `bad_response` if the server
    ///   returns missing or duplicate indexes or vectors of differing dimension.
    public func embed(texts: [String], deadline: Deadline? = nil) throws -> [[Float]] {
        guard let model = configuration.embeddingModel else {
            throw LLMError(.invalidConfiguration, detail: "no embeddings model is configured (LLM_EMBEDDING_MODEL)")
        }
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let batch = Array(texts[start..<min(start + configuration.embeddingBatchSize, texts.count)])
            let response: LLMWire.EmbeddingsResponse = try call(
                .embeddings, model: model, endpoint: "/embeddings",
                body: LLMWire.EmbeddingsRequest(model: model, input: batch), deadline: deadline)
            vectors += try Self.ordered(response.data, count: batch.count)
            start += batch.count
        }
        if let dimension = vectors.first?.count, vectors.contains(where: { $0.count != dimension }) {
            throw LLMError(.badResponse, status: 200, detail: "embeddings of differing dimension")
        }
        return vectors
    }

    /// The batch's vectors in input order, checking that every index in `0..<count` appears exactly once.
    private static func ordered(_ items: [LLMWire.EmbeddingsResponse.Item], count: Int) throws -> [[Float]] {
        var slots = [[Float]?](repeating: nil, count: count)
        for item in items {
            guard slots.indices.contains(item.index), slots[item.index] == nil, !item.embedding.isEmpty else {
                throw LLMError(.badResponse, status: 200, detail: "embedding index missing, repeated or out of range")
            }
            slots[item.index] = item.embedding
        }
        let vectors = slots.compactMap { $0 }
        guard vectors.count == count else {
            throw LLMError(.badResponse, status: 200, detail: "fewer embeddings than inputs")
        }
        return vectors
    }

    /// The one function through which every request leaves the client (the seam for retries and a breaker).
    func send(_ request: HTTPClientRequest, deadline: Deadline?) throws(HTTPClientError) -> HTTPClientResponse {
        try transport.send(request, deadline: deadline)
    }

    /// POSTs `body` as JSON to `endpoint`, decodes a 2xx answer and logs the call's one line.
    func call<Response: LLMWireResponse>(
        _ kind: CallKind, model: String, endpoint: String, body: some Encodable,
        deadline: Deadline?
    ) throws(LLMError) -> Response {
        let started = ContinuousClock.now
        let outcome = Result { () throws(LLMError) -> (Response, Int) in
            try exchange(endpoint: endpoint, body: body, deadline: deadline)
        }
        log(kind, model: model, elapsed: ContinuousClock.now - started, outcome: outcome)
        return try outcome.get().0
    }

    private func exchange<Response: LLMWireResponse>(endpoint: String, body: some Encodable, deadline: Deadline?)
        throws(LLMError) -> (Response, Int)
    {
        let bytes: [UInt8]
        do {
            bytes = try JSON.encode(body)
        } catch {
            throw LLMError(.invalidConfiguration, detail: "the request could not be encoded as JSON")
        }
        var headers = [("Content-Type", "application/json"), ("Accept", "application/json")]
        if let authorization = configuration.authorizationHeader { headers.append(authorization) }
        let request = HTTPClientRequest(method: "POST", url: configuration.url(endpoint), headers: headers, body: bytes)
        let response: HTTPClientResponse
        do throws(HTTPClientError) {
            response = try send(request, deadline: deadline)
        } catch {
            throw LLMError(transport: error)
        }
        guard response.isSuccess else { throw LLMError(response: response) }
        return (try LLMError.decodeWire(Response.self, from: response.body, status: response.status), response.status)
    }

    private func log<Response: LLMWireResponse>(
        _ kind: CallKind, model: String, elapsed: Duration,
        outcome: Result<(Response, Int), LLMError>
    ) {
        let (seconds, attoseconds) = elapsed.components
        var metadata: Logger.Metadata = [
            "llm.model": .string(model), "llm.kind": .string(kind.rawValue),
            "duration_ms": .stringConvertible(Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)),
        ]
        switch outcome {
        case .success(let (response, status)):
            let usage = response.reportedUsage?.usage
            metadata["http.status"] = .stringConvertible(status)
            metadata["llm.usage.prompt"] =
                usage.map { .stringConvertible($0.promptTokens) } ?? .stringConvertible(LogNull.value)
            metadata["llm.usage.completion"] =
                usage.map { .stringConvertible($0.completionTokens) } ?? .stringConvertible(LogNull.value)
            metadata["llm.finish_reason"] =
                response.reportedFinishReason.map { .string($0) }
                ?? .stringConvertible(LogNull.value)
            logger.info("llm call", metadata: metadata)
        case .failure(let error):
            metadata["error.code"] = .string(error.code.description)
            metadata["http.status"] = error.status.map { .stringConvertible($0) } ?? .stringConvertible(LogNull.value)
            if let providerCode = error.providerCode { metadata["llm.provider_code"] = .string(providerCode) }
            logger.warning("llm call", metadata: metadata)
        }
    }
}

@available(*, unavailable, message: "Build one LLMClient per worker thread; its HTTP handle must not be shared.")
extension LLMClient: Sendable {}
