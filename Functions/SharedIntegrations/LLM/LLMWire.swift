/// The OpenAI wire shapes the client sends and reads (openai/openai-openapi `openapi.yaml`; wire-formats.md §A8).
/// Internal: callers see ``ChatMessage``, ``ChatResult`` and plain vectors.
enum LLMWire {
    /// `POST {base}/chat/completions`.
    struct ChatRequest: Encodable {
        var model: String
        var messages: [ChatMessage]
        var tools: [ToolDefinition]?
        var responseFormat: ResponseFormat?
        var temperature: Double?

        enum CodingKeys: String, CodingKey {
            case model, messages, tools, temperature
            case responseFormat = "response_format"
        }
    }

    /// The chat completion object; only the fields the platform uses.
    struct ChatResponse: LLMWireResponse {
        struct Choice: Decodable {
            var message: ChatMessage
            var finishReason: String?
            enum CodingKeys: String, CodingKey {
                case message
                case finishReason = "finish_reason"
            }
        }
        var id: String?
        var model: String?
        var choices: [Choice]
        var usage: WireUsage?

        var reportedUsage: WireUsage? { usage }
        var reportedFinishReason: String? { choices.first?.finishReason }
    }

    /// `POST {base}/embeddings` with an array input and float encoding.
    struct EmbeddingsRequest: Encodable {
        var model: String
        var input: [String]
        var encodingFormat = "float"
        enum CodingKeys: String, CodingKey {
            case model, input
            case encodingFormat = "encoding_format"
        }
    }

    /// `{object:"list", data:[{index, embedding}], model, usage}`.
    struct EmbeddingsResponse: LLMWireResponse {
        struct Item: Decodable {
            var index: Int
            var embedding: [Float]
        }
        var data: [Item]
        var usage: WireUsage?

        var reportedUsage: WireUsage? { usage }
        var reportedFinishReason: String? { nil }
    }

    /// `usage`; embeddings report no completion tokens.
    struct WireUsage: Decodable {
        var promptTokens: Int?
        var completionTokens: Int?
        var totalTokens: Int?
        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case totalTokens = "total_tokens"
        }

        var usage: Usage {
            let prompt = promptTokens ?? 0
            let completion = completionTokens ?? 0
            return Usage(
                promptTokens: prompt, completionTokens: completion,
                totalTokens: totalTokens ?? prompt + completion)
        }
    }

    /// `{"error":{"message","type","param","code"}}`; only `type` and `code` are kept (the message may quote input).
    struct ErrorEnvelope: Decodable {
        struct Body: Decodable {
            var type: String?
            var code: String?
            enum CodingKeys: String, CodingKey { case type, code }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                type = try? container.decodeIfPresent(String.self, forKey: .type)
                // `code` is a string at OpenAI but a number at some compatible servers.
                code =
                    (try? container.decodeIfPresent(String.self, forKey: .code))
                    ?? (try? container.decodeIfPresent(Int.self, forKey: .code)).map(String.init)
            }
        }
        var error: Body
    }
}

/// A response that reports usage and a finish reason for the per-call log line.
protocol LLMWireResponse: Decodable {
    var reportedUsage: LLMWire.WireUsage? { get }
    var reportedFinishReason: String? { get }
}
